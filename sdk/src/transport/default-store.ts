import { createIndexedDbStore } from './indexeddb-store.js'
import { createLocalStorageStore } from './local-storage-store.js'
import type { OutboxStore } from './outbox-store.js'

/**
 * The most durable store that works here: files in `dir` (Node), IndexedDB, localStorage (a page
 * where IndexedDB is missing or refused, e.g. some private modes); `undefined` when none does, and
 * the outbox keeps its reports in memory (and says they are not persisted).
 */
export async function defaultStore(
  dir: string | undefined,
  namespace: string,
): Promise<OutboxStore | undefined> {
  // Node only: loaded on demand, so a page never downloads it.
  if (dir) return (await import('./file-store.js')).createFileStore(dir, namespace)
  const g = globalThis as { indexedDB?: IDBFactory; localStorage?: Storage; document?: unknown }
  try {
    if (g.indexedDB) {
      const store = createIndexedDbStore(g.indexedDB, namespace)
      await store.list()
      return store
    }
  } catch {
    // Refused or broken: the next candidate.
  }
  try {
    // Only in a page: Node ≥ 22 has a `localStorage` of its own that warns when touched. A full
    // one fails on write, and the outbox keeps that report in memory.
    if (g.document && g.localStorage) return createLocalStorageStore(g.localStorage, namespace)
  } catch {
    // Disabled storage throws on access.
  }
}
