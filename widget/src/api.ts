import {
  createClient,
  type CollectedEnvironment,
  type Reporter,
  type SnagboxClient,
} from '@snagbox/sdk'
import type { WidgetEventName, WidgetEvents } from './events.js'
import { mountWidget, type MountedWidget } from './mount.js'
import { resolveOptions, type ResolvedOptions, type WidgetOptions } from './options.js'

/**
 * The global `window.Snagbox` once the widget has loaded. Every method is safe to call with
 * anything: a mistake is logged, never thrown into the host page.
 *
 * @example
 * Snagbox.setUser({ name: 'Anna Petrova', email: 'anna@example.com' })
 * Snagbox.on('submitted', (e) => e.status === 'sent' && console.log(e.reference))
 * const env = await Snagbox.getEnvironment() // { os: { name: 'Windows', version: '11', bitness: 64, … }, … }
 */
export interface SnagboxApi {
  /** Opens the form (the page is captured first). */
  open(): void
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
  /** Always `true` on the loaded widget; the stub has a queue `q` instead. */
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

/** Wraps a method so that nothing it does can throw into the caller. */
function safe<A extends unknown[], R>(
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

/**
 * Creates the SDK client (unless given one), mounts the widget and returns the API over both:
 * the script tag's `window.Snagbox` is this; the npm package's `createWidget()` adds `destroy()`.
 *
 * @example
 * const api = createApi({ key: 'pk_live_…', endpoint: 'https://support.example.com' })
 * api.open()
 */
export function createApi(
  options: WidgetOptions,
  client?: SnagboxClient,
): SnagboxApi & { widget: MountedWidget } {
  const o = resolveOptions(options)
  const sdk = client ?? createClient({ endpoint: o.endpoint, projectKey: o.key, app: o.app })
  const widget = mountWidget(o, sdk)
  const { state } = widget
  const active = () =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null
  return {
    widget,
    loaded: true,
    open: safe('open', () => void state.open(active()), undefined),
    close: safe('close', () => state.close(), undefined),
    setUser: safe('setUser', takesObject('setUser', state.setUser, true), undefined),
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
    on: safe(
      'on',
      (name, fn) => {
        if (typeof fn === 'function') return widget.events.on(name, fn)
        console.warn(`[snagbox] on('${name}', fn) takes a function; ignored:`, fn)
        return () => {}
      },
      () => {},
    ),
    getEnvironment: safe(
      'getEnvironment',
      () => sdk.collectEnvironment().catch(() => null),
      Promise.resolve(null),
    ),
  }
}
