import { syncStore, type KeyedStore, type OutboxEntry } from './outbox-store.js'

/**
 * Entries in `localStorage`, one key each under `snagbox:<namespace>:` (the JSON of the entry):
 * queued reports where IndexedDB is missing or refused, the requests a page remembers. A write
 * over the quota rejects, and the outbox keeps that report in memory instead.
 */
export function createLocalStorageStore<T extends { id: string } = OutboxEntry>(
  storage: Storage,
  namespace: string,
): KeyedStore<T> {
  const prefix = `snagbox:${namespace}:`
  const read = (key: string): T | null => {
    try {
      // A missing item is `null`, which parses as `null`.
      return JSON.parse(storage.getItem(key)!) as T | null
    } catch {
      return null
    }
  }
  return syncStore<T>({
    get: (id) => read(prefix + id),
    set: (id, entry) => storage.setItem(prefix + id, JSON.stringify(entry)),
    delete: (id) => storage.removeItem(prefix + id),
    // A Storage's own keys are its items' keys.
    values: () =>
      Object.keys(storage)
        .filter((key) => key.startsWith(prefix))
        .map(read)
        .filter((e): e is T => e !== null),
  })
}
