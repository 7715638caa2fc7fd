import type { TicketPayload } from '../contract/index.js'

/**
 * A report kept until the server has it. Its `id` is also its `Idempotency-Key`.
 *
 * @example
 * const entry: OutboxEntry = { id: key, payload, createdAt: Date.now(), attempts: 0, nextAttemptAt: 0, leaseUntil: 0 }
 */
export interface OutboxEntry {
  id: string
  payload: TicketPayload
  createdAt: number
  /** Background attempts so far. */
  attempts: number
  /** Not to be tried before this time (backoff, `Retry-After`). */
  nextAttemptAt: number
  /** Someone (this tab, another tab, another process) is sending it until this time. */
  leaseUntil: number
}

/**
 * Where queued reports live. Stores are small async key-value maps; `update` must be atomic
 * for the store (one IndexedDB transaction, one synchronous localStorage turn, a lock file), so
 * two tabs or processes cannot both claim the same report.
 *
 * @example
 * // A store in the host's own encrypted storage:
 * const store: OutboxStore = { list, put, delete: remove, update }
 * createClient({ endpoint, projectKey, outbox: { store } })
 */
export interface OutboxStore {
  list(): Promise<OutboxEntry[]>
  put(entry: OutboxEntry): Promise<void>
  delete(id: string): Promise<void>
  /** Replaces the entry with `change(entry)`; when `change` returns `null`, or there is no entry, nothing is written and `null` comes back. */
  update(id: string, change: (entry: OutboxEntry) => OutboxEntry | null): Promise<OutboxEntry | null>
}

/**
 * A store in memory: nothing survives a reload, but nothing is lost while the page or process
 * lives. The fallback when no persistent store works, and where a report goes that a persistent
 * store refused (full).
 */
export function createMemoryStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>()
  return syncStore({
    // Entries are never changed in place (updates make new ones), so they are kept as they are.
    read: (id) => entries.get(id) ?? null,
    write: (entry) => void entries.set(entry.id, entry),
    remove: (id) => void entries.delete(id),
    all: () => [...entries.values()],
  })
}

export interface SyncMap {
  read(id: string): OutboxEntry | null
  write(entry: OutboxEntry): void
  remove(id: string): void
  all(): OutboxEntry[]
}

/** An {@link OutboxStore} over a synchronous map: one turn of the event loop makes `update` atomic. */
export function syncStore(map: SyncMap): OutboxStore {
  return {
    list: async () => map.all(),
    put: async (entry) => map.write(entry),
    delete: async (id) => map.remove(id),
    async update(id, change) {
      const current = map.read(id)
      const next = current && change(current)
      if (next) map.write(next)
      return next
    },
  }
}
