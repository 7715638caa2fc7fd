/**
 * The dialog part: everything after the button. The script tag's first stage loads it on the
 * reporter's first sign of intent (or an idle moment after the page loaded); the npm package
 * imports it at once. It holds the SDK client, Preact and the dialog with its views.
 */
import { createClient, type LogBuffer, type Reporter, type SnagboxClient } from '@snagbox/sdk'
import { activeElement, listenTo, safe, type SnagboxApi } from './api.js'
import type { DialogMessages } from './i18n/en.js'
import { mountDialog, type MountedWidget } from './mount.js'
import type { ResolvedOptions } from './options.js'
import type { Shell } from './shell.js'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A method that takes an object (or, where `nullable`, `null` to forget): anything else is
 * ignored, leaving everything as it was, with one warning saying what was expected.
 */
function takesObject<T>(
  name: string,
  fn: (value: T | null) => void,
  nullable = false,
): (value: T | null) => void {
  return (value) => {
    if (isObject(value) || (nullable && value == null)) return fn(value ?? null)
    console.warn(
      `[snagbox] ${name}() takes an object${nullable ? ' (or null)' : ''}; ignored:`,
      value,
    )
  }
}

/** The dialog mounted in a shell, and the API over it. */
export interface Dialog {
  api: Omit<SnagboxApi, 'loaded'>
  widget: MountedWidget
  client: SnagboxClient
  /**
   * Opens the dialog for `opener`, the focus going back to it after: what `open(view, reference)`
   * or a `data-snagbox-open` element's value asks (see {@link SnagboxApi.open}).
   */
  open(opener: HTMLElement | null, view?: unknown, reference?: unknown): void
  /**
   * Fetches what an open will need: the SDK's user-agent parser and, with `capture` (a sign of
   * intent), the screenshot capture and its renderer, so the picture does not wait for them.
   * Without it (an idle moment) the renderer stays unfetched: a page where nobody reports does
   * not pay for it.
   */
  prepare(capture?: boolean): void
}

/** What `open(view)` and `data-snagbox-open` take for the form: nothing, `"true"`, `"form"`. */
const FORM_VIEWS = new Set(['', 'true', 'form'])

/**
 * Creates the SDK client (unless given one; a client made here takes over `logs`, the console
 * lines the first stage has recorded since the page loaded), mounts the dialog into the shell
 * and returns the API over both: the script tag's `window.Snagbox` hands its calls to this once
 * loaded; the npm package's `createWidget()` returns it with `destroy()`.
 *
 * @example
 * const { api } = startDialog(shell, DICTIONARIES.en, undefined, startLogBuffer())
 * api.open()
 */
export function startDialog(
  shell: Shell,
  messages: DialogMessages,
  client?: SnagboxClient,
  logs?: LogBuffer,
): Dialog {
  const o: ResolvedOptions = shell.options
  const sdk =
    client ??
    createClient({
      endpoint: o.endpoint,
      projectKey: o.key,
      app: o.app,
      lang: o.lang,
      logs: { buffer: logs },
    })
  const widget = mountDialog(shell, sdk, messages)
  const { state } = widget

  function open(opener: HTMLElement | null, view?: unknown, reference?: unknown) {
    // Not a string (a click event, when `open` is a listener itself): the form, as ever.
    if (view !== 'requests') {
      if (typeof view === 'string' && !FORM_VIEWS.has(view))
        console.warn(
          "[snagbox] open() and data-snagbox-open take 'requests' or nothing; the form opens instead of:",
          view,
        )
      return state.open(opener)
    }
    const wanted = typeof reference === 'string' ? reference.trim().toUpperCase() : ''
    if (reference !== undefined && !wanted)
      console.warn(
        "[snagbox] open('requests', reference) takes a reference such as 'DEMO-12'; the list opens instead of:",
        reference,
      )
    state.open(opener, 'requests', wanted || undefined)
  }

  return {
    widget,
    client: sdk,
    open,
    prepare: (capture = true) => void sdk.prepare({ screenshot: capture && o.screenshot }),
    api: {
      open: safe('open', (view, reference) => open(activeElement(), view, reference), undefined),
      close: safe('close', () => state.close(), undefined),
      // The SDK has the user too: with its id and signature, "My requests" lists theirs.
      setUser: safe(
        'setUser',
        takesObject<Reporter>(
          'setUser',
          (user) => {
            state.setUser(user)
            sdk.setUser(user)
          },
          true,
        ),
        undefined,
      ),
      setContext: safe(
        'setContext',
        takesObject<Record<string, unknown>>('setContext', (context) => {
          sdk.setContext(context!)
          state.refreshPreview()
        }),
        undefined,
      ),
      setApp: safe(
        'setApp',
        takesObject<ResolvedOptions['app']>('setApp', (app) => {
          sdk.setApp(app!)
          state.refreshPreview()
        }),
        undefined,
      ),
      on: listenTo(shell.events),
      getEnvironment: safe(
        'getEnvironment',
        () => sdk.collectEnvironment().catch(() => null),
        Promise.resolve(null),
      ),
    },
  }
}
