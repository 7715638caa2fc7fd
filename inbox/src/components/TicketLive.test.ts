// @vitest-environment happy-dom
import { h, render } from 'preact'
import { act } from 'preact/test-utils'
import type { AgentTicket, TimelineEntry } from '@snagbox/sdk/contract'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { agents, me, notice, pendingAssignee, seenVersion, ticket } from '../state.js'
import { TicketPage } from './TicketPage.js'

const ANN = { id: 'a1', email: 'ann@example.com', name: 'Ann', role: 'agent' } as const
const BOB = { id: 'b2', email: 'bob@example.com', name: 'Bob', role: 'agent' } as const
const entry = (id: number, over: Partial<TimelineEntry>): TimelineEntry => ({
  id,
  type: 'created',
  visibility: 'public',
  actor: { kind: 'reporter', id: null, name: null },
  data: {},
  createdAt: '2026-12-01T10:00:00.000Z',
  ...over,
})
const REPLY_ACTIONS = [
  { action: 'reply' },
  { action: 'reply', status: 'waiting_on_reporter' },
  { action: 'reply', status: 'resolved' },
  { action: 'note' },
  { action: 'assign' },
  { action: 'set_priority' },
]
const V3 = {
  id: 't1',
  reference: 'DEMO-7',
  version: 3,
  status: 'waiting_on_reporter',
  closeReason: null,
  priority: 'normal',
  category: 'incident',
  blocking: false,
  subject: 'Export fails',
  description: 'Export to Excel fails',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:05:00.000Z',
  project: { id: 'p1', name: 'Demo', prefix: 'DEMO' },
  reporter: { name: 'Anna Ivanova' },
  app: {},
  environment: {},
  context: {},
  logs: [],
  assignee: null,
  parent: null,
  splitFrom: null,
  duplicateOf: null,
  children: [],
  duplicates: [],
  splitInto: [],
  linkCounts: { children: 0, duplicates: 0, splitInto: 0 },
  reporterContext: { sameReporter: null, sameOrganization: null },
  firstResponseDueAt: null,
  firstResponseAt: null,
  firstResponseOverdue: false,
  waitingSince: null,
  screenshot: null,
  emails: [],
  allowedActions: REPLY_ACTIONS,
  timeline: [
    entry(1, {}),
    entry(2, {
      type: 'public_reply',
      actor: { kind: 'agent', id: ANN.id, name: ANN.name },
      data: { body: 'Which file?' },
    }),
  ],
} as unknown as AgentTicket
const comment = entry(3, { type: 'reporter_comment', data: { body: 'Still fails with 4.30.35' } })
const V4 = {
  ...V3,
  version: 4,
  status: 'in_progress',
  timeline: [...V3.timeline, comment],
} as AgentTicket

const calls: { url: string; method: string; body: unknown; ifMatch?: string }[] = []
let answers: Response[] = []
const json = (body: unknown, status = 200, etag?: string) =>
  new Response(JSON.stringify(body), { status, headers: etag ? { ETag: etag } : {} })

let root: HTMLElement
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)))
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)
const type = (selector: string, value: string) =>
  act(() => {
    const el = $<HTMLTextAreaElement>(selector)!
    el.value = value
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
const choose = (select: string, value: string) =>
  act(() => {
    const el = $<HTMLSelectElement>(select)!
    el.value = value
    el.dispatchEvent(new Event('change', { bubbles: true }))
  })
const press = (name: string) =>
  act(() =>
    [...root.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent === name)!
      .click(),
  )
/** The event stream tells of a newer version of the open ticket. */
const told = (version: number) => act(() => void (seenVersion.value = version))

beforeEach(async () => {
  calls.length = 0
  answers = [json(V3, 200, '"3"')]
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/agents')) return json({ items: [ANN, BOB] })
      // The queue's refresh and the presence heartbeats are not what these tests look at.
      if (!url.startsWith('/api/v1/tickets/') || url.endsWith('/presence'))
        return json({ items: [], nextCursor: null })
      const headers = (init?.headers ?? {}) as Record<string, string>
      calls.push({
        url,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        ...(headers['If-Match'] ? { ifMatch: headers['If-Match'] } : {}),
      })
      return answers.shift() ?? json({ code: 'not_found', detail: 'gone' }, 404)
    }),
  )
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 0))
  me.value = ANN
  agents.value = [ANN, BOB]
  notice.value = pendingAssignee.value = null
  seenVersion.value = 0
  ticket.value = { data: null, etag: null, loading: false, error: null }
  root = document.createElement('div')
  document.body.append(root)
  await act(() => render(h(TicketPage, { reference: 'DEMO-7' }), root))
  await settle()
  calls.length = 0
})
afterEach(() => {
  render(null, root)
  root.remove()
  vi.unstubAllGlobals()
})

describe('the open ticket, changed by others', () => {
  it('merges the change in: the comment appears marked new, the status moves, the draft stays', async () => {
    await type('#composer-body', 'Fixed in 4.30.35')
    await choose('#c-assignee', BOB.id)
    answers = [json(V4, 200, '"4"')]
    await told(4)
    await settle()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/tickets/DEMO-7'])
    const fresh = root.querySelectorAll('.timeline li.fresh')
    expect(fresh).toHaveLength(1)
    expect(fresh[0]!.textContent).toContain('Still fails with 4.30.35')
    expect(fresh[0]!.textContent).toContain('New')
    expect($('.ticket-tags .status')!.textContent).toBe('In progress')
    expect($('[data-live-change]')!.textContent).toContain('Changed by the reporter')
    // Nothing the agent was writing or choosing is lost.
    expect($<HTMLTextAreaElement>('#composer-body')!.value).toBe('Fixed in 4.30.35')
    expect($<HTMLSelectElement>('#c-assignee')!.value).toBe(BOB.id)
    expect($('[data-draft-kept]')!.textContent).toContain('while you were writing')
  })

  it('does not resolve on what the agent had not seen: told by whom, then sent on the next press', async () => {
    await type('#composer-body', 'Fixed in 4.30.35')
    await choose('#c-assignee', BOB.id)
    answers = [json(V4, 200, '"4"')]
    await told(4)
    await settle()
    calls.length = 0
    await press('Resolve')
    await settle()
    // Begun before the reporter's comment: nothing is sent, and the agent told who came first.
    expect(calls).toEqual([])
    const warning = $('.composer [data-notice="warning"]')!
    expect(warning.textContent).toContain('Changed by the reporter in the meantime')
    expect($<HTMLTextAreaElement>('#composer-body')!.value).toBe('Fixed in 4.30.35')
    expect($('[data-draft-kept]')).toBeNull()
    // Asked again, both go on the version now shown; the own first write does not stale the second.
    const assigned = {
      ...V4,
      version: 5,
      assignee: { id: BOB.id, name: BOB.name, email: BOB.email },
      timeline: [
        ...V4.timeline,
        entry(4, { type: 'assigned', actor: { kind: 'agent', id: ANN.id, name: ANN.name } }),
      ],
    }
    answers = [json(assigned, 200, '"5"'), json({ ...assigned, version: 6 }, 200, '"6"')]
    await press('Resolve')
    await settle()
    expect(calls.map((c) => [c.method, c.ifMatch])).toEqual([
      ['PATCH', '"4"'],
      ['POST', '"5"'],
    ])
    expect(calls[1]!.body).toEqual({ body: 'Fixed in 4.30.35', status: 'resolved' })
    // The agent's own assignment is not news.
    expect(root.querySelectorAll('.timeline li.fresh')).toHaveLength(1)
    expect($<HTMLTextAreaElement>('#composer-body')!.value).toBe('')
  })

  it('catches a change the page had not heard of yet (412), names who made it and keeps the choice', async () => {
    await choose('#c-priority', 'high')
    const bots = {
      ...V3,
      version: 4,
      priority: 'low',
      timeline: [
        ...V3.timeline,
        entry(3, {
          type: 'priority_changed',
          actor: { kind: 'token', id: ANN.id, name: ANN.name },
          data: { from: 'normal', to: 'low' },
        }),
      ],
    }
    answers = [
      json({ code: 'precondition_failed', detail: 'The ticket changed' }, 412),
      json(bots, 200, '"4"'),
    ]
    await press('Set priority')
    await settle()
    expect(calls.map((c) => [c.method, c.ifMatch])).toEqual([
      ['PATCH', '"3"'],
      ['GET', undefined],
    ])
    expect($('.controls [data-notice="warning"]')!.textContent).toContain(
      "Changed by Ann's API token in the meantime",
    )
    // The other change is shown, the agent's choice still waits for the button.
    expect($('.timeline li.fresh')!.textContent).toContain('Low')
    expect($<HTMLSelectElement>('#c-priority')!.value).toBe('high')
    answers = [json({ ...bots, version: 5, priority: 'high' }, 200, '"5"')]
    await press('Set priority')
    await settle()
    expect(calls.at(-1)).toMatchObject({
      method: 'PATCH',
      ifMatch: '"4"',
      body: { priority: 'high' },
    })
    expect($('.controls [data-notice="success"]')!.textContent).toBe('Priority is now High')
  })

  it('offers a reload when loading the change fails', async () => {
    answers = [json({ detail: 'down' }, 503)]
    await told(4)
    await settle()
    expect($('.notices .notice-warning')!.textContent).toContain('loading the change failed')
    answers = [json(V4, 200, '"4"')]
    await press('Reload')
    await settle()
    expect($('.notices .notice-warning')).toBeNull()
    expect($('.timeline li.fresh')!.textContent).toContain('Still fails')
  })
})
