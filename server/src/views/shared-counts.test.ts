import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../app.js'
import { createAgent } from '../auth/agents.js'
import { createApiToken } from '../auth/tokens.js'
import { loadConfig } from '../config.js'
import { openDatabase, type Db } from '../db/client.js'
import { appDeps } from '../deps.js'
import { createProject } from '../projects/store.js'
import { ChangeFeed } from '../tickets/store/changes.js'
import { countTickets, type Lister } from '../tickets/store/list.js'
import { ORIGIN, tempDir } from '../../test/harness.js'
import { SharedCounts } from './shared-counts.js'
import { checkViewQuery } from './store.js'

/*
 * The views' counts are shared until the tickets change — by this process or by another
 * connection to the same file (the `snagbox` command) — and never outlive that change.
 */

type View = { id: string; kind: string; query: string; count: number }

const opened: Database.Database[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const sqlite of opened.splice(0)) sqlite.close()
})

const CONFIG = loadConfig({
  SNAGBOX_RATE_LIMIT_IP: '1000000',
  SNAGBOX_RATE_LIMIT_PROJECT: '1000000',
})

/** An app on a database file: two projects, Ann (admin: every project), Bob and Cid (DEMO). */
async function server() {
  const file = join(tempDir(), 'snagbox.db')
  const db = openDatabase(file)
  opened.push(db.$client)
  const demo = createProject(db, { name: 'Demo', prefix: 'DEMO', origins: [ORIGIN] })
  const other = createProject(db, { name: 'Other', prefix: 'OTH', origins: [ORIGIN] })
  const agent = async (email: string, role: 'admin' | 'agent', projects: string[]) => {
    const made = await createAgent(db, {
      email,
      name: email,
      password: 'correct-horse',
      role,
      projects,
    })
    return { id: made.id, token: createApiToken(db, { email, name: 't' }).token }
  }
  const ann = await agent('ann@example.com', 'admin', [])
  const bob = await agent('bob@example.com', 'agent', ['DEMO'])
  const cid = await agent('cid@example.com', 'agent', ['DEMO'])
  const app = createApp(appDeps({ db, config: CONFIG }))
  const call = (token: string, path: string, json?: unknown, method = json ? 'POST' : 'GET') =>
    app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    })
  /** Files a ticket through the intake of `project`; its reference. */
  const report = async (project: { key: string }, body: Record<string, unknown> = {}) => {
    const res = await app.request('/api/v1/tickets', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Snagbox-Key': project.key, Origin: ORIGIN },
      body: JSON.stringify({ description: 'The printer jams', ...body }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { reference: string }).reference
  }
  const views = async (who: { token: string }) =>
    ((await (await call(who.token, '/api/v1/views')).json()) as { items: View[] }).items
  return { file, db, demo, other, ann, bob, cid, call, report, views }
}

const byId = (items: View[]) => Object.fromEntries(items.map((v) => [v.id, v.count]))

/** What each view holds now, counted afresh with the list's own query. */
const truth = (db: Db, items: View[], lister: Lister) =>
  Object.fromEntries(
    items.map((v) => [v.id, countTickets(db, checkViewQuery(v.query).parsed, lister)]),
  )

/** How many times the tally of open tickets has been read from the database since. */
function talliesRead(db: Db) {
  const prepare = vi.spyOn(db.$client, 'prepare')
  return () =>
    prepare.mock.calls.filter(([text]) => /group by "tickets"."status"/.test(text)).length
}

describe('shared counts', () => {
  it('keep at most their bound, the least recently used going first', () => {
    const db = openDatabase(':memory:')
    opened.push(db.$client)
    const counts = new SharedCounts(db, new ChangeFeed(), 2)
    let made = 0
    const get = (key: string) => counts.get(key, () => ++made)
    expect([get('a'), get('b'), get('a')]).toEqual([1, 2, 1])
    expect(get('c')).toBe(3) // b, the least recently used, goes
    expect(counts.size).toBe(2)
    expect([get('a'), get('c'), get('b')]).toEqual([1, 3, 4])
  })

  it('are read once for the agents of the same projects, until this process commits a change', async () => {
    const s = await server()
    await s.report(s.demo)
    const reads = talliesRead(s.db)
    expect(byId(await s.views(s.bob))).toMatchObject({ new: 1, mine: 0, urgent: 0 })
    expect(reads()).toBe(1)
    // Cid works in the same projects: Bob's tally serves him, "Mine" is his own.
    await s.views(s.cid)
    expect(reads()).toBe(1)
    // Ann works in every project: a tally of its own.
    await s.views(s.ann)
    expect(reads()).toBe(2)
    const ref = await s.report(s.demo, { blocking: true })
    await s.call(s.bob.token, `/api/v1/tickets/${ref}`, { assigneeId: 'me' }, 'PATCH')
    // Assigned, the ticket is in progress: no longer new.
    expect(byId(await s.views(s.bob))).toMatchObject({ new: 1, mine: 1, urgent: 1 })
    expect(reads()).toBe(3)
    expect(byId(await s.views(s.cid))).toMatchObject({ new: 1, mine: 0, urgent: 1 })
    expect(reads()).toBe(3)
  })

  it('see what another connection to the same file committed', async () => {
    const s = await server()
    const ref = await s.report(s.demo)
    await s.report(s.other)
    expect(byId(await s.views(s.bob))).toMatchObject({ new: 1, closed: 0 })
    expect(byId(await s.views(s.ann))).toMatchObject({ new: 2, closed: 0 })
    // A second better-sqlite3 connection (as the `snagbox` command would be) closes the ticket.
    const cli = new Database(s.file)
    opened.push(cli)
    cli.prepare(`UPDATE tickets SET status = 'closed' WHERE reference = ?`).run(ref)
    expect(byId(await s.views(s.bob))).toMatchObject({ new: 0, closed: 1 })
    expect(byId(await s.views(s.ann))).toMatchObject({ new: 1, closed: 1 })
    // Another server on the file files a ticket through its own intake.
    const db2 = openDatabase(s.file)
    opened.push(db2.$client)
    const second = createApp(appDeps({ db: db2, config: CONFIG }))
    const res = await second.request('/api/v1/tickets', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Snagbox-Key': s.demo.key, Origin: ORIGIN },
      body: JSON.stringify({ description: 'From the other server', blocking: true }),
    })
    expect(res.status).toBe(201)
    expect(byId(await s.views(s.bob))).toMatchObject({ new: 1, urgent: 1, closed: 1 })
  })

  it('are never stale, whoever changes the tickets in whatever order', async () => {
    const s = await server()
    const cli = new Database(s.file)
    opened.push(cli)
    await s.call(s.bob.token, '/api/v1/views', {
      name: 'Printers',
      query: 'q=printer&status=open',
      shared: true,
    })
    await s.call(s.bob.token, '/api/v1/views', {
      name: 'My urgent',
      query: 'assignee=me&urgent=true',
    })
    const refs = [await s.report(s.demo), await s.report(s.other)]
    // A fixed sequence of steps from a small generator: the same run every time.
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const steps = [
      async () => refs.push(await s.report(next(2) ? s.demo : s.other, { blocking: !!next(2) })),
      async () => {
        const who = [s.bob, s.cid, s.ann][next(3)]!
        await s.call(
          who.token,
          `/api/v1/tickets/${refs[next(refs.length)]}`,
          { assigneeId: 'me' },
          'PATCH',
        )
      },
      async () => {
        const priority = ['low', 'normal', 'high', 'critical'][next(4)]
        await s.call(
          s.ann.token,
          `/api/v1/tickets/${refs[next(refs.length)]}`,
          { priority },
          'PATCH',
        )
      },
      async () => {
        const status = ['waiting_on_reporter', 'resolved', undefined][next(3)]
        await s.call(s.ann.token, `/api/v1/tickets/${refs[next(refs.length)]}/replies`, {
          body: 'Is the printer on?',
          ...(status ? { status } : {}),
        })
      },
      () => {
        const status = ['new', 'in_progress', 'closed'][next(3)]
        cli
          .prepare('UPDATE tickets SET status = ? WHERE reference = ?')
          .run(status, refs[next(refs.length)])
      },
      () => {
        cli
          .prepare('UPDATE tickets SET assignee_id = NULL WHERE reference = ?')
          .run(refs[next(refs.length)])
      },
    ]
    for (let i = 0; i < 60; i++) {
      await steps[next(steps.length)]!()
      for (const [who, projects] of [
        [s.bob, [s.demo.id]],
        [s.cid, [s.demo.id]],
        [s.ann, 'all'],
      ] as const) {
        const items = await s.views(who)
        expect([i, byId(items)]).toEqual([i, truth(s.db, items, { agentId: who.id, projects })])
      }
    }
  })
})
