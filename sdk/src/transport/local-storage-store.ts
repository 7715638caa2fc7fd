import { syncStore, type OutboxEntry, type OutboxStore } from './outbox-store.js'

/**
 * Queued reports in `localStorage`, one key each under `snagbox:<namespace>:`. The fallback where
 * IndexedDB is missing or refused; a write over the quota rejects, and the outbox keeps that
 * report in memory instead.
 */
export function createLocalStorageStore(storage: Storage, namespace: string): OutboxStore {
  const prefix = `snagbox:${namespace}:`
  const read = (key: string): OutboxEntry | null => {
    try {
      // A missing item is `null`, which parses as `null`.
      return JSON.parse(storage.getItem(key)!) as OutboxEntry | null
    } catch {
      return null
    }
  }
  return syncStore({
    get: (id) => read(prefix + id),
    set: (id, entry) => storage.setItem(prefix + id, JSON.stringify(entry)),
    delete: (id) => storage.removeItem(prefix + id),
    // A Storage's own keys are its items' keys.
    values: () =>
      Object.keys(storage)
        .filter((key) => key.startsWith(prefix))
        .map(read)
        .filter((e): e is OutboxEntry => e !== null),
  })
}
