import { createEmitter, type Emitter } from './events.js'
import { LAUNCHER_MESSAGES } from './i18n/launcher.js'
import { createTranslate } from './i18n/translate.js'
import { createLauncher, type Launcher } from './launcher.js'
import type { ResolvedOptions } from './options.js'
import { applyStyles, createShellStyles } from './styles.js'

/** The tag of the widget's one host element: a name no selector of the page hits by accident. */
export const HOST_TAG = 'snagbox-widget'

/**
 * The first stage on the page: the host element with its open shadow root, the launcher and the
 * widget's events. The dialog, loaded later, renders into the same shadow root.
 */
export interface Shell {
  options: ResolvedOptions
  host: HTMLElement
  root: ShadowRoot
  /** `null` with `launcher: false` (the host opens the form with its own button). */
  launcher: Launcher | null
  events: Emitter
  /** Adds the dialog's styles beside the first stage's. */
  addStyles(css: string): void
  /** Takes it all off the page, the page's click listener too. */
  remove(): void
}

/** What the page asks of the widget before anything else has loaded. */
export interface ShellHandlers {
  /**
   * The launcher or a `data-snagbox-open` element was clicked; `view` is that attribute's value
   * (`requests` opens "My requests").
   */
  open(opener: HTMLElement, view?: string | null): void
  /** The pointer is over the launcher, or the focus on it: the dialog will likely be wanted. */
  intent(): void
}

/**
 * Mounts the shell. The host carries `data-snagbox-ignore`, so no screenshot ever shows it.
 * Elements of the page with `data-snagbox-open` open the form when clicked (`="requests"`: "My
 * requests").
 */
export function createShell(
  options: ResolvedOptions,
  handlers: ShellHandlers,
  doc: Document = document,
): Shell {
  const host = doc.createElement(HOST_TAG)
  host.setAttribute('data-snagbox-ignore', '')
  host.lang = options.lang
  const root = host.attachShadow({ mode: 'open' })
  const addStyles = (css: string) => applyStyles(root, css, options.nonce)
  addStyles(createShellStyles(options))
  const launcher = options.launcher
    ? createLauncher(
        root,
        options.position,
        createTranslate(LAUNCHER_MESSAGES[options.lang], options.messages),
        handlers,
      )
    : null
  ;(doc.body ?? doc.documentElement).append(host)
  launcher?.show()

  const onClick = (event: MouseEvent) => {
    const opener = event
      .composedPath()
      .find(
        (node): node is HTMLElement =>
          node instanceof Element && node.hasAttribute('data-snagbox-open'),
      )
    if (!opener) return
    event.preventDefault()
    handlers.open(opener, opener.getAttribute('data-snagbox-open'))
  }
  doc.addEventListener('click', onClick)

  return {
    options,
    host,
    root,
    launcher,
    events: createEmitter(),
    addStyles,
    remove() {
      doc.removeEventListener('click', onClick)
      host.remove()
    },
  }
}
