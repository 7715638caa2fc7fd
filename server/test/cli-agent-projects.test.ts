import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from './harness.js'
import { cli, run, serve, type Served } from './process.js'

let running: Served | undefined
afterEach(() => {
  running?.child.kill('SIGKILL')
  running = undefined
})

/** A database with two projects, KE and KV. */
async function twoProjects() {
  const db = join(tempDir(), 'x.db')
  const ke = await cli(['project', 'create', '--db', db, '--name', 'Kvant', '--prefix', 'KE'])
  const kv = await cli(['project', 'create', '--db', db, '--name', 'Kovcheg', '--prefix', 'KV'])
  const members = () =>
    new Database(db, { readonly: true })
      .prepare(
        `select a.email, p.prefix from agent_projects m join agents a on a.id = m.agent_id
         join projects p on p.id = m.project_id order by a.email, p.prefix`,
      )
      .all()
  return { db, ke, kv, members }
}

const agent = (db: string, email: string, ...more: string[]) =>
  cli([
    'agent',
    'create',
    '--db',
    db,
    '--email',
    email,
    '--name',
    'Someone',
    '--password',
    'correct-horse',
    ...more,
  ])

// Each case starts the command several times; a loaded machine takes a while for each.
describe('snagbox agent … --project', { timeout: 30_000 }, () => {
  it('creates an agent in the projects named (repeatable, any case), and none when none', async () => {
    const { db, members } = await twoProjects()
    expect(await agent(db, 'ann@example.com', '--project', 'KE', '--project', 'kv')).toMatchObject({
      email: 'ann@example.com',
      role: 'agent',
      projects: ['KE', 'KV'],
    })
    expect(await agent(db, 'bob@example.com')).toMatchObject({ role: 'agent', projects: [] })
    const text = await run([
      'agent',
      'create',
      '--db',
      db,
      '--email',
      'cy@example.com',
      '--name',
      'Cy',
      '--password',
      'correct-horse',
    ])
    expect(text.stdout).toContain('in no project: it sees nothing')
    expect(members()).toEqual([
      { email: 'ann@example.com', prefix: 'KE' },
      { email: 'ann@example.com', prefix: 'KV' },
    ])
  })

  it('refuses an unknown prefix with exit code 2, creating no agent', async () => {
    const { db } = await twoProjects()
    const res = await run([
      'agent',
      'create',
      '--db',
      db,
      '--email',
      'ann@example.com',
      '--name',
      'Ann',
      '--password',
      'correct-horse',
      '--project',
      'KE',
      '--project',
      'NOPE',
    ])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('--project: no project has the prefix "NOPE"')
    const count = new Database(db, { readonly: true }).prepare('select count(*) as n from agents')
    expect(count.get()).toEqual({ n: 0 })
  })

  it('updates name, role and projects; projects given replace the old ones', async () => {
    const { db, members } = await twoProjects()
    await agent(db, 'ann@example.com', '--project', 'KE')
    const update = (...args: string[]) =>
      cli(['agent', 'update', '--db', db, '--email', 'ANN@example.com', ...args])
    expect(await update('--project', 'KV')).toMatchObject({ projects: ['KV'] })
    expect(members()).toEqual([{ email: 'ann@example.com', prefix: 'KV' }])
    expect(await update('--project', 'KE,KV', '--name', 'Ann Agent')).toMatchObject({
      role: 'agent',
      projects: ['KE', 'KV'],
    })
    expect(await update('--role', 'admin')).toMatchObject({ role: 'admin', projects: ['KE', 'KV'] })
    expect(await update('--project', '')).toMatchObject({ projects: [] })
    expect(members()).toEqual([])
    const row = new Database(db, { readonly: true }).prepare('select name, role from agents').get()
    expect(row).toEqual({ name: 'Ann Agent', role: 'admin' })
  })

  it('refuses an update of nobody, of nothing, or to an unknown role or prefix, changing nothing', async () => {
    const { db, members } = await twoProjects()
    await agent(db, 'ann@example.com', '--project', 'KE')
    for (const [args, said] of [
      [['--email', 'nobody@example.com', '--project', 'KE'], 'no agent with the e-mail'],
      [['--email', 'ann@example.com'], 'nothing to change'],
      [['--email', 'ann@example.com', '--role', 'root'], '--role must be admin or agent'],
      [['--email', 'ann@example.com', '--project', 'KV', '--project', 'XX'], '"XX"'],
      [['--project', 'KE'], '--email is required'],
    ] as const) {
      const res = await run(['agent', 'update', '--db', db, ...args])
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stderr, args.join(' ')).toContain(said)
    }
    expect(members()).toEqual([{ email: 'ann@example.com', prefix: 'KE' }])
  })

  it('gives the agent of a project, on the real server, that project’s tickets and no other', async () => {
    const { db, ke, kv } = await twoProjects()
    await agent(db, 'ann@example.com', '--project', 'KE')
    const { token } = await cli([
      'token',
      'create',
      '--db',
      db,
      '--email',
      'ann@example.com',
      '--name',
      't',
    ])
    running = await serve(db)
    const file = async (key: unknown) => {
      const res = await fetch(`${running!.url}/api/v1/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Snagbox-Key': String(key) },
        body: JSON.stringify({ description: 'Export fails' }),
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as { reference: string }).reference
    }
    const mine = await file(ke.key)
    const theirs = await file(kv.key)
    const get = (path: string) =>
      fetch(`${running!.url}${path}`, { headers: { Authorization: `Bearer ${token}` } })
    const list = (await (await get('/api/v1/tickets')).json()) as { items: { reference: string }[] }
    expect(list.items.map((t) => t.reference)).toEqual([mine])
    expect((await get(`/api/v1/tickets/${theirs}`)).status).toBe(404)
    expect((await get(`/api/v1/tickets/${mine}`)).status).toBe(200)
  })
})
