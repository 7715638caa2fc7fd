import { randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { Db } from './db/client.js'
import { InputError } from './input-error.js'

/**
 * Pages per backup step: all of them. SQLite restarts an online backup whenever another
 * connection (the server, in its own process) writes between two steps, so a backup copied in
 * small steps never finishes while reports keep coming in. One step copies every page inside one
 * read transaction: a snapshot as of its start, which WAL lets writers carry on past. (SQLite's
 * "-1 = all pages" cannot get through better-sqlite3, which clamps to 0…2³¹−1, and 0 pauses.)
 */
const ALL_PAGES = 0x7fffffff

/**
 * A consistent copy of the database while the server keeps writing, in time proportional to the
 * database's size however busy it is. The copy is written beside `file` under a temporary name,
 * readable by its owner only, and renamed into place once complete: `file` is never a half copy.
 * The copy runs in one synchronous step, so call it from its own process (`snagbox backup`), not
 * from the one serving requests.
 *
 * @example
 * await backupDatabase(db, './backups/snagbox-2026-11-24.db')
 */
export async function backupDatabase(
  db: Db,
  file: string,
): Promise<{ file: string; pages: number }> {
  const target = resolve(file)
  refuseTarget(db, file, target)
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  // Created before SQLite opens it, so the copy is 0600 from its first byte (tickets, screenshots
  // and password hashes are in it).
  closeSync(openSync(temp, 'wx', 0o600))
  try {
    const { totalPages } = await db.$client.backup(temp, { progress: () => ALL_PAGES })
    syncFile(temp)
    renameSync(temp, target)
    syncDirectory(dirname(target))
    return { file, pages: totalPages }
  } catch (err) {
    rmSync(temp, { force: true })
    rmSync(`${temp}-journal`, { force: true })
    throw err
  }
}

/** A target the copy must not be renamed onto, as an admin's input error. */
function refuseTarget(db: Db, file: string, target: string): void {
  const folder = dirname(target)
  if (!existsSync(folder)) throw new InputError({ message: `the folder ${folder} does not exist` })
  if (!existsSync(target)) return
  if (statSync(target).isDirectory())
    throw new InputError({
      message: `${file} is a folder: name the backup file, e.g. ${join(file, 'snagbox.db')}`,
    })
  const source = db.$client.name
  if (source !== ':memory:' && existsSync(source) && realpathSync(source) === realpathSync(target))
    throw new InputError({ message: `${file} is the database itself: name another file` })
  // A -wal beside it means something has that file open as a database (or crashed with it
  // open): its frames would be replayed onto the new copy.
  if (existsSync(`${target}-wal`))
    throw new InputError({
      message: `${file} is open as a database (${basename(target)}-wal is beside it): close it or name another file`,
    })
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes the rename durable where the platform can sync a folder (not Windows). */
function syncDirectory(path: string): void {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    fsyncSync(fd)
  } catch {
    // Best effort: the copy itself is already on disk.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
