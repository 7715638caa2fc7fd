import { describe, expect, it } from 'vitest'
import type { AgentTicket, FilledMacro, Macro } from '@snagbox/sdk/contract'
import { createAgent } from '../auth/agents.js'
import { createApiToken } from '../auth/tokens.js'
import { createProject } from '../projects/store.js'
import { agentHarness, ORIGIN, type AgentHarness } from '../../test/harness.js'

/** The harness's admin, an agent of DEMO and an agent of BETA, each with a token. */
async function world() {
  const h = await agentHarness()
  const beta = createProject(h.db, {
    name: 'Beta',
    prefix: 'BETA',
    key: 'pk_test_beta_key',
    origins: [ORIGIN],
  })
  const agent = async (email: string, name: string, projects: string[]) => {
    await createAgent(h.db, { email, name, password: 'correct-horse', projects })
    return h.as(createApiToken(h.db, { email, name: 't' }).token)
  }
  return {
    h,
    beta,
    demo: await agent('dora@example.com', 'Dora Demo', ['DEMO']),
    betaAgent: await agent('bert@example.com', 'Bert Beta', ['BETA']),
  }
}

type As = AgentHarness['api']
const create = async (as: As, json: Record<string, unknown>) => {
  const res = await as('/api/v1/macros', { method: 'POST', json })
  return { status: res.status, body: await res.json() }
}
const names = async (as: As) =>
  ((await (await as('/api/v1/macros')).json()).items as Macro[]).map((m) => m.name)

describe('macros', () => {
  it('are a team’s own: its agents make, see, change and delete them; other teams see nothing', async () => {
    const { h, demo, betaAgent } = await world()
    const made = await create(demo, {
      name: 'Ask for the build',
      body: 'Hello {{reporter.name}}, which build of {{app.version}} is it?',
      status: 'waiting_on_reporter',
      project: 'demo',
    })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({
      name: 'Ask for the build',
      status: 'waiting_on_reporter',
      priority: null,
      project: { prefix: 'DEMO', name: 'Demo' },
      createdBy: { name: 'Dora Demo' },
      editable: true,
    })
    const id = (made.body as Macro).id
    expect(await names(demo)).toEqual(['Ask for the build'])
    expect(await names(h.api)).toEqual(['Ask for the build'])
    expect(await names(betaAgent)).toEqual([])
    // Another team's macro answers as one that does not exist.
    for (const [method, json] of [
      ['PATCH', { name: 'Mine now' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await betaAgent(`/api/v1/macros/${id}`, { method, ...(json ? { json } : {}) })
      expect(res.status).toBe(404)
    }
    const changed = await demo(`/api/v1/macros/${id}`, {
      method: 'PATCH',
      json: { name: 'Which build?', status: null, priority: 'high' },
    })
    expect(changed.status).toBe(200)
    expect(await changed.json()).toMatchObject({
      name: 'Which build?',
      status: null,
      priority: 'high',
      body: 'Hello {{reporter.name}}, which build of {{app.version}} is it?',
    })
    expect((await demo(`/api/v1/macros/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await demo(`/api/v1/macros/${id}`, { method: 'DELETE' })).status).toBe(404)
    expect(await names(demo)).toEqual([])
  })

  it('for every project are an admin’s to make and change; every agent sees and uses them', async () => {
    const { h, demo, betaAgent } = await world()
    const refused = await create(demo, { name: 'Thanks', body: 'Thank you!' })
    expect(refused.status).toBe(409)
    expect(refused.body.detail).toContain('only an admin')
    const made = await create(h.api, { name: 'Thanks', body: 'Thank you, {{reporter.name}}!' })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ project: null, editable: true })
    const seen = (await (await demo('/api/v1/macros')).json()).items as Macro[]
    expect(seen).toMatchObject([{ name: 'Thanks', editable: false }])
    expect(await names(betaAgent)).toEqual(['Thanks'])
    const id = (made.body as Macro).id
    const patch = await demo(`/api/v1/macros/${id}`, { method: 'PATCH', json: { name: 'x' } })
    expect(patch.status).toBe(409)
    // Nor may an agent move its team's macro to every project.
    const own = (await create(demo, { name: 'Own', body: 'x', project: 'DEMO' })).body as Macro
    const moved = await demo(`/api/v1/macros/${own.id}`, {
      method: 'PATCH',
      json: { project: null },
    })
    expect(moved.status).toBe(409)
    expect((await names(betaAgent)).includes('Own')).toBe(false)
  })

  it('refuse unknown variables by name, and every other bad field', async () => {
    const { h, demo } = await world()
    const unknown = await create(demo, {
      name: 'Bad',
      body: 'Dear {{ reporter.name }}, your {{ticket.id}} on {{reporter.phone}} ({{ticket.id}})',
      project: 'DEMO',
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors).toEqual([
      {
        path: 'body',
        message: expect.stringMatching(
          /^names unknown variables: \{\{ticket\.id\}\}, \{\{reporter\.phone\}\}; known: reporter\.name, /,
        ),
      },
    ])
    const cases: [Record<string, unknown>, string[]][] = [
      [{ body: 'x', project: 'DEMO' }, ['name']],
      [{ name: 'x', project: 'DEMO' }, ['body']],
      [{ name: 'x', body: '   ', project: 'DEMO' }, ['body']],
      [{ name: 'x', body: 'x', project: 'DEMO', status: 'closed' }, ['status']],
      [{ name: 'x', body: 'x', project: 'DEMO', priority: 'urgent' }, ['priority']],
      [{ name: 'x'.repeat(81), body: 'x', project: 'DEMO' }, ['name']],
      [{ name: 'x', body: 'x', project: 'DEMO', shared: true }, ['shared']],
      [{ name: 'x', body: 'x', project: 42 }, ['project']],
      // An unknown project and another team's are refused alike.
      [{ name: 'x', body: 'x', project: 'NOPE' }, ['project']],
      [{ name: 'x', body: 'x', project: 'BETA' }, ['project']],
    ]
    const details = new Set<string>()
    for (const [json, paths] of cases) {
      const res = await create(demo, json)
      expect([JSON.stringify(json), res.status]).toEqual([JSON.stringify(json), 400])
      expect((res.body.errors as { path: string }[]).map((e) => e.path)).toEqual(paths)
      if (json.project === 'NOPE' || json.project === 'BETA') details.add(res.body.detail)
    }
    expect(details.size).toBe(1)
    const own = (await create(demo, { name: 'Own', body: 'x', project: 'DEMO' })).body as Macro
    for (const [json, status] of [
      [{}, 400],
      [{ body: '{{nope}}' }, 400],
      [{ project: 'BETA' }, 400],
    ] as const) {
      const res = await demo(`/api/v1/macros/${own.id}`, { method: 'PATCH', json })
      expect([JSON.stringify(json), res.status]).toEqual([JSON.stringify(json), status])
    }
    expect(h.count('macros')).toBe(1)
  })

  it('fill in a ticket’s values and the caller’s name, for a ticket of their project only', async () => {
    const { h, demo, betaAgent } = await world()
    const ticket = await h.file({
      description: 'Export fails',
      subject: 'Export fails',
      reporter: { name: 'Anna' },
      app: { version: '4.30.34', build: '6255' },
    })
    const bare = await h.file({ description: 'No facts at all' })
    const macro = (
      await create(demo, {
        name: 'Fixed',
        body: 'Hello {{reporter.name}}, {{reference}} ({{subject}}) is fixed after {{app.version}} build {{ app.build }}. — {{agent.name}}',
        status: 'resolved',
        priority: 'low',
        project: 'DEMO',
      })
    ).body as Macro
    const res = await demo(`/api/v1/tickets/${ticket.reference}/macros/${macro.id}`)
    expect(res.status).toBe(200)
    expect((await res.json()) as FilledMacro).toEqual({
      id: macro.id,
      name: 'Fixed',
      body: `Hello Anna, ${ticket.reference} (Export fails) is fixed after 4.30.34 build 6255. — Dora Demo`,
      status: 'resolved',
      priority: 'low',
    })
    const empty = await (await h.api(`/api/v1/tickets/${bare.reference}/macros/${macro.id}`)).json()
    expect(empty.body).toBe(
      `Hello , ${bare.reference} (No facts at all) is fixed after  build . — Ann Agent`,
    )
    // BETA's agent can't see the DEMO ticket; on a BETA ticket the DEMO macro does not exist.
    expect((await betaAgent(`/api/v1/tickets/${ticket.reference}/macros/${macro.id}`)).status).toBe(
      404,
    )
    const theirs = await h.post({ description: 'x' }, { 'X-Snagbox-Key': 'pk_test_beta_key' })
    const { reference } = await theirs.json()
    expect((await h.api(`/api/v1/tickets/${reference}/macros/${macro.id}`)).status).toBe(404)
    expect((await h.api(`/api/v1/tickets/${ticket.reference}/macros/nope`)).status).toBe(404)
  })
})

describe('a reply with a status and a priority', () => {
  it('applies all three in one change: one version, one published change, the timeline in order', async () => {
    const h = await agentHarness()
    const { reference } = await h.file({ description: 'Export fails' })
    const published: number[] = []
    h.changes.subscribe((c) => published.push(c.events.length))
    const res = await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'Fixed in 4.30.35', status: 'resolved', priority: 'low' },
    })
    expect(res.status).toBe(201)
    const t = (await res.json()) as AgentTicket
    expect(t).toMatchObject({ status: 'resolved', priority: 'low', version: 2 })
    expect(published).toHaveLength(1)
    expect(t.timeline.map((e) => e.type)).toEqual([
      'created',
      'public_reply',
      'status_changed',
      'priority_changed',
    ])
    // The priority it has already is left out; the reply still goes.
    const again = await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'Any news?', priority: 'low' },
    })
    expect(again.status).toBe(201)
    expect(((await again.json()) as AgentTicket).timeline.at(-1)!.type).toBe('public_reply')
  })

  it('is refused whole when the lifecycle refuses the reply, and for a bad priority', async () => {
    const h = await agentHarness()
    const { reference } = await h.file()
    await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { status: 'closed', closeReason: 'rejected', reason: 'Not ours' },
    })
    const before = h.count('ticket_events')
    const closed = await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'Solved', status: 'resolved', priority: 'critical' },
    })
    expect(closed.status).toBe(409)
    expect(await closed.json()).toMatchObject({ code: 'illegal_transition', from: 'closed' })
    const bad = await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'x', priority: 'urgent' },
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors).toEqual([
      { path: 'priority', message: 'must be one of low, normal, high, critical' },
    ])
    expect(h.count('ticket_events')).toBe(before)
    expect((await (await h.api(`/api/v1/tickets/${reference}`)).json()).priority).toBe('normal')
  })
})
