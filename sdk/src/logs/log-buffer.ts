import type { LogEntry, LogLevel } from '../contract/index.js'
import { pageWindow } from '../page-window.js'

/** How many entries a buffer keeps unless told otherwise (`DEFAULTS.logs.max`). */
export const LOG_MAX = 50

/**
 * Recent console errors and warnings and uncaught errors of this page or process.
 *
 * @example
 * const logs: LogBuffer = startLogBuffer()
 * logs.snapshot() // [{ level: 'error', message: 'TypeError: …', timestamp: '2025-…' }]
 */
export interface LogBuffer {
  /** The recorded entries, oldest first. */
  snapshot(): LogEntry[]
  /** Stops recording and puts back what was hooked (unless someone hooked on top since). */
  stop(): void
}

function format(value: unknown): string {
  // V8's stack starts with the message, Firefox's and Safari's do not.
  if (value instanceof Error)
    return value.stack?.includes(value.message) ? value.stack : `${value}\n${value.stack}`
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/**
 * Records `console.error`/`console.warn` (always calling through to the original) and the
 * window's `error` and `unhandledrejection` events into a bounded ring of the last `max`.
 * `createClient()` starts one; start it yourself as early as the page allows and hand it over
 * (`logs: { buffer }`), and the errors from before the client existed go with reports too.
 *
 * @example
 * const buffer = startLogBuffer() // first thing on the page
 * // …later, when the reporting code has loaded:
 * const snag = createClient({ endpoint, projectKey, logs: { buffer } })
 */
export function startLogBuffer(max = LOG_MAX): LogBuffer {
  const ring: LogEntry[] = []
  const undo: (() => void)[] = []
  const record = (level: LogLevel, parts: unknown[]) => {
    // The screenshot renderer's own advice about the page (`[snapdom]`, `[snapDOM]`) and Snagbox's
    // own words to the developer are not the host's problem.
    if (typeof parts[0] === 'string' && /^\[(snapdom|snagbox)\]/i.test(parts[0])) return
    try {
      // At most the contract's `DEFAULT_LIMITS.logMessageChars`, kept literal for size.
      const message = parts.map(format).join(' ').slice(0, 4000)
      ring.push({ level, message, timestamp: new Date().toISOString() })
      if (ring.length > max) ring.shift()
    } catch {
      // A value that cannot even be formatted is not worth breaking the host's logging for.
    }
  }
  for (const level of ['error', 'warn'] as const) {
    const original = console[level]
    const hooked = (...args: unknown[]) => {
      record(level, args)
      return original.apply(console, args)
    }
    console[level] = hooked
    undo.push(() => {
      if (console[level] === hooked) console[level] = original
    })
  }
  const win = pageWindow()
  // One listener for both: a rejection carries its `reason`, an ErrorEvent its `error` (or only a
  // `message`, for a script error of another origin).
  const onEvent = (e: Event) =>
    record('error', [
      'reason' in e ? e.reason : ((e as ErrorEvent).error ?? (e as ErrorEvent).message),
    ])
  for (const type of ['error', 'unhandledrejection']) {
    win?.addEventListener?.(type, onEvent)
    undo.push(() => win?.removeEventListener?.(type, onEvent))
  }
  return {
    snapshot: () => ring.slice(),
    stop: () => undo.splice(0).forEach((fn) => fn()),
  }
}
