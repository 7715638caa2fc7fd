import type { AppInfo, Language, Reporter, TicketPayload } from './contract/index.js'
import { supportedLanguage } from './contract/language.js'
import type { EnvironmentOptions } from './environment/types.js'
import type { ScreenshotOptions } from './screenshot/types.js'
import { LOG_MAX, type LogBuffer } from './logs/log-buffer.js'
import type { OutboxStore } from './transport/outbox-store.js'

/**
 * Scrubs or vetoes a report just before it is sent (or queued): return the payload, or `null` to
 * drop it. A hook that throws drops the report too, so nothing unscrubbed gets out.
 *
 * @example
 * const beforeSend: BeforeSend = (p) => ({ ...p, environment: { ...p.environment, url: p.environment?.url?.split('?')[0] } })
 */
export type BeforeSend = (
  payload: TicketPayload,
) => TicketPayload | null | Promise<TicketPayload | null>

/**
 * How `report()` retries network errors, 429 and 5xx while the caller waits.
 *
 * @example
 * createClient({ endpoint, projectKey, retry: { attempts: 5, timeoutMs: 30_000 } })
 */
export interface RetryOptions {
  /** Attempts while `report()` waits, the first included. */
  attempts?: number
  /** First backoff; each next one doubles, with full jitter. */
  baseDelayMs?: number
  /** Longest wait between two attempts while `report()` waits; a longer `Retry-After` queues the report. */
  maxDelayMs?: number
  /** Each attempt is aborted after this long. */
  timeoutMs?: number
}

/**
 * Where and how long reports that could not be sent are kept.
 *
 * @example
 * createClient({ endpoint, projectKey, outbox: { dir: join(app.getPath('userData'), 'snagbox-outbox') } })
 */
export interface OutboxOptions {
  /** Where queued reports live. Default: IndexedDB, else localStorage in a page; files in `dir` in Node; else memory. */
  store?: OutboxStore
  /** Node/Electron: a directory for queued reports, so they survive a restart. */
  dir?: string
  /** Reports kept at most; the oldest goes first. */
  maxEntries?: number
  /** Longest wait between two background attempts of a queued report. */
  maxDelayMs?: number
}

/**
 * The recent console errors and warnings attached to reports.
 *
 * @example
 * createClient({ endpoint, projectKey, logs: { max: 100 } }) // or logs: false
 */
export interface LogOptions {
  /** Entries kept (a ring: the oldest goes first). */
  max?: number
  /**
   * A buffer started earlier (`startLogBuffer()`), taken over instead of starting one: what it
   * recorded before the client existed goes with reports too. It keeps its own `max`, and
   * `close()` stops it.
   */
  buffer?: LogBuffer
}

/**
 * Time and randomness, passed in so tests need no real clock.
 *
 * @example
 * createClient({ endpoint, projectKey, clock: { sleep: async () => {}, random: () => 0.5 } })
 */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
  random(): number
  /** Runs `fn` after `ms`; returns a cancel function. Never keeps a Node process alive. */
  schedule(fn: () => void, ms: number): () => void
}

/**
 * Everything `createClient` takes; only `endpoint` and `projectKey` are required.
 *
 * @example
 * const options: ClientOptions = { endpoint: 'https://support.example.com', projectKey: 'pk_live_…', app: { version: '4.30.34' } }
 */
export interface ClientOptions {
  /** Base URL of the Snagbox server, e.g. `https://support.example.com`. */
  endpoint: string
  /** The project's public key, `pk_…`. */
  projectKey: string
  app?: AppInfo
  user?: Reporter
  context?: Record<string, unknown>
  /**
   * The reporter's language (`en`, `ru`, or a tag such as `ru-RU`) for the words the server puts
   * in the requests' answers: `statusText` and `lastChange.text` of `myRequests()` and
   * `on('reply')`. Without it (or with a language Snagbox does not speak) the server goes by the
   * browser's `Accept-Language`.
   */
  lang?: string
  environment?: EnvironmentOptions
  /** Defaults for every capture (engine, budget, masks), over `SCREENSHOT_DEFAULTS`. */
  screenshot?: ScreenshotOptions
  /** Recent console errors and warnings attached as `logs`; `false` to attach none. */
  logs?: LogOptions | false
  beforeSend?: BeforeSend
  retry?: RetryOptions
  /** The offline outbox; `false` to never keep an unsent report. */
  outbox?: OutboxOptions | false
  fetch?: typeof fetch
  clock?: Partial<Clock>
}

export interface ResolvedOptions {
  endpoint: string
  projectKey: string
  app: AppInfo
  user: Reporter
  context: Record<string, unknown>
  /** Absent: the server goes by the browser's `Accept-Language`. */
  lang?: Language
  environment: EnvironmentOptions
  screenshot: ScreenshotOptions
  logs: (Required<Pick<LogOptions, 'max'>> & Pick<LogOptions, 'buffer'>) | false
  /** Absent: the payload goes as it is (`then(undefined)` passes it through). */
  beforeSend?: BeforeSend
  retry: Required<RetryOptions>
  outbox:
    (Required<Omit<OutboxOptions, 'store' | 'dir'>> & Pick<OutboxOptions, 'store' | 'dir'>) | false
  /** Absent: the global `fetch`, looked up at each attempt (a test or a polyfill may replace it). */
  fetch?: typeof fetch
  clock: Clock
}

/**
 * The defaults every client option is resolved against (the screenshot add-on, loaded on first
 * capture, has its own: `SCREENSHOT_DEFAULTS` in `screenshot/defaults.ts`).
 *
 * @example
 * createClient({ endpoint, projectKey, retry: { attempts: DEFAULTS.retry.attempts + 2 } })
 */
export const DEFAULTS = {
  clientHintsTimeoutMs: 300,
  logs: { max: LOG_MAX },
  retry: { attempts: 3, baseDelayMs: 500, maxDelayMs: 10_000, timeoutMs: 15_000 },
  outbox: { maxEntries: 100, maxDelayMs: 5 * 60_000 },
} as const

const realClock: Clock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  schedule(fn, ms) {
    const timer = setTimeout(fn, ms) as { unref?(): void }
    timer.unref?.()
    return () => clearTimeout(timer as ReturnType<typeof setTimeout>)
  },
}

/**
 * Resolves the public options once, against {@link DEFAULTS}; after this only `beforeSend`,
 * `fetch`, `lang` and `environment.clientHintsTimeoutMs` may be missing, each read where it is used.
 */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  // `projectKey`, `beforeSend` and `fetch` as given, and `logs` or `outbox` when switched off.
  const o = {
    ...options,
    endpoint: options.endpoint.replace(/\/+$/, ''),
    lang: supportedLanguage(options.lang),
    clock: { ...realClock, ...options.clock },
  }
  // The others as copies over their defaults (setApp, setUser and setContext change them, never the
  // host's objects); a loop rather than a literal, as this is in the core every page loads.
  for (const key of [
    'app',
    'user',
    'context',
    'environment',
    'screenshot',
    'logs',
    'retry',
    'outbox',
  ] as const) {
    if (options[key] !== false) {
      o[key] = {
        ...((DEFAULTS as Record<string, unknown>)[key] as object),
        ...options[key],
      } as never
    }
  }
  return o as ResolvedOptions
}
