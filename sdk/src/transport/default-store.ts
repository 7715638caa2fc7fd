import { createIndexedDbStore } from './indexeddb-store.js'
import { createLocalStorageStore } from './local-storage-store.js'
import type { KeyedStore, OutboxEntry } from './outbox-store.js'

/**
 * The most durable store that works here: files in `dir` (Node), IndexedDB (unless `local`),
 * localStorage (a page where IndexedDB is missing or refused, e.g. some private modes);
 * `undefined` when none does, and the outbox keeps its reports in memory (and says they are not
 * persisted). `local`: the page's localStorage before IndexedDB, for small entries a first glance
 * reads at once (the requests a page remembers).
 */
export async function defaultStore<T extends { id: string } = OutboxEntry>(
  dir: string | undefined,
  namespace: string,
  local?: boolean,
): Promise<KeyedStore<T> | undefined> {
  // Node only: loaded on demand, so a page never downloads it.
  if (dir) return (await import('./file-store.js')).createFileStore<T>(dir, namespace)
  const g = globalThis as { indexedDB?: IDBFactory; localStorage?: Storage; document?: unknown }
  try {
    if (g.indexedDB && !local) {
      const store = createIndexedDbStore(g.indexedDB, namespace)
      await store.list()
      return store as unknown as KeyedStore<T>
    }
  } catch {
    // Refused or broken: the next candidate.
  }
  try {
    // Only in a page: Node ≥ 22 has a `localStorage` of its own that warns when touched. A full
    // one fails on write, and the outbox keeps that report in memory.
    if (g.document && g.localStorage) return createLocalStorageStore<T>(g.localStorage, namespace)
  } catch {
    // Disabled storage throws on access.
  }
}
