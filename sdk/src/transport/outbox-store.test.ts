import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IDBFactory } from 'fake-indexeddb'
import { afterAll, describe, expect, it } from 'vitest'
import { createFileStore } from './file-store.js'
import { createIndexedDbStore } from './indexeddb-store.js'
import { createLocalStorageStore } from './local-storage-store.js'
import { createMemoryStore, type OutboxEntry, type OutboxStore } from './outbox-store.js'

const dirs: string[] = []
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))))

const entry = (id: string, createdAt = 1): OutboxEntry => ({
  id,
  payload: { description: `report ${id}`, screenshot: 'data:image/webp;base64,UklGRg==' },
  createdAt,
  attempts: 0,
  nextAttemptAt: 0,
  leaseUntil: 0,
})

/** Two stores over the same storage, as two tabs or two processes see it. */
const STORES: [string, () => Promise<[OutboxStore, OutboxStore]>][] = [
  [
    'memory',
    async () => {
      const store = createMemoryStore()
      return [store, store]
    },
  ],
  [
    'localStorage',
    async () => {
      localStorage.clear()
      return [
        createLocalStorageStore(localStorage, 'pk_1'),
        createLocalStorageStore(localStorage, 'pk_1'),
      ]
    },
  ],
  [
    'IndexedDB',
    async () => {
      const factory = new IDBFactory()
      return [createIndexedDbStore(factory, 'pk_1'), createIndexedDbStore(factory, 'pk_1')]
    },
  ],
  [
    'files',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'snagbox-outbox-'))
      dirs.push(dir)
      return [createFileStore(dir, 'pk_1'), createFileStore(dir, 'pk_1')]
    },
  ],
]

describe.each(STORES)('the %s outbox store', (_name, open) => {
  it('keeps, lists and deletes reports, screenshot included', async () => {
    const [store, other] = await open()
    await store.put(entry('a', 1))
    await store.put(entry('b', 2))
    expect((await other.list()).sort((x, y) => x.createdAt - y.createdAt)).toEqual([
      entry('a', 1),
      entry('b', 2),
    ])
    await other.delete('a')
    expect((await store.list()).map((e) => e.id)).toEqual(['b'])
  })

  it('lets exactly one of two racing claims win', async () => {
    const [store, other] = await open()
    await store.put(entry('a'))
    const claim = (s: OutboxStore) =>
      s.update('a', (e) => (e.leaseUntil > 10 ? null : { ...e, leaseUntil: 100 }))
    const results = await Promise.all([claim(store), claim(other), claim(store), claim(other)])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect((await other.list())[0]!.leaseUntil).toBe(100)
  })

  it('writes nothing for a missing report or a refused change', async () => {
    const [store] = await open()
    expect(await store.update('nope', (e) => e)).toBeNull()
    await store.put(entry('a'))
    expect(await store.update('a', () => null)).toBeNull()
    expect(await store.list()).toEqual([entry('a')])
  })

  it('keeps projects apart', async () => {
    const [store] = await open()
    await store.put(entry('a'))
    const factory = _name === 'IndexedDB' ? new IDBFactory() : null
    const neighbour =
      _name === 'localStorage'
        ? createLocalStorageStore(localStorage, 'pk_2')
        : _name === 'files'
          ? createFileStore(dirs.at(-1)!, 'pk_2')
          : factory
            ? createIndexedDbStore(factory, 'pk_2')
            : createMemoryStore()
    expect(await neighbour.list()).toEqual([])
  })
})

describe('the file store', () => {
  it('leaves no temporary or lock files behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snagbox-outbox-'))
    dirs.push(dir)
    const store = createFileStore(dir, 'pk_live_x')
    await store.put(entry('a'))
    await store.update('a', (e) => ({ ...e, attempts: 1 }))
    expect(await readdir(dir)).toEqual(['pk_live_x-a.json'])
  })
})
