/**
 * The script-tag entry (`/widget.js`), the first stage: reads the tag's `data-*` attributes, shows
 * the launcher, puts `window.Snagbox` in place and replays the calls the stub queued, and records
 * the page's console errors and warnings from the start. The dialog (the SDK, Preact, the form)
 * and its texts are ES modules beside this script, named by their content's hash, loaded on first
 * intent (see `lazy-api.ts`); its SDK client takes the console lines over.
 *
 * @example
 * <script async src="https://support.example.com/widget.js" data-key="pk_live_…" data-app-version="4.30.34" data-app-build="6255"></script>
 */
import { startLogBuffer, type LogBuffer } from '@snagbox/sdk'
import type { Language } from '@snagbox/sdk/contract'
import { PARTS } from 'snagbox:widget-parts'
import type { LoadDialog } from './lazy-api.js'
import { startFirstStage } from './lazy-api.js'
import { optionsFromScript, resolveOptions } from './options.js'
import { replay, type Stub } from './stub.js'

type SnagboxWindow = Window & { Snagbox?: Stub }

/**
 * Imports the dialog part and the language's texts from beside the script. A file that fails is
 * named in the console; a later attempt asks for it anew (`?retry=n`), as a browser may keep a
 * failed module.
 */
function loaderFor(base: string, lang: Language, logs: LogBuffer): LoadDialog {
  let attempt = 0
  return () => {
    const retry = attempt++ ? `?retry=${attempt - 1}` : ''
    const part = (file: string) => {
      const url = new URL(file + retry, base).href
      return import(url).catch((cause: unknown) => {
        console.error(`[snagbox] could not load ${url}: the form cannot open`, cause)
        throw cause
      })
    }
    return Promise.all([part(PARTS.dialog), part(PARTS[lang])]).then(([dialog, texts]) => ({
      startDialog: (shell, messages) => dialog.startDialog(shell, messages, undefined, logs),
      messages: texts[lang],
    }))
  }
}

function start(script: HTMLScriptElement | null, logs: LogBuffer) {
  const win = window as SnagboxWindow
  // The script tag twice on a page: the first copy is the widget, the second steps aside.
  if (win.Snagbox?.loaded) return logs.stop()
  const options = resolveOptions(script ? optionsFromScript(script) : {})
  if (!options.key)
    console.warn('[snagbox] the widget script tag has no data-key: reports will be refused')
  const stub = win.Snagbox
  const base = script?.src || location.href
  const { api } = startFirstStage(options, loaderFor(base, options.lang, logs))
  win.Snagbox = api as unknown as Stub
  replay(stub, api)
}

// Read while this classic script runs: `currentScript` is gone once anything is awaited.
const script = document.currentScript as HTMLScriptElement | null
try {
  // From now on, not only once the dialog has loaded: the errors a reporter wants to report are
  // often the page's first.
  const logs = startLogBuffer()
  if (document.body) start(script, logs)
  else
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        try {
          start(script, logs)
        } catch (cause) {
          console.error('[snagbox] the widget could not start', cause)
        }
      },
      { once: true },
    )
} catch (cause) {
  console.error('[snagbox] the widget could not start', cause)
}
