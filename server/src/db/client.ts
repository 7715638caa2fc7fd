import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { locate } from '../locate.js'
import * as schema from './schema.js'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

/** A transaction of `db.transaction(…)`, for writes that must go together. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** The migrations folder, from the sources (`src/db/`) or from the bundle (`dist/`). */
function migrationsFolder(): string {
  const journal = locate('drizzle/meta/_journal.json')
  if (!journal)
    throw new Error('Snagbox migrations not found: the server/drizzle folder is missing')
  return dirname(dirname(journal))
}

/**
 * Opens (and creates) the SQLite database, sets it up for a server and applies pending migrations.
 *
 * @example
 * const db = openDatabase('./data/snagbox.db')
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true })
    // A new database is its owner's only (tickets, screenshots, password hashes): created here
    // 0600 rather than by SQLite with the umask's 0644. SQLite gives -wal and -shm the same mode.
    closeSync(openSync(file, 'a', 0o600))
  }
  const sqlite = new Database(file)
  // WAL lets the inbox read while intake writes; the busy timeout waits out a concurrent writer
  // (a backup, the CLI) instead of failing; SQLite leaves foreign keys off unless asked.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = NORMAL')
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder: migrationsFolder() })
  // Gives the query planner statistics for the inbox's indexes (cheap; as SQLite advises on open).
  sqlite.pragma('optimize = 0x10002')
  return db as Db
}
