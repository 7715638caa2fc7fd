import type { CollectedEnvironment, Reporter } from '@snagbox/sdk'
import type { Emitter, WidgetEventName, WidgetEvents } from './events.js'

/**
 * The global `window.Snagbox` once the widget's script has run. Every method is safe to call with
 * anything: a mistake is logged, never thrown into the host page. Calls made before the dialog has
 * loaded wait for it and are applied in order.
 *
 * @example
 * Snagbox.setUser({ name: 'Anna Petrova', email: 'anna@example.com' })
 * Snagbox.open('requests', 'DEMO-12') // that request's conversation with support
 * Snagbox.on('submitted', (e) => e.status === 'sent' && console.log(e.reference))
 * const env = await Snagbox.getEnvironment() // { os: { name: 'Windows', version: '11', bitness: 64, … }, … }
 */
export interface SnagboxApi {
  /**
   * Opens the form (the page is captured first); `'requests'` opens "My requests" instead, and
   * with a reference that request's conversation. While the dialog is open it does nothing.
   */
  open(view?: 'requests', reference?: string): void
  close(): void
  /** The reporter: fills the contact fields; `null` forgets them. */
  setUser(user: Reporter | null): void
  /** Host data sent with every report, merged. */
  setContext(context: Record<string, unknown>): void
  /** The app's version and build, merged over the script tag's. */
  setApp(app: { name?: string; version?: string; build?: string; environment?: string }): void
  /** Listens to `open`, `close` or `submitted`; returns the unsubscribe function. */
  on<E extends WidgetEventName>(name: E, fn: (payload: WidgetEvents[E]) => void): () => void
  /** Exactly the `environment` a report would carry now. */
  getEnvironment(): Promise<CollectedEnvironment | null>
  /** Always `true` once the script has run; the stub has a queue `q` instead. */
  readonly loaded: true
}

export const API_METHODS = [
  'open',
  'close',
  'setUser',
  'setContext',
  'setApp',
  'on',
  'getEnvironment',
] as const

/** Wraps a method so that nothing it does can throw into the caller. */
export function safe<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => R,
  fallback: R,
): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args)
    } catch (cause) {
      console.warn(`[snagbox] ${name}() failed`, cause)
      return fallback
    }
  }
}

/** `on(name, fn)` over the widget's events: a listener that is not a function is refused. */
export const listenTo = (events: Emitter): SnagboxApi['on'] =>
  safe(
    'on',
    (name, fn) => {
      if (typeof fn === 'function') return events.on(name, fn)
      console.warn(`[snagbox] on('${name}', fn) takes a function; ignored:`, fn)
      return () => {}
    },
    () => {},
  )

/** What opened the dialog, to give the focus back to: the focused element of the page. */
export const activeElement = () =>
  document.activeElement instanceof HTMLElement ? document.activeElement : null
