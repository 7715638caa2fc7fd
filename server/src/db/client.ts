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
  keepStatistics(sqlite)
  return db as Db
}

/** How often a long-lived connection lets SQLite bring its planner's statistics up to date. */
export const OPTIMIZE_EVERY_MS = 60 * 60 * 1000

/** How many entries of each index an analysis reads: a sample, never all of a large table. */
const ANALYSIS_ROWS = 20_000

/**
 * Keeps the query planner's statistics (`sqlite_stat1`) in step with the tables, as SQLite
 * advises for a long-lived connection (https://sqlite.org/pragma.html#pragma_optimize): at open
 * for every table (0x10000) that was never analysed or grew or shrank 25-fold since, then hourly
 * for the tables this connection queried. Without statistics the planner guesses.
 *
 * Each analysis reads a sample of `ANALYSIS_ROWS` entries per index. SQLite's own limit (mask bit
 * 0x10) samples 2,000, too few for the queue's indexes, which lead with a column of few values
 * (status, priority, OS): every such column then looked alike and the planner walked the OS
 * index for `os=macOS&appVersion=4.30.7` (25 ms at 100,000 tickets, 5 ms by the version). At
 * 100,000 tickets the sample costs 0.12 s at the first open and a full analysis 0.35 s, growing
 * with the tables; an open that finds nothing to analyse, 0.2 ms.
 */
function keepStatistics(sqlite: Database.Database): void {
  sqlite.pragma(`analysis_limit = ${ANALYSIS_ROWS}`)
  sqlite.pragma('optimize = 0x10002')
  // A database in memory (the tests') ends with its process and no timer should keep it alive.
  if (sqlite.memory) return
  const timer = setInterval(() => {
    if (!sqlite.open) return clearInterval(timer)
    try {
      // The default mask but its 2,000-row limit: the connection's own applies.
      sqlite.pragma(`optimize = ${0xfffe & ~0x10}`)
    } catch (err) {
      // Busy with another process's write past the busy timeout: the next hour tries again.
      console.error('Snagbox: updating the query planner statistics failed:', err)
    }
  }, OPTIMIZE_EVERY_MS)
  timer.unref()
}
