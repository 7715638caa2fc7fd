import type Database from 'better-sqlite3'
import type { Db } from '../db/client.js'
import type { ChangeFeed } from '../tickets/store/changes.js'

/**
 * Counts of tickets kept until the tickets change, so that agents who fetch the views after the
 * same change share one count instead of each paying for it (the inbox fetches them again on
 * every live event). A count is kept under a key that names everything it depends on besides the
 * tickets (the scope, the query, the agent for `assignee=me`); the most recent `max` are kept.
 *
 * What the tickets are is a version of two parts, and every count is dropped when it moves:
 * - the commits of this process: every write of the ticket store goes through `commit()`, whose
 *   recorders run inside its transaction, so the version moves before the change is visible — a
 *   count made in between cannot be kept as current (a rolled-back change only drops counts);
 * - the commits of other connections (the `snagbox` command, another server on the file):
 *   SQLite's `PRAGMA data_version` changes on this connection when another one has committed.
 * The version is read before a count is made, so a count is never older than its version.
 *
 * @example
 * const shared = new SharedCounts(deps.db, deps.changes)
 * shared.get('closed all', () => countClosed(db)) // counted once until the next change
 */
export class SharedCounts {
  private readonly counts = new Map<string, unknown>()
  private readonly dataVersion: Database.Statement<[], number>
  private changes = 0
  private version = ''

  constructor(
    db: Db,
    feed: ChangeFeed,
    private readonly max = 200,
  ) {
    this.dataVersion = db.$client.prepare<[], number>('PRAGMA data_version').pluck()
    feed.recordWith(() => {
      this.changes++
    })
  }

  /** The count kept under `key`, or `count()` made and kept when there is none for these tickets. */
  get<T>(key: string, count: () => T): T {
    const version = `${this.changes}.${this.dataVersion.get()}`
    if (version !== this.version) {
      this.counts.clear()
      this.version = version
    }
    if (this.counts.has(key)) {
      const kept = this.counts.get(key) as T
      // Kept in the order of use: the least recently used is the first to go.
      this.counts.delete(key)
      this.counts.set(key, kept)
      return kept
    }
    const made = count()
    this.counts.set(key, made)
    if (this.counts.size > this.max) this.counts.delete(this.counts.keys().next().value!)
    return made
  }

  /** How many counts are kept now. */
  get size(): number {
    return this.counts.size
  }
}
