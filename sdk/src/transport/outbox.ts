import { backoff, type TicketCreated, type TicketPayload } from '../contract/index.js'
import { sdkError } from '../errors.js'
import type { ResolvedOptions } from '../options.js'
import { advise } from '../advice/advise.js'
import { pageWindow } from '../page-window.js'
import type { OutboxEvent, ReportResult } from '../report-result.js'
import type { SnagboxClient } from '../snagbox-client.js'
import { attempt, type Outcome } from './attempt.js'
import { defaultStore } from './default-store.js'
import { createMemoryStore, type OutboxEntry } from './outbox-store.js'

type Retry = Extract<Outcome, { kind: 'retry' }>
type Kept = Exclude<ResolvedOptions['outbox'], false>

/** The client's `flush`, `pending`, `on` and `close`, and the `send` behind its `report`. */
export type Outbox = Pick<SnagboxClient, 'flush' | 'pending' | 'close'> & {
  on(listener: (event: OutboxEvent) => void): () => void
  /** Delivers a report while the caller waits, and keeps it until the server has it. */
  send(payload: TicketPayload): Promise<ReportResult>
  /** The reports waiting, oldest first. */
  queued(): Promise<OutboxEntry[]>
}

/**
 * Delivers reports and keeps the unsent ones, sending them exactly once: every report keeps its
 * idempotency key, and a sender first claims a report (an atomic lease in the store), so two tabs
 * or a restarted app never both send it; the server's idempotency key is the last line of defence.
 * Sending and keeping live in one closure (not an object of methods) so a minifier can shorten
 * every internal name: this is the core every page loads.
 */
export function createOutbox(
  o: ResolvedOptions,
  sent: (ticket: TicketCreated) => Promise<void>,
): Outbox {
  const { clock, retry } = o
  // `false` when the outbox is off; typed as on for the reads that only a kept report reaches.
  const options = o.outbox as Kept
  const win = pageWindow()
  const memory = createMemoryStore()
  // The store of choice, then memory for what it refused; only memory when the outbox is off or
  // no store works here.
  const stores = Promise.resolve(
    options && (options.store || defaultStore(options.dir, o.projectKey)),
  ).then(
    (primary) => (primary ? [primary, memory] : [memory]),
    () => [memory],
  )
  const leaseMs = retry.attempts * (retry.timeoutMs + retry.maxDelayMs)
  const listeners = new Set<(event: OutboxEvent) => void>()
  let running: Promise<void> | null = null
  let cancelTimer = () => {}
  let closed = false

  /**
   * One attempt. A wrong key or a page the project does not allow are final (no retry can fix
   * them) and only the developer can fix them, as a signed-in user the server did not verify:
   * said once per client, in words to act on (loaded only then: it is no part of the core).
   */
  const post = async (payload: TicketPayload, id: string) => {
    const outcome = await attempt(o, payload, id)
    const code = outcome.kind === 'sent' ? outcome.ticket.identity : outcome.error.code
    if (code === 'origin_not_allowed' || code === 'unknown_project_key' || code === 'not_verified')
      await advise(code, o)
    // Remembered before the report is answered: a `myRequests()` right after lists it.
    if (outcome.kind === 'sent') await sent(outcome.ticket)
    return outcome
  }

  const all = async () =>
    (await Promise.all((await stores).map((s) => s.list().catch(() => []))))
      .flat()
      .sort((a, b) => a.createdAt - b.createdAt)
  const update = async (id: string, change: (e: OutboxEntry) => OutboxEntry | null) => {
    for (const store of await stores) {
      const done = await store.update(id, change).catch(() => null)
      if (done) return done
    }
    return null
  }
  const remove = async (id: string) => {
    for (const store of await stores) await store.delete(id).catch(() => {})
  }

  /** Releases a report after a failed attempt, to be tried again after a backoff. */
  const later = async (entry: OutboxEntry, outcome: Retry) => {
    const attempts = entry.attempts + 1
    const delay = Math.max(
      outcome.retryAfterMs ?? 0,
      backoff(attempts - 1, retry.baseDelayMs, options.maxDelayMs, clock.random),
    )
    await update(entry.id, (e) => ({
      ...e,
      attempts,
      nextAttemptAt: clock.now() + delay,
      leaseUntil: 0,
    }))
  }

  async function schedule() {
    const entries = await all()
    cancelTimer()
    if (closed || !entries.length) return
    const next = Math.min(...entries.map((e) => Math.max(e.nextAttemptAt, e.leaseUntil)))
    cancelTimer = clock.schedule(() => void flush(), next - clock.now() + 10)
  }

  async function run(force: boolean) {
    const now = clock.now()
    for (const entry of await all()) {
      if (closed) return
      if (entry.leaseUntil > now || !(force || entry.nextAttemptAt <= now)) continue
      const claimed = await update(entry.id, (e) =>
        e.leaseUntil > clock.now() ? null : { ...e, leaseUntil: clock.now() + leaseMs },
      )
      if (!claimed) continue
      const outcome = await post(claimed.payload, claimed.id)
      if (outcome.kind === 'retry') {
        // The server or the network is down: the rest would fail the same way.
        await later(claimed, outcome)
        return
      }
      await remove(claimed.id)
      const event: OutboxEvent = { outboxId: claimed.id, ...outcome }
      listeners.forEach((fn) => fn(event))
    }
  }

  /** Sends what is due; `force` also sends what is backing off (a restart, the `online` event). */
  function flush(force = false): Promise<void> {
    running ??= run(force)
      .catch(() => {})
      .then(schedule)
      .finally(() => {
        running = null
      })
    return running
  }

  /** Keeps a report, claimed by the caller; `false` when it could only be kept in memory. */
  async function keep(entry: OutboxEntry) {
    const [store] = await stores
    const entries = await all()
    // Bounded: when full, the oldest report makes room.
    if (entries.length >= options.maxEntries) await remove(entries[0]!.id)
    try {
      await store!.put(entry)
      return store !== memory
    } catch {
      await memory.put(entry)
      return false
    }
  }

  const flushNow = () => flush(true)
  win?.addEventListener?.('online', flushNow)
  if (options) clock.schedule(flushNow, 0)

  return {
    async send(payload) {
      // Its Idempotency-Key and outbox id: 128 random bits, reused by every attempt (and every tab
      // or restart that sends it from the outbox). `getRandomValues`, unlike `randomUUID`, also
      // works on plain-http pages.
      const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join('')
      const now = clock.now()
      const entry = {
        id,
        payload,
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
        leaseUntil: now + leaseMs,
      }
      // Kept before the first attempt: a page closed while it is on its way loses nothing.
      const persisted = !!options && (await keep(entry))
      let outcome: Outcome = { kind: 'retry', error: sdkError('network_error') }
      // Not even tried while the browser says it is offline. Else tried while the caller waits,
      // with the same key, backing off between tries; a Retry-After longer than the longest backoff
      // ends the wait early, and the outbox takes over from there.
      if (win?.navigator?.onLine !== false) {
        for (let i = 1; ; i++) {
          outcome = await post(payload, id)
          if (outcome.kind !== 'retry' || i >= retry.attempts) break
          const wait = Math.max(
            outcome.retryAfterMs ?? 0,
            backoff(i - 1, retry.baseDelayMs, retry.maxDelayMs, clock.random),
          )
          if (wait > retry.maxDelayMs) break
          await clock.sleep(wait)
        }
      }
      const { error } = outcome as Retry // (none when sent)
      if (outcome.kind === 'retry') {
        if (!options) return { status: 'failed', error }
        await later(entry, outcome)
        // (A background flush schedules the next try itself, once it is done.)
        schedule()
        return { status: 'queued', outboxId: id, persisted, error }
      }
      await remove(id)
      if (outcome.kind === 'rejected') return { status: 'rejected', error }
      // The server answers again: whatever waited can go now.
      flushNow()
      return { ...outcome.ticket, status: 'sent' }
    },
    flush: flushNow,
    pending: async () => (await all()).length,
    queued: all,
    on(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    close() {
      closed = true
      cancelTimer()
      win?.removeEventListener?.('online', flushNow)
    },
  }
}
