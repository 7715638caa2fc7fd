import { createClient } from '@snagbox/sdk'
import type { SnagboxApi } from './api.js'
import { startDialog, type Dialog } from './dialog-part.js'
import { DICTIONARIES } from './i18n/dictionaries.js'
import { resolveOptions, type WidgetOptions } from './options.js'
import { createShell } from './shell.js'

/**
 * What `createWidget()` takes: the script tag's options, with the two a bundled app has no script
 * URL to take them from made required.
 *
 * @example
 * const options: CreateWidgetOptions = {
 *   key: 'pk_live_…',
 *   endpoint: 'https://support.example.com',
 *   app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
 *   launcher: false, // the app opens the form with its own button
 * }
 */
export interface CreateWidgetOptions extends WidgetOptions {
  /** The project's public key, `pk_…`. */
  key: string
  /** The Snagbox server, e.g. `https://support.example.com`. */
  endpoint: string
}

/**
 * A mounted widget: the same methods as `window.Snagbox` of the script tag, and `destroy()`.
 * Every method is safe to call with anything: a mistake is logged, never thrown into the page.
 *
 * @example
 * const snagbox: SnagboxWidget = createWidget({ key, endpoint })
 * snagbox.setUser({ name: 'Anna Petrova', email: 'anna@example.com' })
 * const off = snagbox.on('submitted', (e) => e.status === 'sent' && toast(e.reference))
 * // leaving the page of a single-page app:
 * off(); snagbox.destroy()
 */
export interface SnagboxWidget extends Omit<SnagboxApi, 'loaded'> {
  /**
   * Removes the button, the dialog and the page's click listener, and stops the widget's SDK
   * client (a report waiting for the network stays queued for the next start). Any later call
   * does nothing; calling it twice is harmless.
   */
  destroy(): void
}

/** The widget where there is nothing to mount it on: every call does nothing. */
function inert(): SnagboxWidget {
  const nothing = () => {}
  return {
    open: nothing,
    close: nothing,
    setUser: nothing,
    setContext: nothing,
    setApp: nothing,
    on: () => nothing,
    getEnvironment: () => Promise.resolve(null),
    destroy: nothing,
  }
}

/**
 * Mounts the "Report a problem" button and form on the page and returns its API. Nothing happens
 * when the package is imported: call this in the browser, e.g. when the app starts or in an effect.
 * Without a page (server-side rendering) or without `key` and `endpoint` it warns and returns a
 * widget that does nothing.
 *
 * @example
 * import { createWidget } from '@snagbox/widget'
 *
 * const snagbox = createWidget({
 *   key: 'pk_live_…',
 *   endpoint: 'https://support.example.com',
 *   app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
 * })
 * snagbox.setUser({ name: 'Anna Petrova', email: 'anna@example.com' })
 * document.querySelector('#help')!.addEventListener('click', () => snagbox.open())
 */
export function createWidget(options: CreateWidgetOptions): SnagboxWidget {
  if (typeof document === 'undefined') {
    console.warn(
      '[snagbox] createWidget() needs a page: call it in the browser, not during server-side rendering',
    )
    return inert()
  }
  const key = typeof options?.key === 'string' ? options.key : ''
  const endpoint = typeof options?.endpoint === 'string' ? options.endpoint : ''
  if (!key || !endpoint) {
    console.warn(
      '[snagbox] createWidget() needs { key, endpoint }: the project key `pk_…` and the Snagbox server',
    )
    return inert()
  }
  try {
    const o = resolveOptions({ ...options, key, endpoint })
    const client = createClient({ endpoint, projectKey: key, app: { ...o.app }, lang: o.lang })
    // Everything at once: the app's own bundler decides what its page loads when.
    let dialog: Dialog | null = null
    const shell = createShell(o, {
      open: (opener, view) => dialog?.open(opener, view),
      // The pointer over the button or the focus on it: the capture's renderer is fetched now.
      intent: () => dialog?.prepare(),
    })
    dialog = startDialog(shell, DICTIONARIES[o.lang], client)
    const { api, widget } = dialog
    let destroyed = false
    /** After destroy(), a method does nothing and answers as a failed call would. */
    const live =
      <A extends unknown[], R>(fn: (...args: A) => R, after: () => R) =>
      (...args: A): R =>
        destroyed ? after() : fn(...args)
    return {
      open: live(api.open, () => undefined),
      close: live(api.close, () => undefined),
      setUser: live(api.setUser, () => undefined),
      setContext: live(api.setContext, () => undefined),
      setApp: live(api.setApp, () => undefined),
      on: live(api.on, () => () => {}),
      getEnvironment: live(api.getEnvironment, () => Promise.resolve(null)),
      destroy() {
        if (destroyed) return
        destroyed = true
        try {
          widget.state.close()
          widget.state.removeShot()
          widget.unmount()
          shell.remove()
          client.close()
        } catch (cause) {
          console.warn('[snagbox] destroy() failed', cause)
        }
      },
    }
  } catch (cause) {
    console.error('[snagbox] the widget could not start', cause)
    return inert()
  }
}
