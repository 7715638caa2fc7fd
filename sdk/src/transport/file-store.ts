import { nodeBuiltin } from '../node-builtin.js'
import type { KeyedStore, OutboxEntry } from './outbox-store.js'

interface Fs {
  mkdir(path: string, options: { recursive: boolean }): Promise<unknown>
  readdir(path: string): Promise<string[]>
  readFile(path: string, encoding: 'utf8'): Promise<string>
  writeFile(path: string, data: string, options?: { flag?: string }): Promise<void>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  stat(path: string): Promise<{ mtimeMs: number }>
}

/** A lock older than this belongs to a process that died while holding it. */
const STALE_LOCK_MS = 30_000

/**
 * Queued reports as JSON files in a directory (Node, Electron's main process): they survive an
 * app restart. Writes go through a temporary file and a rename, so a crash never leaves half a
 * report; `update` holds a lock file, so two processes cannot both claim one report.
 *
 * @example
 * const snag = createClient({ endpoint, projectKey, outbox: { dir: path.join(app.getPath('userData'), 'snagbox') } })
 */
export function createFileStore<T extends { id: string } = OutboxEntry>(
  dir: string,
  namespace: string,
): KeyedStore<T> {
  const prefix = `${namespace.replace(/[^\w-]/g, '_')}-`
  const path = (id: string) => `${dir}/${prefix}${id.replace(/[^\w-]/g, '_')}.json`
  const fs = async () => {
    const mod = await nodeBuiltin<Fs>('fs/promises')
    if (!mod) throw new Error('createFileStore needs Node')
    await mod.mkdir(dir, { recursive: true })
    return mod
  }
  const read = async (f: Fs, file: string): Promise<T | null> => {
    try {
      return JSON.parse(await f.readFile(file, 'utf8')) as T
    } catch {
      return null
    }
  }
  const write = async (f: Fs, entry: T) => {
    const file = path(entry.id)
    await f.writeFile(`${file}.tmp`, JSON.stringify(entry))
    await f.rename(`${file}.tmp`, file)
  }
  const lock = async (f: Fs, file: string): Promise<boolean> => {
    try {
      await f.writeFile(`${file}.lock`, String(Date.now()), { flag: 'wx' })
      return true
    } catch {
      const age =
        Date.now() -
        (await f.stat(`${file}.lock`).then(
          (s) => s.mtimeMs,
          () => 0,
        ))
      if (age < STALE_LOCK_MS) return false
      await f.unlink(`${file}.lock`).catch(() => {})
      return lock(f, file)
    }
  }
  return {
    async list() {
      const f = await fs()
      const names = (await f.readdir(dir)).filter(
        (n) => n.startsWith(prefix) && n.endsWith('.json'),
      )
      const entries = await Promise.all(names.map((n) => read(f, `${dir}/${n}`)))
      return entries.filter((e) => e !== null)
    },
    put: async (entry) => write(await fs(), entry),
    async delete(id) {
      await (await fs()).unlink(path(id)).catch(() => {})
    },
    async update(id, change) {
      const f = await fs()
      const file = path(id)
      if (!(await lock(f, file))) return null
      try {
        const current = await read(f, file)
        const next = current && change(current)
        if (next) await write(f, next)
        return next
      } finally {
        await f.unlink(`${file}.lock`).catch(() => {})
      }
    },
  }
}
