import type { OutboxEntry, OutboxStore } from './outbox-store.js'

/**
 * Queued reports in IndexedDB (database `snagbox:<namespace>`), the default in a page: it holds
 * megabytes, survives reloads, and its read-write transactions are serialised across tabs, which
 * makes claiming a report (`update`: read and write in one transaction) atomic.
 */
export function createIndexedDbStore(factory: IDBFactory, namespace: string): OutboxStore {
  const done = <T>(request: IDBRequest<T> | IDBOpenDBRequest) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as T)
      request.onerror = () => reject(request.error)
    })
  let db: Promise<IDBDatabase> | undefined
  const store = async (mode: IDBTransactionMode) => {
    db ??= new Promise((resolve, reject) => {
      const request = factory.open(`snagbox:${namespace}`, 1)
      request.onupgradeneeded = () => request.result.createObjectStore('outbox', { keyPath: 'id' })
      request.onblocked = reject
      done<IDBDatabase>(request).then((opened) => {
        // Another tab upgrading must not be blocked by us.
        opened.onversionchange = () => opened.close()
        resolve(opened)
      }, reject)
    })
    db.catch(() => (db = undefined))
    return (await db).transaction('outbox', mode).objectStore('outbox')
  }
  return {
    list: async () => done<OutboxEntry[]>((await store('readonly')).getAll()),
    put: async (entry) => void (await done((await store('readwrite')).put(entry))),
    delete: async (id) => void (await done((await store('readwrite')).delete(id))),
    async update(id, change) {
      const s = await store('readwrite')
      const current = await done<OutboxEntry | undefined>(s.get(id))
      // Still inside the same transaction: a promise continuation runs before it can commit.
      const next = current ? change(current) : null
      if (next) await done(s.put(next))
      return next
    },
  }
}
