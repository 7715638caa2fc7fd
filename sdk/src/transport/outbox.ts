import type { Clock } from '../options.js'
import type { Outcome } from './attempt.js'
import { createMemoryStore, type OutboxEntry, type OutboxStore } from './outbox-store.js'
import { backoff } from './retry.js'

export interface OutboxDeps {
  store: Promise<OutboxStore>
  send(entry: OutboxEntry): Promise<Outcome>
  clock: Clock
  maxEntries: number
  baseDelayMs: number
  maxDelayMs: number
  /** How long a sender may hold a report before others may take it over. */
  leaseMs: number
  /** A queued report reached the server, or was refused by it for good. */
  settled(entry: OutboxEntry, outcome: Exclude<Outcome, { kind: 'retry' }>): void
}

export interface Outbox {
  /** Keeps a report, claimed by the caller; `false` when it could only be kept in memory. */
  keep(entry: OutboxEntry): Promise<boolean>
  /** The server has it, or refused it for good. */
  remove(id: string): Promise<void>
  /** Releases a report after a failed attempt, to be tried again after a backoff. */
  later(entry: OutboxEntry, outcome: Extract<Outcome, { kind: 'retry' }>): Promise<void>
  /** Sends what is due; `force` also sends what is backing off (a restart, the `online` event). */
  flush(force?: boolean): Promise<void>
  pending(): Promise<OutboxEntry[]>
  close(): void
}

/**
 * Keeps unsent reports and sends them exactly once: every report keeps its idempotency key, and a
 * sender first claims a report (an atomic lease in the store), so two tabs or a restarted app never
 * both send it; the server's idempotency key is the last line of defence.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  const { clock } = deps
  const memory = createMemoryStore()
  let running: Promise<void> | null = null
  let cancelTimer = () => {}
  let closed = false

  const stores = async () => {
    const primary = await deps.store.catch(() => memory)
    return primary === memory ? [memory] : [primary, memory]
  }
  const all = async () => (await Promise.all((await stores()).map((s) => s.list().catch(() => [])))).flat()
  const update = async (id: string, change: (e: OutboxEntry) => OutboxEntry | null) => {
    for (const store of await stores()) {
      const done = await store.update(id, change).catch(() => null)
      if (done) return done
    }
    return null
  }
  const remove = async (id: string) => {
    for (const store of await stores()) await store.delete(id).catch(() => {})
  }

  const later: Outbox['later'] = async (entry, outcome) => {
    const attempts = entry.attempts + 1
    const delay = Math.max(outcome.retryAfterMs ?? 0, backoff(attempts - 1, deps.baseDelayMs, deps.maxDelayMs, clock.random))
    await update(entry.id, (e) => ({ ...e, attempts, nextAttemptAt: clock.now() + delay, leaseUntil: 0 }))
    schedule()
  }

  async function schedule() {
    const entries = await all()
    cancelTimer()
    if (closed || entries.length === 0) return
    const next = Math.min(...entries.map((e) => Math.max(e.nextAttemptAt, e.leaseUntil)))
    cancelTimer = clock.schedule(() => void flush(), next - clock.now() + 10)
  }

  async function run(force: boolean) {
    const now = clock.now()
    const due = (await all())
      .filter((e) => e.leaseUntil <= now && (force || e.nextAttemptAt <= now))
      .sort((a, b) => a.createdAt - b.createdAt)
    for (const entry of due) {
      if (closed) return
      const claimed = await update(entry.id, (e) =>
        e.leaseUntil > clock.now() ? null : { ...e, leaseUntil: clock.now() + deps.leaseMs },
      )
      if (!claimed) continue
      const outcome = await deps.send(claimed)
      if (outcome.kind === 'retry') {
        // The server or the network is down: the rest would fail the same way.
        await later(claimed, outcome)
        return
      }
      await remove(claimed.id)
      deps.settled(claimed, outcome)
    }
  }

  function flush(force = false): Promise<void> {
    running ??= run(force)
      .catch(() => {})
      .then(schedule)
      .finally(() => {
        running = null
      })
    return running
  }

  return {
    async keep(entry) {
      const store = await deps.store.catch(() => memory)
      const entries = (await all()).sort((a, b) => a.createdAt - b.createdAt)
      // Bounded: when full, the oldest report makes room.
      if (entries.length >= deps.maxEntries) await remove(entries[0]!.id)
      try {
        await store.put(entry)
        return store !== memory
      } catch {
        await memory.put(entry)
        return false
      }
    },
    remove,
    later,
    flush,
    pending: all,
    close() {
      closed = true
      cancelTimer()
    },
  }
}
