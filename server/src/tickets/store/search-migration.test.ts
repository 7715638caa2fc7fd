import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../app.js'
import { createApiToken } from '../../auth/tokens.js'
import { createAgent } from '../../auth/agents.js'
import { loadConfig } from '../../config.js'
import { openDatabase } from '../../db/client.js'
import { tempDir } from '../../../test/harness.js'

const DRIZZLE = new URL('../../../drizzle/', import.meta.url).pathname

/** A database as the migrations before `tag` left it. */
function databaseBefore(tag: string, file: string) {
  const folder = join(tempDir(), 'drizzle')
  mkdirSync(join(folder, 'meta'), { recursive: true })
  const journal = JSON.parse(readFileSync(join(DRIZZLE, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[]
  }
  const upTo = journal.entries.findIndex((e) => e.tag === tag)
  expect(upTo).toBeGreaterThan(0)
  journal.entries = journal.entries.slice(0, upTo)
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal))
  for (const { tag: each } of journal.entries)
    copyFileSync(join(DRIZZLE, `${each}.sql`), join(folder, `${each}.sql`))
  const sqlite = new Database(file)
  migrate(drizzle(sqlite), { migrationsFolder: folder })
  return sqlite
}

describe('migration 0013', () => {
  it('indexes the reporters and contexts of the tickets before it, and the other side of their duplicates', async () => {
    const file = join(tempDir(), 'old.db')
    const old = databaseBefore('0013_search_reporter', file)
    const now = '2026-11-30T10:00:00.000Z'
    old
      .prepare(
        "insert into projects (id, name, prefix, key, created_at) values ('p', 'Demo', 'DEMO', 'pk_test_demo_key', ?)",
      )
      .run(now)
    const ticket = old.prepare(
      `insert into tickets (id, project_id, number, reference, status, close_reason, category, priority,
        subject, description, reporter, context, duplicate_of_id, queue_key, closed_at, created_at, updated_at)
       values (?, 'p', ?, ?, ?, ?, 'incident', 'normal', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const created = old.prepare(
      "insert into ticket_events (ticket_id, type, actor_kind, data, created_at) values (?, 'created', 'reporter', '{}', ?)",
    )
    const search = old.prepare(
      'insert into ticket_search (rowid, subject, description, conversation) values (?, ?, ?, ?)',
    )
    const rows: [string, number, string, string | null, string, string][] = [
      ['00000000-0000-4000-8000-000000000001', 1, 'new', null, 'Export fails', '{}'],
      [
        '00000000-0000-4000-8000-000000000002',
        2,
        'closed',
        '00000000-0000-4000-8000-000000000001',
        'Export fails again',
        JSON.stringify({ tenant: 'north-star', n: 4815 }),
      ],
    ]
    for (const [id, number, status, duplicateOf, subject, context] of rows) {
      ticket.run(
        id,
        number,
        `DEMO-${number}`,
        status,
        duplicateOf ? 'duplicate' : null,
        subject,
        subject,
        JSON.stringify({
          name: 'Anna Petrova',
          email: 'anna@kvant.example',
          organization: 'Kvant',
        }),
        context,
        duplicateOf,
        `0${number}`,
        duplicateOf ? now : null,
        now,
        now,
      )
      const { lastInsertRowid } = created.run(id, now)
      search.run(lastInsertRowid, subject, subject, 'an old conversation')
    }
    old.close()

    const db = openDatabase(file)
    const config = loadConfig({ SNAGBOX_PUBLIC_URL: 'https://support.example.com' })
    const app = createApp({ db, config })
    const agent = await createAgent(db, {
      email: 'ann@example.com',
      name: 'Ann',
      password: 'correct-horse',
      role: 'admin',
    })
    const { token } = createApiToken(db, { email: agent.email, name: 't' })
    const list = async (query: string) =>
      (
        (await (
          await app.request(`/api/v1/tickets?${query}`, {
            headers: { Authorization: `Bearer ${token}` },
          })
        ).json()) as { items: { reference: string }[] }
      ).items.map((t) => t.reference)
    expect(await list('reporter=petrova')).toEqual(['DEMO-1', 'DEMO-2'])
    expect(await list('q=north%20star')).toEqual(['DEMO-2'])
    expect(await list('q=old%20conversation')).toEqual(['DEMO-1', 'DEMO-2'])
    expect(await list('duplicateOf=DEMO-1')).toEqual(['DEMO-2'])
    const original = await (
      await app.request('/api/v1/tickets/DEMO-1', { headers: { Authorization: `Bearer ${token}` } })
    ).json()
    expect(original.duplicates.map((d: { reference: string }) => d.reference)).toEqual(['DEMO-2'])
    expect(original.reporterContext.sameReporter.count).toBe(1)
    db.$client.close()
  })
})
