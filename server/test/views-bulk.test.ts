import { describe, expect, it } from 'vitest'
import { PROBLEM_CONTENT_TYPE } from '@snagbox/sdk/contract'
import { createAgent } from '../src/auth/agents.js'
import { createApiToken } from '../src/auth/tokens.js'
import { createProject } from '../src/projects/store.js'
import { agentHarness, ORIGIN, type AgentHarness } from './harness.js'

/*
 * The queue's views with their counts, saved views, and one change to many tickets — each ticket
 * still under the lifecycle, the answer ticket by ticket.
 */

type View = {
  id: string
  kind: string
  name: string | null
  query: string
  count: number
  editable: boolean
}

const views = async (h: AgentHarness, token = h.token) =>
  (
    (await (
      await h.app.request('/api/v1/views', { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { items: View[] }
  ).items

const counts = async (h: AgentHarness, token?: string) =>
  Object.fromEntries(
    (await views(h, token)).filter((v) => v.kind === 'standard').map((v) => [v.id, v.count]),
  )

describe('views', () => {
  it('count the tickets of each standard view, of the caller’s projects only', async () => {
    const h = await agentHarness()
    const other = createProject(h.db, {
      name: 'Other',
      prefix: 'OTH',
      key: 'pk_test_other_key',
      origins: [ORIGIN],
    })
    await createAgent(h.db, {
      email: 'bob@example.com',
      name: 'Bob',
      password: 'bob-password',
      projects: ['DEMO'],
    })
    const bob = createApiToken(h.db, { email: 'bob@example.com', name: 'b' }).token
    const a = await h.file({ description: 'One' })
    const b = await h.file({ description: 'Two', blocking: true })
    await h.file({ description: 'Three', category: 'mass_incident' })
    await h.file({ description: 'Four' })
    await h.post({ description: 'Elsewhere' }, { 'X-Snagbox-Key': other.key })
    await h.api(`/api/v1/tickets/${a.reference}`, { method: 'PATCH', json: { assigneeId: 'me' } })
    await h.api(`/api/v1/tickets/${b.reference}/replies`, {
      method: 'POST',
      json: { body: 'Which printer?', status: 'waiting_on_reporter' },
    })
    expect(await counts(h)).toEqual({
      new: 3,
      mine: 1,
      unassigned: 4,
      waiting_on_reporter: 1,
      awaiting_confirmation: 0,
      urgent: 2,
      closed: 0,
    })
    // Bob works in DEMO only: the OTH ticket counts for nobody but admins.
    expect((await counts(h, bob)).new).toBe(2)
    expect((await counts(h, bob)).mine).toBe(0)
    // Every count is the length of the list its query gives.
    for (const view of await views(h)) {
      const list = await h.api(`/api/v1/tickets?${view.query}&limit=100`)
      expect([view.id, ((await list.json()) as { items: unknown[] }).items.length]).toEqual([
        view.id,
        view.count,
      ])
    }
  })

  it('are saved per agent or shared, checked like the list, and changed only by their author or an admin', async () => {
    const h = await agentHarness()
    await createAgent(h.db, {
      email: 'bob@example.com',
      name: 'Bob',
      password: 'bob-password',
      projects: ['DEMO'],
    })
    const bob = createApiToken(h.db, { email: 'bob@example.com', name: 'b' }).token
    const asBob = (path: string, init: RequestInit & { json?: unknown } = {}) =>
      h.app.request(path, {
        ...init,
        headers: { Authorization: `Bearer ${bob}`, 'Content-Type': 'application/json' },
        ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      })
    const printer = await h.file({ description: 'Printer broken' })
    await h.api(`/api/v1/tickets/${printer.reference}`, {
      method: 'PATCH',
      json: { priority: 'high' },
    })
    const mine = await asBob('/api/v1/views', {
      method: 'POST',
      json: { name: 'High ones', query: '?priority=high&status=open&limit=5' },
    })
    expect(mine.status).toBe(201)
    expect(await mine.json()).toMatchObject({
      kind: 'mine',
      name: 'High ones',
      query: 'priority=high&status=open',
      count: 1,
      editable: true,
    })
    const shared = await (
      await asBob('/api/v1/views', {
        method: 'POST',
        json: { name: 'Team: printers', query: 'q=printer', shared: true },
      })
    ).json()
    // Ann (an admin) sees Bob's shared view, not his own, and may change the shared one.
    const annViews = (await views(h)).filter((v) => v.kind !== 'standard')
    expect(annViews.map((v) => [v.name, v.kind, v.editable])).toEqual([
      ['Team: printers', 'shared', true],
    ])
    const renamed = await h.api(`/api/v1/views/${shared.id}`, {
      method: 'PATCH',
      json: { name: 'Printers' },
    })
    expect(((await renamed.json()) as View).name).toBe('Printers')
    const bad = await asBob('/api/v1/views', {
      method: 'POST',
      json: { name: 'Bad', query: 'status=sleeping&limit=1000' },
    })
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
    expect(
      ((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path),
    ).toEqual(['query.status'])
    expect(
      (await asBob('/api/v1/views', { method: 'POST', json: { name: ' ', query: '' } })).status,
    ).toBe(400)
    // Another agent's own view does not exist for Ann; Bob can delete his.
    const bobsOwn = (await views(h, bob)).find((v) => v.kind === 'mine')!
    expect((await h.api(`/api/v1/views/${bobsOwn.id}`, { method: 'DELETE' })).status).toBe(404)
    expect((await asBob(`/api/v1/views/${bobsOwn.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await views(h, bob)).filter((v) => v.kind === 'mine')).toHaveLength(0)
  })
})

describe('one change to many tickets', () => {
  it('assigns 20 tickets of which 2 are closed: 18 done, 2 refused with the reason', async () => {
    const h = await agentHarness()
    const refs: string[] = []
    for (let i = 0; i < 20; i++) refs.push((await h.file({ description: `Report ${i}` })).reference)
    for (const ref of refs.slice(0, 2))
      await h.api(`/api/v1/tickets/${ref}`, {
        method: 'PATCH',
        json: { status: 'closed', closeReason: 'rejected', reason: 'Spam' },
      })
    const res = await h.api('/api/v1/tickets/bulk', {
      method: 'POST',
      json: { references: refs, assigneeId: 'me' },
    })
    expect(res.status).toBe(200)
    const answer = (await res.json()) as {
      done: number
      refused: number
      results: { reference: string; ok: boolean; code?: string; detail?: string }[]
    }
    expect([answer.done, answer.refused]).toEqual([18, 2])
    expect(answer.results.filter((r) => !r.ok).map((r) => [r.reference, r.code])).toEqual([
      [refs[0], 'illegal_transition'],
      [refs[1], 'illegal_transition'],
    ])
    const mine = (await (await h.api('/api/v1/tickets?assignee=me&limit=100')).json()) as {
      items: unknown[]
    }
    expect(mine.items).toHaveLength(18)
  })

  it('sets priority, links to a mass incident and closes as duplicates, each under the lifecycle', async () => {
    const h = await agentHarness()
    const mass = await h.file({ description: 'Nobody can log in', category: 'mass_incident' })
    const a = await h.file({ description: 'Login fails' })
    const b = await h.file({ description: 'Cannot log in' })
    const priority = await h.api('/api/v1/tickets/bulk', {
      method: 'POST',
      json: { references: [a.reference, b.reference, 'DEMO-999'], priority: 'high' },
    })
    const p = (await priority.json()) as { done: number; results: { ok: boolean; code?: string }[] }
    expect(p.done).toBe(2)
    expect(p.results[2]).toMatchObject({ ok: false, code: 'not_found' })
    const linked = await h.api('/api/v1/tickets/bulk', {
      method: 'POST',
      json: { references: [a.reference, b.reference, mass.reference], parent: mass.reference },
    })
    const l = (await linked.json()) as { done: number; results: { ok: boolean; detail?: string }[] }
    expect(l.done).toBe(2)
    expect(l.results[2]).toMatchObject({ ok: false })
    const child = (await (await h.api(`/api/v1/tickets/${a.reference}`)).json()) as {
      parent: { reference: string }
    }
    expect(child.parent.reference).toBe(mass.reference)
    const dup = await h.api('/api/v1/tickets/bulk', {
      method: 'POST',
      json: { references: [b.reference], duplicateOf: a.reference, comment: 'Same as the other' },
    })
    expect(((await dup.json()) as { done: number }).done).toBe(1)
  })

  it('refuses a bulk change without references, with too many, or with nothing to change, and changes nothing', async () => {
    const h = await agentHarness()
    const { reference } = await h.file()
    for (const json of [
      { priority: 'high' },
      { references: [], priority: 'high' },
      { references: Array(201).fill(reference), priority: 'high' },
      { references: [reference] },
      { references: [reference], priority: 'urgentest' },
      { references: [reference], colour: 'red' },
      { references: [42], priority: 'high' },
    ]) {
      const res = await h.api('/api/v1/tickets/bulk', { method: 'POST', json })
      expect([JSON.stringify(json).slice(0, 60), res.status]).toEqual([
        JSON.stringify(json).slice(0, 60),
        400,
      ])
    }
    const ticket = (await (await h.api(`/api/v1/tickets/${reference}`)).json()) as {
      priority: string
      version: number
    }
    expect(ticket).toMatchObject({ priority: 'normal', version: 1 })
  })
})
