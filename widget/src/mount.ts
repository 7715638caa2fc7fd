import { h, render } from 'preact'
import { App } from './components/App.js'
import { createEmitter } from './events.js'
import { createTranslate } from './i18n/translate.js'
import type { ResolvedOptions } from './options.js'
import { createState, type WidgetClient } from './state.js'
import { applyStyles, createWidgetStyles } from './styles.js'
import { WidgetContext } from './widget-context.js'

/** The tag of the widget's one host element. */
export const HOST_TAG = 'snagbox-widget'

/**
 * Mounts the widget: one open shadow root holding the launcher, the dialog and all their styles.
 * The host carries `data-snagbox-ignore`, so no screenshot ever shows it. Elements of the page with
 * `data-snagbox-open` open the form when clicked.
 */
export function mountWidget(
  options: ResolvedOptions,
  client: WidgetClient,
  doc: Document = document,
) {
  const host = doc.createElement(HOST_TAG)
  host.setAttribute('data-snagbox-ignore', '')
  const root = host.attachShadow({ mode: 'open' })
  applyStyles(root, createWidgetStyles(options), options.nonce)
  const t = createTranslate(options.lang, options.messages)
  const events = createEmitter()
  const state = createState(client, options, t, events)
  render(h(WidgetContext.Provider, { value: { state, t, options } }, h(App, {})), root)
  host.lang = options.lang
  ;(doc.body ?? doc.documentElement).append(host)

  const onClick = (event: MouseEvent) => {
    const opener = event
      .composedPath()
      .find(
        (node): node is HTMLElement =>
          node instanceof Element && node.hasAttribute('data-snagbox-open'),
      )
    if (!opener) return
    event.preventDefault()
    void state.open(opener)
  }
  doc.addEventListener('click', onClick)

  return {
    host,
    root,
    state,
    events,
    unmount() {
      doc.removeEventListener('click', onClick)
      state.dispose()
      render(null, root)
      host.remove()
    },
  }
}

export type MountedWidget = ReturnType<typeof mountWidget>
