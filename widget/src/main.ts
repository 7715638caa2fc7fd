/**
 * The script-tag entry (`/widget.js`): reads the tag's `data-*` attributes, mounts the widget,
 * replays the calls the stub queued and puts the live API in `window.Snagbox`.
 *
 * @example
 * <script async src="https://support.example.com/widget.js" data-key="pk_live_…" data-app-version="4.30.34" data-app-build="6255"></script>
 */
import { createApi } from './api.js'
import { optionsFromScript } from './options.js'
import { replay, type Stub } from './stub.js'

type SnagboxWindow = Window & { Snagbox?: Stub }

function start(script: HTMLScriptElement | null) {
  const win = window as SnagboxWindow
  // The script tag twice on a page: the first copy is the widget, the second steps aside.
  if (win.Snagbox?.loaded) return
  const options = script ? optionsFromScript(script) : {}
  if (!options.key)
    console.warn('[snagbox] the widget script tag has no data-key: reports will be refused')
  const stub = win.Snagbox
  const api = createApi(options)
  const { widget: _, ...global } = api
  win.Snagbox = global as unknown as Stub
  replay(stub, api)
}

// Read while this classic script runs: `currentScript` is gone once anything is awaited.
const script = document.currentScript as HTMLScriptElement | null
try {
  if (document.body) start(script)
  else
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        try {
          start(script)
        } catch (cause) {
          console.error('[snagbox] the widget could not start', cause)
        }
      },
      { once: true },
    )
} catch (cause) {
  console.error('[snagbox] the widget could not start', cause)
}
