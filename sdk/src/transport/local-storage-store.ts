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
      return JSON.parse(storage.getItem(key) ?? 'null') as OutboxEntry | null
    } catch {
      return null
    }
  }
  return syncStore({
    read: (id) => read(prefix + id),
    write: (entry) => storage.setItem(prefix + entry.id, JSON.stringify(entry)),
    remove: (id) => storage.removeItem(prefix + id),
    // A Storage's own keys are its items' keys.
    all: () => Object.keys(storage).filter((key) => key.startsWith(prefix)).map(read).filter((e): e is OutboxEntry => e !== null),
  })
}
