import { describe, expect, it } from 'vitest'
import type { AgentTicket, TicketPage, TicketSummary } from '@snagbox/sdk/contract'
import { agentHarness, type AgentHarness } from '../../../test/harness.js'

/** A harness whose clock the test moves; it starts on Monday 2026-03-02, 10:00 UTC. */
async function timed() {
  let now = Date.parse('2026-03-02T10:00:00.000Z')
  const h = await agentHarness({ now: () => new Date(now) })
  return {
    h,
    at: (iso: string) => {
      now = Date.parse(iso)
    },
  }
}
const ticket = async (h: AgentHarness, ref: string) =>
  (await (await h.api(`/api/v1/tickets/${ref}`)).json()) as AgentTicket
const page = async (h: AgentHarness, query: string) => {
  const res = await h.api(`/api/v1/tickets?${query}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as TicketPage
}
const item = async (h: AgentHarness, ref: string) =>
  (await page(h, 'limit=100')).items.find((t) => t.reference === ref) as TicketSummary
const act = (h: AgentHarness, ref: string, path: string, json: unknown, method = 'POST') =>
  h.api(`/api/v1/tickets/${ref}${path}`, { method, json })

describe('the first response', () => {
  it('is due by the project’s target for the priority, in its working hours, from the arrival', async () => {
    const { h, at } = await timed()
    // Defaults: 09:00–18:00 UTC, critical 1, high 4, normal 8, low 16 working hours.
    const normal = await h.file({ description: 'Export fails' })
    const blocking = await h.file({ description: 'Nothing works', blocking: true })
    const outage = await h.file({ description: 'Everyone is down', category: 'mass_incident' })
    expect((await ticket(h, normal.reference)).firstResponseDueAt).toBe('2026-03-02T18:00:00.000Z')
    expect((await ticket(h, blocking.reference)).firstResponseDueAt).toBe(
      '2026-03-02T14:00:00.000Z',
    )
    expect((await ticket(h, outage.reference)).firstResponseDueAt).toBe('2026-03-02T11:00:00.000Z')
    // The project's own hours, targets, zone and holidays (as `snagbox project update` sets them).
    h.db.$client
      .prepare(
        `update projects set working_hours = '08:00-12:00', time_zone = 'Europe/Moscow',
          holidays = '["2026-03-09"]', first_response_hours = '{"critical":1,"high":2,"normal":6,"low":16}'`,
      )
      .run()
    at('2026-03-06T08:30:00.000Z') // Friday 11:30 in Moscow
    const friday = await h.file({ description: 'Printing is slow' })
    // 30 minutes on Friday, Monday a holiday, the rest on Tuesday: 08:00 + 5.5 h spans into Wednesday.
    expect((await ticket(h, friday.reference)).firstResponseDueAt).toBe('2026-03-11T06:30:00.000Z')
    // A split is a new request, with a due time of its own.
    const split = await (
      await act(h, friday.reference, '/split', { subject: 'Other', description: 'Other' })
    ).json()
    expect(split.firstResponseDueAt).toBe('2026-03-11T06:30:00.000Z')
  })

  it('is due again from the arrival when the priority changes before it, and no more after it', async () => {
    const { h, at } = await timed()
    const { reference } = await h.file({ description: 'Export fails' })
    at('2026-03-02T11:00:00.000Z')
    await act(h, reference, '', { priority: 'high' }, 'PATCH')
    expect((await ticket(h, reference)).firstResponseDueAt).toBe('2026-03-02T14:00:00.000Z')
    await act(h, reference, '', { category: 'mass_incident' }, 'PATCH')
    expect((await ticket(h, reference)).firstResponseDueAt).toBe('2026-03-02T11:00:00.000Z')
    await act(h, reference, '/replies', { body: 'Looking into it' })
    await act(h, reference, '', { priority: 'low' }, 'PATCH')
    const t = await ticket(h, reference)
    expect(t).toMatchObject({
      firstResponseDueAt: '2026-03-02T11:00:00.000Z',
      firstResponseAt: '2026-03-02T11:00:00.000Z',
    })
  })

  it('is the first public reply of an agent — not a note — and says when it is late', async () => {
    const { h, at } = await timed()
    const { reference } = await h.file({ description: 'Export fails', blocking: true })
    at('2026-03-02T13:00:00.000Z')
    await act(h, reference, '/notes', { body: 'Internal only' })
    expect(await ticket(h, reference)).toMatchObject({
      firstResponseAt: null,
      firstResponseOverdue: false,
    })
    at('2026-03-02T15:00:00.000Z') // an hour past the 4 working hours of `high`
    expect(await ticket(h, reference)).toMatchObject({ firstResponseOverdue: true })
    expect(await item(h, reference)).toMatchObject({
      firstResponseDueAt: '2026-03-02T14:00:00.000Z',
      firstResponseAt: null,
      firstResponseOverdue: true,
    })
    await act(h, reference, '/replies', { body: 'Which printer?', status: 'waiting_on_reporter' })
    at('2026-03-02T16:00:00.000Z')
    await act(h, reference, '/replies', { body: 'Still there?' })
    expect(await item(h, reference)).toMatchObject({
      firstResponseAt: '2026-03-02T15:00:00.000Z',
      firstResponseOverdue: false,
    })
    // A request the reporter withdrew before any answer is owed nothing.
    const withdrawn = await h.file({ description: 'Never mind' })
    at('2026-03-03T18:00:00.000Z')
    expect((await ticket(h, withdrawn.reference)).firstResponseOverdue).toBe(true)
    await h.reporter(withdrawn.statusUrl, '/withdraw', { method: 'POST' })
    expect((await ticket(h, withdrawn.reference)).firstResponseOverdue).toBe(false)
  })

  it('of a mass incident’s children is the reply that resolves them all', async () => {
    const { h, at } = await timed()
    const mass = await h.file({ description: 'Outage', category: 'mass_incident' })
    const child = await h.file({ description: 'Cannot log in' })
    await act(h, child.reference, '/link', { parent: mass.reference })
    at('2026-03-02T10:30:00.000Z')
    await act(h, mass.reference, '/replies', { body: 'Back up', status: 'resolved' })
    expect((await ticket(h, child.reference)).firstResponseAt).toBe('2026-03-02T10:30:00.000Z')
  })
})

describe('waiting since', () => {
  it('runs from the arrival or the reporter’s last message while the team owes the next step', async () => {
    const { h, at } = await timed()
    const { reference, statusUrl } = await h.file({ description: 'Export fails' })
    const since = async () => [
      (await ticket(h, reference)).waitingSince,
      (await item(h, reference)).waitingSince,
    ]
    expect(await since()).toEqual(['2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z'])
    at('2026-03-02T10:10:00.000Z')
    await act(h, reference, '', { assigneeId: 'me' }, 'PATCH') // in_progress: still owed
    await act(h, reference, '/replies', { body: 'Looking into it' })
    expect((await since())[0]).toBe('2026-03-02T10:00:00.000Z')
    at('2026-03-02T10:20:00.000Z')
    await h.reporter(statusUrl, '/comments', { method: 'POST', json: { body: 'It got worse' } })
    expect((await since())[0]).toBe('2026-03-02T10:20:00.000Z')
    at('2026-03-02T10:30:00.000Z')
    await act(h, reference, '/replies', { body: 'Which file?', status: 'waiting_on_reporter' })
    expect(await since()).toEqual([null, null])
    at('2026-03-02T11:00:00.000Z')
    await h.reporter(statusUrl, '/comments', { method: 'POST', json: { body: 'The big one' } })
    expect((await since())[0]).toBe('2026-03-02T11:00:00.000Z')
    at('2026-03-02T11:30:00.000Z')
    await act(h, reference, '/replies', { body: 'Fixed', status: 'resolved' })
    expect((await since())[0]).toBeNull()
    at('2026-03-02T12:00:00.000Z')
    await h.reporter(statusUrl, '/reopen', { method: 'POST', json: { reason: 'Still broken' } })
    expect((await since())[0]).toBe('2026-03-02T12:00:00.000Z')
    at('2026-03-02T12:30:00.000Z')
    await act(
      h,
      reference,
      '',
      { status: 'closed', closeReason: 'rejected', reason: 'No' },
      'PATCH',
    )
    expect((await since())[0]).toBeNull()
    at('2026-03-02T13:00:00.000Z')
    await act(h, reference, '', { status: 'in_progress', reason: 'Yes after all' }, 'PATCH')
    expect((await since())[0]).toBe('2026-03-02T13:00:00.000Z')
  })

  it('carries each resolved ticket’s auto-close date in the queue', async () => {
    const { h } = await timed()
    const { reference } = await h.file({ description: 'Export fails' })
    await act(h, reference, '/replies', { body: 'Fixed', status: 'resolved' })
    const { items } = await page(h, 'status=resolved')
    expect(items.map((t) => [t.reference, t.autoCloseDueAt])).toEqual([
      [reference, '2026-03-09T10:00:00.000Z'],
    ])
  })
})

describe('the queue by first response due', () => {
  it('lists the unanswered soonest due first, then the rest in queue order, page by page', async () => {
    const { h, at } = await timed()
    const low = await h.file({ description: 'low' })
    await act(h, low.reference, '', { priority: 'low' }, 'PATCH') // due Tuesday 17:00
    const normal = await h.file({ description: 'normal' }) // due Monday 18:00
    const answered = await h.file({ description: 'answered', category: 'mass_incident' })
    await act(h, answered.reference, '/replies', { body: 'On it' })
    at('2026-03-02T10:05:00.000Z')
    const high = await h.file({ description: 'high', blocking: true }) // due 14:05
    const closed = await h.file({ description: 'closed', blocking: true })
    await act(
      h,
      closed.reference,
      '',
      { status: 'closed', closeReason: 'rejected', reason: 'x' },
      'PATCH',
    )
    const critical = await h.file({ description: 'critical', category: 'mass_incident' }) // 11:05
    const order = [
      critical.reference,
      high.reference,
      normal.reference,
      low.reference,
      // Then the queue order: open by priority, then closed.
      answered.reference,
      closed.reference,
    ]
    const all: string[] = []
    let cursor: string | null = null
    let arrived = false
    do {
      const next: TicketPage = await page(
        h,
        `sort=first_response_due&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      )
      all.push(...next.items.map((t) => t.reference))
      cursor = next.nextCursor
      if (!arrived) {
        // A ticket arriving meanwhile, due last among the unanswered, never shifts the pages.
        arrived = true
        at('2026-03-02T10:10:00.000Z')
        await h.file({ description: 'later' })
      }
    } while (cursor)
    expect(all.filter((r) => order.includes(r))).toEqual(order)
    expect(new Set(all).size).toBe(all.length)
    // Every page size gives the same order, the boundary between the runs anywhere.
    for (const limit of [1, 3, 4, 5, 100]) {
      const seen: string[] = []
      let c: string | null = null
      do {
        const p: TicketPage = await page(
          h,
          `sort=first_response_due&status=open&limit=${limit}${c ? `&cursor=${c}` : ''}`,
        )
        seen.push(...p.items.map((t) => t.reference))
        c = p.nextCursor
      } while (c)
      expect([limit, seen.filter((r) => order.includes(r))]).toEqual([
        limit,
        order.filter((r) => r !== closed.reference),
      ])
    }
  })

  it('refuses a sort it does not know, and a cursor of the other order', async () => {
    const { h } = await timed()
    for (let i = 0; i < 3; i++) await h.file({ description: `case ${i}` })
    const bad = await h.api('/api/v1/tickets?sort=oldest')
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors).toEqual([
      { path: 'sort', message: 'must be queue or first_response_due' },
    ])
    const { nextCursor } = await page(h, 'sort=first_response_due&limit=1')
    const mixed = await h.api(`/api/v1/tickets?limit=1&cursor=${nextCursor}`)
    expect(mixed.status).toBe(400)
    expect((await mixed.json()).errors[0].path).toBe('cursor')
    // A queue cursor continues the due order's second run.
    const queue = await page(h, 'limit=1')
    expect(
      (await h.api(`/api/v1/tickets?sort=first_response_due&cursor=${queue.nextCursor}`)).status,
    ).toBe(200)
  })
})
