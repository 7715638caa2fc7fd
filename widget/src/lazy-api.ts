import { activeElement, listenTo, safe, type SnagboxApi } from './api.js'
import type { Dialog } from './dialog-part.js'
import type { DialogMessages } from './i18n/en.js'
import type { ResolvedOptions } from './options.js'
import { afterLoadWhenIdle } from './idle.js'
import { createShell, type Shell } from './shell.js'

/** Loads the dialog part and the dialog's texts in the page's language (rejects if either fails). */
export type LoadDialog = () => Promise<{
  startDialog: (shell: Shell, messages: DialogMessages) => Dialog
  messages: DialogMessages
}>

/** A call waiting for the dialog; `opens` ones are dropped when loading fails or `close()` comes. */
type Waiting = ((dialog: Dialog) => void) & { opens?: boolean }

/**
 * The script tag's first stage: the shell (host, launcher, events) and `window.Snagbox`, with the
 * dialog loaded on first intent — the pointer over or the focus on the launcher, a click on it or
 * on a `data-snagbox-open` element, `open()`, `getEnvironment()` — or when the page is idle. After
 * it the SDK's user-agent parser is fetched, and on intent the screenshot's capture and renderer
 * too, so the first picture is not held up by them. Calls made before it arrived are applied in
 * order once it has; `on()` needs no dialog at all.
 * If it cannot be loaded, the launcher says so and the next click tries again.
 *
 * @example
 * const { api } = startFirstStage(resolveOptions({ key, endpoint }), loadFromScriptUrl)
 * window.Snagbox = api
 */
export function startFirstStage(
  options: ResolvedOptions,
  load: LoadDialog,
  idle: (fn: () => void) => void = afterLoadWhenIdle,
): { api: SnagboxApi; shell: Shell } {
  let dialog: Dialog | null = null
  let loading: Promise<Dialog | null> | null = null
  let waiting: Waiting[] = []

  const shell = createShell(options, {
    open: (opener, view) => whenLoaded((d) => d.open(opener, view), true),
    intent: () => void ensure().then((d) => d?.prepare()),
  })

  /** Loading failed (the loader has said which file): an open waiting for it is called off. */
  function failed() {
    loading = null
    if (waiting.some((call) => call.opens)) shell.launcher?.setUnavailable()
    waiting = waiting.filter((call) => !call.opens)
    return null
  }

  function ensure(): Promise<Dialog | null> {
    loading ??= load().then(({ startDialog, messages }) => {
      try {
        dialog = startDialog(shell, messages)
        // An open that waited for it shows now, at once.
        shell.launcher?.setBusy(false)
      } catch (cause) {
        console.error('[snagbox] the dialog could not start', cause)
        return failed()
      }
      for (const call of waiting.splice(0)) call(dialog)
      return dialog
    }, failed)
    return loading
  }

  function whenLoaded(call: Waiting, opens = false) {
    if (dialog) return call(dialog)
    call.opens = opens
    waiting.push(call)
    if (opens) {
      shell.launcher?.setBusy(true)
      void ensure()
    }
  }

  idle(() => void ensure().then((d) => d?.prepare(false)))

  const api: SnagboxApi = {
    loaded: true,
    open: safe(
      'open',
      (view, reference) => {
        const opener = activeElement()
        whenLoaded((d) => d.open(opener, view, reference), true)
      },
      undefined,
    ),
    close: safe(
      'close',
      () => {
        if (dialog) return dialog.api.close()
        // Before the dialog has arrived: the open it would have shown is called off.
        waiting = waiting.filter((call) => !call.opens)
        shell.launcher?.setBusy(false)
      },
      undefined,
    ),
    setUser: (user) => whenLoaded((d) => d.api.setUser(user)),
    setContext: (context) => whenLoaded((d) => d.api.setContext(context)),
    setApp: (app) => whenLoaded((d) => d.api.setApp(app)),
    on: listenTo(shell.events),
    getEnvironment: safe(
      'getEnvironment',
      () => ensure().then((d) => (d ? d.api.getEnvironment() : null)),
      Promise.resolve(null),
    ),
  }
  return { api, shell }
}
