import { effect, signal } from '@preact/signals'
import { h, render } from 'preact'
import { App } from './components/App.js'
import { createDialogStyles } from './components/dialog-styles.js'
import { createFormStyles } from './components/form-styles.js'
import { followRequests } from './components/parts.js'
import type { DialogMessages } from './i18n/en.js'
import { createTranslate } from './i18n/translate.js'
import type { Shell } from './shell.js'
import { afterLoadWhenIdle } from './idle.js'
import { createState, type WidgetClient } from './state.js'
import { WidgetContext, type WidgetContextValue } from './widget-context.js'

/**
 * Whether this page's storage remembers requests of the project (the SDK keeps each under
 * `snagbox:requests:<key>:<reference>`): only then is there anything support may have answered.
 */
function remembersRequests(key: string): boolean {
  try {
    const prefix = `snagbox:requests:${key}:`
    return Object.keys(localStorage).some((name) => name.startsWith(prefix))
  } catch {
    return false
  }
}

/**
 * Mounts the dialog into the shell's shadow root, beside the launcher, with its styles; the
 * launcher follows the state (expanded while the dialog is open).
 * Its badge is the conversation part's: loaded once the page is idle when this browser remembers
 * requests or the host's user is signed in (`setUser` with a signature), else once a request is
 * sent — nothing is asked of the server before there is a request to ask about.
 */
export function mountDialog(shell: Shell, client: WidgetClient, messages: DialogMessages) {
  const { options, root, launcher, events } = shell
  shell.addStyles(createDialogStyles() + createFormStyles())
  const t = createTranslate(messages, options.messages)
  const state = createState(client, options, t, events, launcher?.button)
  const container = root.ownerDocument.createElement('div')
  container.className = 'dialog-root'
  root.append(container)
  const context: WidgetContextValue = {
    state,
    t,
    options,
    addStyles: shell.addStyles,
    client,
    launcher,
  }
  render(h(WidgetContext.Provider, { value: context }, h(App, {})), container)
  const stopFollowing = effect(() => launcher?.setExpanded(state.view.value !== 'closed'))
  let unmounted = false
  const follow = () =>
    void (!unmounted && followRequests(context).then((conversation) => conversation?.refresh()))
  const idle = signal(false)
  afterLoadWhenIdle(() => (idle.value = true))
  // Again when the host signs its user in (or out): their requests are others then.
  const stopWatching = effect(() => {
    const { id, signature } = state.user.value
    if (idle.value && (remembersRequests(options.key) || (id && signature))) follow()
  })
  // A request sent (or queued): there is something to list, and to follow once it has a reference.
  const stopHearing = events.on('submitted', follow)

  return {
    host: shell.host,
    root,
    state,
    events,
    unmount() {
      unmounted = true
      stopFollowing()
      stopWatching()
      stopHearing()
      state.dispose()
      render(null, container)
      container.remove()
    },
  }
}

export type MountedWidget = ReturnType<typeof mountDialog>
