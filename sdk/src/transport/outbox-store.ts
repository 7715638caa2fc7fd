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
export type OutboxStore = KeyedStore<OutboxEntry>

/**
 * A small async map of entries by their `id`: the outbox's reports, the requests a client
 * remembers. `update` is atomic for the store.
 *
 * @example
 * const store: KeyedStore<{ id: string }> = createMemoryStore()
 */
export interface KeyedStore<T extends { id: string }> {
  list(): Promise<T[]>
  put(entry: T): Promise<void>
  delete(id: string): Promise<void>
  /** Replaces the entry with `change(entry)`; when `change` returns `null`, or there is no entry, nothing is written and `null` comes back. */
  update(id: string, change: (entry: T) => T | null): Promise<T | null>
}

/**
 * A store in memory: nothing survives a reload, but nothing is lost while the page or process
 * lives. The fallback when no persistent store works, and where a report goes that a persistent
 * store refused (full). Entries are never changed in place (updates make new ones), so the map
 * keeps them as they are.
 */
export const createMemoryStore = <T extends { id: string } = OutboxEntry>(): KeyedStore<T> =>
  syncStore(new Map<string, T>())

/** The part of a `Map` of entries by id a synchronous store needs; localStorage can be one too. */
export interface SyncMap<T> {
  get(id: string): T | null | undefined
  set(id: string, entry: T): unknown
  delete(id: string): unknown
  values(): Iterable<T>
}

/** A {@link KeyedStore} over a synchronous map: one turn of the event loop makes `update` atomic. */
export function syncStore<T extends { id: string }>(map: SyncMap<T>): KeyedStore<T> {
  return {
    list: async () => [...map.values()],
    put: async (entry) => void map.set(entry.id, entry),
    delete: async (id) => void map.delete(id),
    async update(id, change) {
      const current = map.get(id)
      const next = current && change(current)
      if (next) map.set(id, next)
      return next || null
    },
  }
}
