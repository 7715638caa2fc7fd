import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { validateTicketPayload } from '@snagbox/sdk/contract'
import { loadConfig } from '../config.js'
import { createProject } from '../projects/store.js'
import { ChangeFeed } from '../tickets/store/changes.js'
import { createTicket } from '../tickets/store/create.js'
import { tempDir } from '../../test/harness.js'
import { OPTIMIZE_EVERY_MS, openDatabase, type Db } from './client.js'

/* The query planner's statistics follow the tables: at open, then every hour. */

afterEach(() => {
  vi.useRealTimers()
})

function fileTickets(db: Db, n: number) {
  const project = createProject(db, { name: 'Demo', prefix: 'DEMO' })
  const store = { db, changes: new ChangeFeed() }
  const { limits } = loadConfig({})
  for (let i = 0; i < n; i++) {
    const payload = validateTicketPayload({ description: `Ticket ${i}` }, limits)
    if (!payload.ok) throw new Error('a bad fixture')
    createTicket(store, {
      project,
      payload: payload.value,
      screenshot: null,
      idempotencyKey: null,
      idempotencyKeyHours: 24,
      now: new Date(),
    })
  }
}

/** How many tickets the planner's statistics say there are (`null`: it has none). */
const ticketStats = (db: Db) =>
  db.$client
    .prepare(`SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = 'tickets'`)
    .pluck()
    .get()

describe('openDatabase', () => {
  it('analyses the tables that grew since the database was last opened', () => {
    const file = join(tempDir(), 'snagbox.db')
    const db = openDatabase(file)
    fileTickets(db, 50)
    expect(ticketStats(db)).toBeNull()
    db.$client.close()
    const again = openDatabase(file)
    expect(ticketStats(again)).toBe(50)
    again.$client.close()
  })

  it('brings the statistics up to date every hour while it stays open, and stops once closed', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const db = openDatabase(join(tempDir(), 'snagbox.db'))
    fileTickets(db, 30)
    expect(ticketStats(db)).toBeNull()
    vi.advanceTimersByTime(OPTIMIZE_EVERY_MS)
    expect(ticketStats(db)).toBe(30)
    db.$client.close()
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(OPTIMIZE_EVERY_MS)
    expect(vi.getTimerCount()).toBe(0)
  })
})
