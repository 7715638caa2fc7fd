import { describe, expect, it } from 'vitest'
import { PROBLEM_CONTENT_TYPE } from '@snagbox/sdk/contract'
import { createAgent, updateAgent, type AgentWithProjects } from '../src/auth/agents.js'
import { createApiToken } from '../src/auth/tokens.js'
import { createMacro } from '../src/macros/store.js'
import { createProject, type Project } from '../src/projects/store.js'
import { agentHarness, ORIGIN, routesOf, type AgentHarness, type Route } from './harness.js'
import { attachTo, dataUrl, png } from './images.js'

/*
 * Who may see what. Two projects, DEMO (the harness's) and BETA; an agent of DEMO only, one of
 * BETA only, one of both, one of none, and the harness's admin. An agent outside a project must
 * not learn that its tickets exist — not by reading, writing, linking, listing, searching, the
 * live stream or the agents list — and nothing it is refused may change anything. Every route is
 * read from `app.routes`, so a new one is covered (or flagged) the day it is added.
 */

const ENV = { SNAGBOX_RATE_LIMIT_IP: '1000000', SNAGBOX_RATE_LIMIT_PROJECT: '1000000' }

type Who = 'a' | 'b' | 'both' | 'nobody' | 'admin'

interface World {
  h: AgentHarness
  beta: Project
  agents: Record<Who, { id: string; email: string; name: string }>
  as(who: Who, path: string, init?: RequestInit & { json?: unknown }): Promise<Response>
  /** Files a ticket in DEMO (`a`) or BETA (`b`). */
  file(
    project: 'a' | 'b',
    body?: Record<string, unknown>,
  ): Promise<{ id: string; reference: string; statusUrl: string }>
  /** Everything a refusal may not touch: tickets, their timeline, links, agents and projects. */
  snapshot(): string
}

async function world(env: Record<string, string> = {}): Promise<World> {
  const h = await agentHarness({ env: { ...ENV, ...env } })
  const beta = createProject(h.db, {
    name: 'Beta',
    prefix: 'BETA',
    key: 'pk_test_beta_key',
    origins: [ORIGIN],
  })
  const make = async (email: string, name: string, projects: string[]) =>
    createAgent(h.db, { email, name, password: 'correct-horse', projects })
  const people: Record<Exclude<Who, 'admin'>, AgentWithProjects> = {
    a: await make('alice@example.com', 'Alice Demo', ['DEMO']),
    b: await make('boris@example.com', 'Boris Beta', ['BETA']),
    both: await make('carol@example.com', 'Carol Both', ['DEMO', 'BETA']),
    nobody: await make('dan@example.com', 'Dan Nowhere', []),
  }
  const tokens: Record<Who, string> = {
    a: createApiToken(h.db, { email: people.a.email, name: 't' }).token,
    b: createApiToken(h.db, { email: people.b.email, name: 't' }).token,
    both: createApiToken(h.db, { email: people.both.email, name: 't' }).token,
    nobody: createApiToken(h.db, { email: people.nobody.email, name: 't' }).token,
    admin: h.token,
  }
  const agents = {
    ...people,
    admin: { id: h.agent.id, email: h.agent.email, name: 'Ann Agent' },
  }
  return {
    h,
    beta,
    agents,
    as: async (who, path, init = {}) => {
      const { json, ...rest } = init
      return h.app.request(path, {
        ...rest,
        headers: {
          Authorization: `Bearer ${tokens[who]}`,
          ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(rest.headers as Record<string, string>),
        },
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      })
    },
    file: async (project, body = { description: 'Export fails with error 0x80070005' }) => {
      const res = await h.post(body, project === 'b' ? { 'X-Snagbox-Key': beta.key } : {})
      if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${await res.text()}`)
      return res.json()
    },
    snapshot: () =>
      JSON.stringify(
        h.db.$client
          .prepare(
            `select (select count(*) from tickets) as tickets, (select count(*) from ticket_events) as events,
              (select coalesce(sum(version), 0) from tickets) as versions,
              (select group_concat(reference || ':' || status || ':' || priority || ':' || coalesce(assignee_id, '') || ':' || coalesce(parent_id, '') || ':' || coalesce(duplicate_of_id, ''), ',') from tickets) as tickets_state,
              (select group_concat(id || ':' || role || ':' || name, ',') from agents) as agents,
              (select group_concat(agent_id || ':' || project_id, ',') from agent_projects) as members,
              (select group_concat(prefix || ':' || name || ':' || allowed_origins, ',') from projects) as projects,
              (select count(*) from api_tokens) as tokens`,
          )
          .get(),
      ),
  }
}

/** Agent routes without a ticket in their path; each has its own test below. */
const SCOPED_ELSEWHERE = [
  'GET /api/v1/tickets',
  'GET /api/v1/events',
  'GET /api/v1/agents',
  'GET /api/v1/me',
  'PATCH /api/v1/me',
  // views-bulk.test.ts: counts of the caller's projects only; a bulk change loads each ticket as
  // the routes above do (404 for another project's).
  'GET /api/v1/views',
  'POST /api/v1/views',
  'POST /api/v1/tickets/bulk',
  // macros/routes.test.ts: a team's macros are seen and managed by that team only.
  'GET /api/v1/macros',
  'POST /api/v1/macros',
]

/** A body each ticket route takes from an agent who may work on the ticket. */
const BODIES: Record<string, (target: { mass: string }) => unknown> = {
  'PATCH /api/v1/tickets/:ref': () => ({ priority: 'high' }),
  'POST /api/v1/tickets/:ref/replies': () => ({ body: 'Which printer is it?' }),
  'POST /api/v1/tickets/:ref/notes': () => ({ body: 'Internal' }),
  'POST /api/v1/tickets/:ref/split': () => ({ subject: 'Other', description: 'Another problem' }),
  'POST /api/v1/tickets/:ref/link': ({ mass }) => ({ parent: mass }),
  'POST /api/v1/tickets/:ref/presence': () => ({ typing: true }),
}

const problemOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
  return (await res.json()) as {
    status: number
    code: string
    detail: string
    errors?: { path: string }[]
  }
}

const screenshot = dataUrl('image/png', png(4, 4))

describe('projects: who may see what', () => {
  it('answers 404 on every ticket route to an agent outside the project, as for no ticket, writing nothing', async () => {
    // E-mail is recorded (no sender runs here), so a ticket has e-mails to resend.
    const w = await world({ SNAGBOX_SMTP_URL: 'smtp://127.0.0.1:9' })
    const routes = routesOf(w.h)
    const ticketRoutes = routes.filter((r) => r.path.includes(':ref'))
    // A saved reply for every project: usable on a ticket of any project, by whoever sees it.
    const macroId = createMacro(
      w.h.db,
      { agentId: w.agents.admin.id, projects: 'all', admin: true },
      { name: 'Thanks', body: 'Thank you', status: null, priority: null, project: null },
      new Date(),
    ).id
    expect(ticketRoutes.length).toBeGreaterThanOrEqual(7)
    const broken: string[] = []
    for (const route of ticketRoutes) {
      const key = `${route.method} ${route.path}`
      const mass = await w.file('b', {
        description: 'Nobody can log in',
        category: 'mass_incident',
      })
      const body =
        route.method === 'GET' ? undefined : (BODIES[key]?.({ mass: mass.reference }) ?? {})
      for (const by of ['reference', 'id'] as const) {
        const ticket = await w.file('b', {
          description: 'Export fails',
          screenshot,
          reporter: { email: 'reporter@example.com' },
        })
        const ref = ticket[by]
        const init = { method: route.method, ...(body !== undefined ? { json: body } : {}) }
        const email = w.h.db.$client
          .prepare('select max(id) from mail_outbox where ticket_id = ?')
          .pluck()
          .get(ticket.id)
        const path = route.path
          .replace(':ref', ref)
          .replace(':id', String(email))
          .replace(':fileId', attachTo(w.h, ticket.id))
          .replace(':macroId', macroId)
        const before = w.snapshot()
        const refused = await w.as('a', path, init)
        const text = await refused.text()
        if (refused.status !== 404) broken.push(`${key} by ${by}: ${refused.status} ${text}`)
        if (refused.headers.get('etag')) broken.push(`${key} by ${by}: sent an ETag`)
        if (w.snapshot() !== before) broken.push(`${key} by ${by}: changed something`)
        // Exactly what a ticket that does not exist gets, but for the reference itself.
        const missing = await w.as('a', route.path.replace(':ref', 'BETA-999999'), init)
        const same = (await missing.text()).replaceAll('BETA-999999', ref)
        if (refused.status === 404 && same !== text)
          broken.push(`${key} by ${by}: told apart from a missing ticket: ${text} vs ${same}`)
        // The same request from an agent of the project works: the 404 is about who asks.
        const allowed = await w.as('both', path, init)
        const allowedText = await allowed.text()
        if (allowed.status >= 300)
          broken.push(
            `${key}: an agent of the project got ${allowed.status} ${allowedText} — give the route a body in BODIES`,
          )
      }
    }
    // Agent routes without a ticket in the path are tested one by one below; a new one that an
    // agent of one project may use must be too (an admin-only route answers it 403).
    for (const route of routes.filter((r) => !r.path.includes(':'))) {
      const key = `${route.method} ${route.path}`
      const anonymous = await w.h.app.request(route.path, { method: route.method })
      await anonymous.body?.cancel()
      if (anonymous.status !== 401 || SCOPED_ELSEWHERE.includes(key)) continue
      const agent = await w.as('a', route.path, {
        method: route.method,
        ...(route.method === 'GET' ? {} : { json: {} }),
      })
      await agent.body?.cancel()
      if (agent.status !== 401 && agent.status !== 403)
        broken.push(`${key}: an agent route this file does not scope yet (${agent.status})`)
    }
    expect(broken).toEqual([])
  }, 30_000)

  it('refuses a ticket of another project as the target of a link, a duplicate or a PATCH, writing nothing', async () => {
    const w = await world()
    const mine = await w.file('a')
    const theirs = await w.file('b')
    const theirMass = await w.file('b', { description: 'Outage', category: 'mass_incident' })
    const asks: [string, string, unknown, string][] = [
      ['POST', '/link', { duplicateOf: theirs.reference, comment: 'Same' }, 'duplicateOf'],
      ['POST', '/link', { parent: theirMass.reference }, 'parent'],
      [
        'PATCH',
        '',
        {
          status: 'closed',
          closeReason: 'duplicate',
          reason: 'Same',
          duplicateOf: theirs.reference,
        },
        'duplicateOf',
      ],
      [
        'PATCH',
        '',
        { status: 'closed', closeReason: 'duplicate', reason: 'x', duplicateOf: theirs.id },
        'duplicateOf',
      ],
    ]
    for (const [method, suffix, json, field] of asks) {
      const before = w.snapshot()
      // An agent of DEMO only does not know the target exists.
      const unseen = await w.as('a', `/api/v1/tickets/${mine.reference}${suffix}`, { method, json })
      expect(unseen.status, JSON.stringify(json)).toBe(404)
      // Who sees both projects is told why: tickets link only within their project.
      for (const who of ['both', 'admin'] as const) {
        const res = await w.as(who, `/api/v1/tickets/${mine.reference}${suffix}`, { method, json })
        expect(res.status, `${who} ${JSON.stringify(json)}`).toBe(400)
        const problem = await problemOf(res)
        expect(problem.code).toBe('invalid_payload')
        expect(problem.errors?.map((e) => e.path)).toEqual([field])
        expect(problem.detail).toContain('another project')
      }
      expect(w.snapshot()).toBe(before)
    }
    // Within the project, the same links work.
    const sameMass = await w.file('a', { description: 'Outage', category: 'mass_incident' })
    expect(
      (
        await w.as('a', `/api/v1/tickets/${mine.reference}/link`, {
          method: 'POST',
          json: { parent: sameMass.reference },
        })
      ).status,
    ).toBe(200)
  })

  it('refuses a mass-incident link that would make a loop, however long, writing nothing', async () => {
    const w = await world()
    const mass = async () => w.file('a', { description: 'Outage', category: 'mass_incident' })
    const [m1, m2, m3] = [await mass(), await mass(), await mass()]
    const link = (child: string, parent: string) =>
      w.as('a', `/api/v1/tickets/${child}/link`, { method: 'POST', json: { parent } })
    // A mass incident may itself be a child (two outages that turn out to be one)…
    expect((await link(m1.reference, m2.reference)).status).toBe(200)
    expect((await link(m2.reference, m3.reference)).status).toBe(200)
    // …but following parents must never lead back.
    for (const [child, parent] of [
      [m2, m1],
      [m3, m1],
      [m3, m2],
    ]) {
      const before = w.snapshot()
      const res = await link(child!.reference, parent!.reference)
      expect(res.status, `${child!.reference} under ${parent!.reference}`).toBe(409)
      const problem = await problemOf(res)
      expect(problem.code).toBe('conflict')
      expect(problem.errors?.map((e) => e.path)).toEqual(['parent'])
      expect(problem.detail).toContain(`${child!.reference} → ${parent!.reference}`)
      expect(w.snapshot()).toBe(before)
    }
    // A child that became a mass incident itself can't take its own parent as a child.
    const child = await w.file('a')
    expect((await link(child.reference, m3.reference)).status).toBe(200)
    const patched = await w.as('a', `/api/v1/tickets/${child.reference}`, {
      method: 'PATCH',
      json: { category: 'mass_incident' },
    })
    expect(patched.status).toBe(200)
    const before = w.snapshot()
    const loop = await link(m3.reference, child.reference)
    expect(loop.status).toBe(409)
    expect((await problemOf(loop)).detail).toBe(
      `The link would make a loop: ${m3.reference} → ${child.reference} → ${m3.reference}, each a child of the next`,
    )
    expect(w.snapshot()).toBe(before)
  })

  it('refuses a duplicate of a duplicate that leads back, by link and by PATCH', async () => {
    const w = await world()
    const one = await w.file('a')
    const two = await w.file('a')
    const dup = await w.as('a', `/api/v1/tickets/${one.reference}/link`, {
      method: 'POST',
      json: { duplicateOf: two.reference, comment: 'Same' },
    })
    expect(dup.status).toBe(200)
    const before = w.snapshot()
    const back = await w.as('a', `/api/v1/tickets/${two.reference}/link`, {
      method: 'POST',
      json: { duplicateOf: one.reference, comment: 'Same' },
    })
    expect(back.status).toBe(409)
    expect((await problemOf(back)).errors?.map((e) => e.path)).toEqual(['duplicateOf'])
    const patch = await w.as('a', `/api/v1/tickets/${two.reference}`, {
      method: 'PATCH',
      json: {
        status: 'closed',
        closeReason: 'duplicate',
        reason: 'Same',
        duplicateOf: one.reference,
      },
    })
    expect(patch.status).toBe(409)
    expect(w.snapshot()).toBe(before)
  })

  it('assigns only to agents of the ticket’s project or admins, saying the same of an unknown id', async () => {
    const w = await world()
    const mine = await w.file('a')
    const assign = (who: Who, assigneeId: string) =>
      w.as(who, `/api/v1/tickets/${mine.reference}`, { method: 'PATCH', json: { assigneeId } })
    const before = w.snapshot()
    const details: string[] = []
    for (const [who, assignee] of [
      ['a', w.agents.b.id],
      ['admin', w.agents.b.id],
      ['admin', w.agents.nobody.id],
      ['a', '00000000-0000-4000-8000-000000000000'],
    ] as const) {
      const res = await assign(who, assignee)
      expect(res.status).toBe(400)
      const problem = await problemOf(res)
      expect(problem.errors?.map((e) => e.path)).toEqual(['assigneeId'])
      details.push(problem.detail)
    }
    expect(new Set(details).size).toBe(1)
    expect(w.snapshot()).toBe(before)
    expect((await assign('a', w.agents.both.id)).status).toBe(200)
    expect((await assign('a', w.agents.admin.id)).status).toBe(200)
  })

  it('lists only the tickets of the agent’s projects: filters, search, references, every page', async () => {
    const w = await world()
    for (let i = 0; i < 12; i++) {
      await w.file(i % 3 === 0 ? 'b' : 'a', {
        description: `Export fails, case ${i}`,
        blocking: i % 2 === 0,
        category: i % 4 === 0 ? 'consultation' : 'incident',
      })
    }
    const theirs = await w.file('b', { description: 'Printing is slow' })
    await w.as('admin', `/api/v1/tickets/${theirs.reference}`, {
      method: 'PATCH',
      json: { assigneeId: w.agents.b.id },
    })
    const all = async (who: Who, query: string) => {
      const refs: string[] = []
      let cursor: string | null = null
      do {
        const res = await w.as(
          who,
          `/api/v1/tickets?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`,
        )
        expect(res.status).toBe(200)
        const page = (await res.json()) as {
          items: { reference: string }[]
          nextCursor: string | null
        }
        refs.push(...page.items.map((t) => t.reference))
        cursor = page.nextCursor
      } while (cursor)
      return refs
    }
    const prefixes = (refs: string[]) => [...new Set(refs.map((r) => r.split('-')[0]))].sort()
    for (const query of [
      '',
      'status=open',
      'status=new',
      'priority=high',
      'category=consultation',
      'q=export',
      'q=fails case',
      `assignee=${w.agents.b.id}`,
      'q=BETA-1',
    ]) {
      const admin = await all('admin', query)
      const a = await all('a', query)
      const b = await all('b', query)
      const both = await all('both', query)
      expect(
        a.every((r) => r.startsWith('DEMO-')),
        `a, ${query}`,
      ).toBe(true)
      expect(
        b.every((r) => r.startsWith('BETA-')),
        `b, ${query}`,
      ).toBe(true)
      expect(new Set(a).size, `a, ${query}: a ticket twice`).toBe(a.length)
      expect([...a, ...b].sort(), `a and b, ${query}`).toEqual([...admin].sort())
      expect(both, `both, ${query}`).toEqual(admin)
      expect(await all('nobody', query), `nobody, ${query}`).toEqual([])
    }
    // The filters had something to show on both sides.
    expect(prefixes(await all('admin', 'q=export'))).toEqual(['BETA', 'DEMO'])
    expect(await all('a', 'q=BETA-1')).toEqual([])
    expect(await all('b', 'q=BETA-1')).toEqual(['BETA-1'])
    expect(await all('a', `assignee=${w.agents.b.id}`)).toEqual([])
  })

  it('pages only the agent’s projects also when they hold thousands of tickets among others', async () => {
    const w = await world()
    // Past the size where the list reads in queue order and filters by project (list.ts).
    for (let i = 0; i < 2100; i++)
      await w.file(i % 30 === 0 ? 'b' : 'a', { description: `Case ${i}` })
    const all = async (who: Who) => {
      const refs: string[] = []
      let cursor: string | null = null
      do {
        const res = await w.as(who, `/api/v1/tickets?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
        const page = (await res.json()) as {
          items: { reference: string }[]
          nextCursor: string | null
        }
        refs.push(...page.items.map((t) => t.reference))
        cursor = page.nextCursor
      } while (cursor)
      return refs
    }
    const a = await all('a')
    const b = await all('b')
    expect(a).toHaveLength(2030)
    expect(new Set(a).size).toBe(2030)
    expect(a.every((r) => r.startsWith('DEMO-'))).toBe(true)
    expect(b).toHaveLength(70)
    expect(b.every((r) => r.startsWith('BETA-'))).toBe(true)
    expect(await all('both')).toEqual(await all('admin'))
  }, 60_000)

  it('streams the changes of the agent’s projects and not the others’', async () => {
    const w = await world()
    const open = async (who: Who) => {
      const res = await w.as(who, '/api/v1/events')
      expect(res.status).toBe(200)
      const reader = res.body!.getReader()
      const decoder = new TextDecoder()
      let text = ''
      return {
        until: async (needle: string) => {
          while (!text.includes(needle)) text += decoder.decode((await reader.read()).value)
        },
        events: () =>
          text
            .split('\n\n')
            .map((block) => block.split('\n').find((line) => line.startsWith('data: ')))
            .filter((line): line is string => !!line)
            .map((line) => JSON.parse(line.slice(6)) as { type?: string; reference?: string })
            .filter((e) => e.reference),
        close: () => reader.cancel(),
      }
    }
    const a = await open('a')
    const admin = await open('admin')
    await a.until('event: ready')
    await admin.until('event: ready')
    // Their changes first: were they not filtered out, they would reach the stream before ours.
    const theirs = await w.file('b')
    const mine = await w.file('a')
    await w.as('admin', `/api/v1/tickets/${theirs.reference}`, {
      method: 'PATCH',
      json: { priority: 'high' },
    })
    await w.as('admin', `/api/v1/tickets/${mine.reference}`, {
      method: 'PATCH',
      json: { priority: 'high' },
    })
    const last = `"reference":"${mine.reference}","status":"new","version":2`
    await a.until(last)
    await admin.until(last)
    await a.close()
    await admin.close()
    expect(a.events().map((e) => `${e.type} ${e.reference}`)).toEqual([
      `ticket.created ${mine.reference}`,
      `ticket.changed ${mine.reference}`,
    ])
    expect(admin.events().map((e) => `${e.type} ${e.reference}`)).toEqual([
      `ticket.created ${theirs.reference}`,
      `ticket.created ${mine.reference}`,
      `ticket.changed ${theirs.reference}`,
      `ticket.changed ${mine.reference}`,
    ])
  })

  it('stops streaming a project’s changes within the check interval once the agent leaves it', async () => {
    const w = await world({ SNAGBOX_STREAM_CHECK_SECONDS: '1' })
    const res = await w.as('both', '/api/v1/events')
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const until = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value)
    }
    await until('event: ready')
    const before = await w.file('b')
    await until(`"reference":"${before.reference}"`)
    // As `snagbox agent update --project DEMO` does, from another process.
    updateAgent(w.h.db, w.agents.both.email, { projects: ['DEMO'] })
    // A ticket of each project, the other project's first, until the stream's next check has
    // read the agent's projects again: from then on only its own project's come.
    const pair = async () => {
      const theirs = await w.file('b')
      const mine = await w.file('a')
      await until(`"reference":"${mine.reference}"`)
      return text.includes(theirs.reference)
    }
    const deadline = Date.now() + 15_000
    while ((await pair()) && Date.now() < deadline);
    // And it stays so.
    const theirs = await w.file('b')
    const mine = await w.file('a')
    await until(`"reference":"${mine.reference}"`)
    await reader.cancel()
    expect(text).not.toContain(theirs.reference)
  })

  it('lists only the agents who share a project with the caller, and admins; never another project’s e-mail', async () => {
    const w = await world()
    const names = async (who: Who) => {
      const res = await w.as(who, '/api/v1/agents')
      const text = await res.text()
      return { text, names: (JSON.parse(text).items as { name: string }[]).map((a) => a.name) }
    }
    const a = await names('a')
    expect(a.names).toEqual(['Alice Demo', 'Ann Agent', 'Carol Both'])
    expect(a.text).not.toContain(w.agents.b.email)
    expect(a.text).not.toContain(w.agents.nobody.email)
    expect((await names('b')).names).toEqual(['Ann Agent', 'Boris Beta', 'Carol Both'])
    expect((await names('both')).names).toEqual([
      'Alice Demo',
      'Ann Agent',
      'Boris Beta',
      'Carol Both',
    ])
    expect((await names('nobody')).names).toEqual(['Dan Nowhere'])
    expect((await names('admin')).names).toEqual([
      'Alice Demo',
      'Ann Agent',
      'Boris Beta',
      'Carol Both',
      'Dan Nowhere',
    ])
  })

  it('says in /api/v1/me which projects the agent works in', async () => {
    const w = await world()
    const projects = async (who: Who) =>
      ((await (await w.as(who, '/api/v1/me')).json()).projects as { prefix: string }[]).map(
        (p) => p.prefix,
      )
    expect(await projects('a')).toEqual(['DEMO'])
    expect(await projects('both')).toEqual(['BETA', 'DEMO'])
    expect(await projects('nobody')).toEqual([])
    expect(await projects('admin')).toEqual(['BETA', 'DEMO'])
  })

  it('scopes an inbox session as it scopes an API token', async () => {
    const w = await world()
    const theirs = await w.file('b')
    const mine = await w.file('a')
    const login = await w.h.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: w.agents.a.email, password: 'correct-horse' }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const get = (path: string) => w.h.app.request(path, { headers: { Cookie: cookie } })
    expect((await get(`/api/v1/tickets/${theirs.reference}`)).status).toBe(404)
    expect((await get(`/api/v1/tickets/${mine.reference}`)).status).toBe(200)
    const list = await (await get('/api/v1/tickets')).json()
    expect(list.items.map((t: { reference: string }) => t.reference)).toEqual([mine.reference])
  })

  it('lets no agent route manage projects, agents or tokens', async () => {
    const w = await world()
    const ticket = await w.file('a')
    const bodies = [
      {},
      { role: 'admin', projects: ['BETA'], project: 'BETA' },
      { email: 'eve@example.com', name: 'Eve', password: 'correct-horse', role: 'admin' },
      { prefix: 'EVIL', name: 'Evil', origins: ['*'], key: 'pk_evil_evil_evil' },
      { agentId: w.agents.a.id, projectId: w.beta.id },
    ]
    const broken: string[] = []
    for (const route of routesOf(w.h)) {
      if (route.path === '/api/v1/auth/login' || route.path === '/api/v1/auth/logout') continue
      const path = route.path.replace(':ref', ticket.reference).replace(/:\w+/g, 'x')
      for (const json of route.method === 'GET' ? [undefined] : bodies) {
        const before = w.snapshot()
        const agentsBefore = JSON.parse(before) as Record<string, unknown>
        const res = await w.as('a', path, {
          method: route.method,
          ...(json ? { json } : {}),
        })
        await res.body?.cancel()
        const after = JSON.parse(w.snapshot()) as Record<string, unknown>
        for (const table of ['agents', 'members', 'projects', 'tokens'])
          if (after[table] !== agentsBefore[table])
            broken.push(`${route.method} ${route.path} ${JSON.stringify(json)} changed ${table}`)
      }
    }
    expect(broken).toEqual([])
  })
})
