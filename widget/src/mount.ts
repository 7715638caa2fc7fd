import { effect } from '@preact/signals'
import { h, render } from 'preact'
import { App } from './components/App.js'
import { createDialogStyles } from './components/dialog-styles.js'
import { createFormStyles } from './components/form-styles.js'
import type { DialogMessages } from './i18n/en.js'
import { createTranslate } from './i18n/translate.js'
import type { Shell } from './shell.js'
import { createState, type WidgetClient } from './state.js'
import { WidgetContext } from './widget-context.js'

/**
 * Mounts the dialog into the shell's shadow root, beside the launcher, with its styles; the
 * launcher follows the state (busy while the page is captured, expanded while the dialog is open).
 */
export function mountDialog(shell: Shell, client: WidgetClient, messages: DialogMessages) {
  const { options, root, launcher, events } = shell
  shell.addStyles(createDialogStyles() + createFormStyles())
  const t = createTranslate(messages, options.messages)
  const state = createState(client, options, t, events)
  const container = root.ownerDocument.createElement('div')
  container.className = 'dialog-root'
  root.append(container)
  render(
    h(
      WidgetContext.Provider,
      { value: { state, t, options, addStyles: shell.addStyles } },
      h(App, {}),
    ),
    container,
  )
  const stopFollowing = effect(() => {
    launcher?.setBusy(state.opening.value)
    launcher?.setExpanded(state.view.value !== 'closed')
  })

  return {
    host: shell.host,
    root,
    state,
    events,
    unmount() {
      stopFollowing()
      state.dispose()
      render(null, container)
      container.remove()
    },
  }
}

export type MountedWidget = ReturnType<typeof mountDialog>
