import type { AppInfo, Reporter, TicketCreated, TicketPayload } from './contract/index.js'
import { assemble, detectPlatform, type CollectedEnvironment } from './environment/collect.js'
import { sdkError, type SdkError } from './errors.js'
import { startLogBuffer } from './logs/log-buffer.js'
import { resolveOptions, type ClientOptions } from './options.js'
import { pageWindow } from './page-window.js'
import { buildPayload, type ReportInput } from './report-input.js'
import { captureScreenshot } from './screenshot/lazy.js'
import type { ScreenshotOptions, ScreenshotResult } from './screenshot/types.js'
import type { Outcome } from './transport/attempt.js'
import { attempt } from './transport/attempt.js'
import { defaultStore } from './transport/default-store.js'
import { deliver } from './transport/deliver.js'
import { newIdempotencyKey } from './transport/idempotency.js'
import { createOutbox } from './transport/outbox.js'
import { createMemoryStore } from './transport/outbox-store.js'

/**
 * What `report()` tells the caller, honestly: sent (with the reference to show), queued (kept and
 * sent later), rejected for good, or failed.
 *
 * @example
 * const result = await snag.report({ description })
 * if (result.status === 'sent') say(`Your request is ${result.reference}`)
 * else if (result.status === 'queued') say('Saved; it will be sent when the connection is back')
 * else say(result.error.errors?.map((e) => e.message).join(', ') ?? result.error.code)
 */
export type ReportResult = (
  | ({ status: 'sent' } & Omit<TicketCreated, 'status'>)
  /** Kept in the outbox and sent when the network or the server is back (`persisted`: survives a reload). */
  | { status: 'queued'; outboxId: string; persisted: boolean; error: SdkError }
  /** Refused for good: by the server (4xx, with its field errors), by `beforeSend`, or empty. */
  | { status: 'rejected'; error: SdkError }
  /** Not sent and not kept: the outbox is switched off, or the SDK itself failed. */
  | { status: 'failed'; error: SdkError }
) & { screenshotError?: SdkError }

/**
 * A queued report's fate, told when the outbox settles it later.
 *
 * @example
 * snag.on((event) => event.kind === 'sent' && toast(`${event.ticket.reference} was sent`))
 */
export type OutboxEvent = { outboxId: string } & (
  | { kind: 'sent'; ticket: TicketCreated }
  | { kind: 'rejected'; error: SdkError }
)

/**
 * The SDK client `createClient()` returns.
 *
 * @example
 * const snag: SnagboxClient = createClient({ endpoint, projectKey })
 * snag.setContext({ screen: 'orders' })
 * await snag.report({ description: 'Totals are wrong' })
 */
export interface SnagboxClient {
  report(input: ReportInput): Promise<ReportResult>
  collectEnvironment(): Promise<CollectedEnvironment>
  captureScreenshot(options?: ScreenshotOptions): Promise<ScreenshotResult>
  /** Merges into the app facts (`{ version, build }`). */
  setApp(app: AppInfo): void
  /** The reporter of every next report; `null` forgets them. */
  setUser(user: Reporter | null): void
  /** Merges into the host's context. */
  setContext(context: Record<string, unknown>): void
  /** Sends the queued reports now. */
  flush(): Promise<void>
  /** Reports waiting in the outbox. */
  pending(): Promise<number>
  /** Listens for queued reports being settled later; returns the unsubscribe function. */
  on(listener: (event: OutboxEvent) => void): () => void
  /** Stops listening, recording logs and retrying; queued reports stay for the next start. */
  close(): void
}

/**
 * Creates the SDK client: collects the environment, captures screenshots and delivers reports,
 * keeping those it cannot send in an outbox until the network or the server is back.
 *
 * @example
 * const snag = createClient({ endpoint: 'https://support.example.com', projectKey: 'pk_live_…', app: { version: '4.30.34', build: '6255' } })
 * snag.setUser({ email: 'anna@example.com' })
 * const result = await snag.report({ description: 'Export fails', screenshot: true })
 * // { status: 'sent', reference: 'DEMO-42', statusUrl, … } or { status: 'queued', … }
 */
export function createClient(options: ClientOptions): SnagboxClient {
  const o = resolveOptions(options)
  const { clock, retry } = o
  const keeps = o.outbox !== false
  const win = pageWindow()
  const logs = o.logs ? startLogBuffer(o.logs.max) : null
  const listeners = new Set<(event: OutboxEvent) => void>()
  const deps = { ...o, timeoutMs: retry.timeoutMs, now: clock.now }
  const leaseMs = retry.attempts * (retry.timeoutMs + retry.maxDelayMs)
  const outbox = createOutbox({
    ...retry,
    ...(o.outbox || { maxEntries: 0, maxDelayMs: 0 }),
    store: o.outbox ? (o.outbox.store ? Promise.resolve(o.outbox.store) : defaultStore(o.outbox.dir, o.projectKey)) : Promise.resolve(createMemoryStore()),
    send: (entry) => attempt(deps, entry.payload, entry.id),
    clock,
    leaseMs,
    settled: (entry, outcome) => listeners.forEach((fn) => fn({ outboxId: entry.id, ...outcome })),
  })
  let platform: ReturnType<typeof detectPlatform> | undefined
  const detect = async () => assemble(await (platform ??= detectPlatform(o.environment, o.environment.clientHintsTimeoutMs)), o.environment)
  const flushNow = () => void outbox.flush(true)
  win?.addEventListener?.('online', flushNow)
  if (keeps) clock.schedule(flushNow, 0)

  async function send(payload: TicketPayload): Promise<ReportResult> {
    const id = newIdempotencyKey()
    const now = clock.now()
    const entry = { id, payload, createdAt: now, attempts: 0, nextAttemptAt: now, leaseUntil: now + leaseMs }
    const persisted = keeps && (await outbox.keep(entry))
    const outcome: Outcome =
      win?.navigator?.onLine === false
        ? { kind: 'retry', error: sdkError('network_error') }
        : await deliver(deps, payload, id)
    if (outcome.kind === 'retry') {
      if (!keeps) return { status: 'failed', error: outcome.error }
      await outbox.later(entry, outcome)
      return { status: 'queued', outboxId: id, persisted, error: outcome.error }
    }
    await outbox.remove(id)
    if (outcome.kind === 'rejected') return { status: 'rejected', error: outcome.error }
    // The server answers again: whatever waited can go now.
    flushNow()
    return { ...outcome.ticket, status: 'sent' }
  }

  return {
    async report(input) {
      try {
        const built = await buildPayload(input, o, await detect(), logs)
        const payload = await Promise.resolve(built.payload)
          .then(o.beforeSend)
          // A scrubber that failed must not let the unscrubbed report out.
          .catch((cause) => sdkError('vetoed', { message: `beforeSend threw: ${cause}` }))
        const result: ReportResult =
          !payload || 'code' in payload
            ? { status: 'rejected', error: payload || sdkError('vetoed') }
            : // The server validates everything; only an empty report is stopped here, so it is
              // not queued to be refused later (the full validator would double the core's size).
              !payload.description?.trim()
              ? { status: 'rejected', error: sdkError('invalid_payload', { errors: [{ path: 'description', message: 'is required' }] }) }
              : await send(payload)
        return built.screenshotError ? { ...result, screenshotError: built.screenshotError } : result
      } catch (cause) {
        return { status: 'failed', error: sdkError('internal_error', { message: String(cause) }) }
      }
    },
    collectEnvironment: detect,
    captureScreenshot: (options) => captureScreenshot({ ...o.screenshot, ...options }),
    setApp: (app) => void Object.assign(o.app, app),
    setUser: (user) => void (o.user = { ...user }),
    setContext: (context) => void Object.assign(o.context, context),
    flush: () => outbox.flush(true),
    pending: async () => (await outbox.pending()).length,
    on(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    close() {
      win?.removeEventListener?.('online', flushNow)
      outbox.close()
      logs?.stop()
    },
  }
}
