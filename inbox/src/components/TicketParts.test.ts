// @vitest-environment happy-dom
import { h, render, type ComponentChild } from 'preact'
import { act } from 'preact/test-utils'
import type { AgentTicket, LinkedChild } from '@snagbox/sdk/contract'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { me, notice, ticket } from '../state.js'
import { Links } from './Links.js'
import { ReporterCard } from './ReporterCard.js'
import { Similar } from './Similar.js'
import { TicketTimes } from './TicketTimes.js'

const BASE = {
  id: 't1',
  reference: 'DEMO-7',
  version: 3,
  status: 'new',
  priority: 'normal',
  category: 'incident',
  project: { id: 'p1', prefix: 'DEMO', name: 'Demo' },
  timeline: [],
  allowedActions: [{ action: 'close', closeReason: 'duplicate' }, { action: 'link' }],
  parent: null,
  splitFrom: null,
  duplicateOf: null,
  children: [],
  duplicates: [],
  splitInto: [],
  linkCounts: { children: 0, duplicates: 0, splitInto: 0 },
  reporter: {},
  reporterContext: { sameReporter: null, sameOrganization: null },
  firstResponseDueAt: null,
  firstResponseAt: null,
  firstResponseOverdue: false,
  waitingSince: null,
} as unknown as AgentTicket

let root: HTMLElement
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)))
const show = (node: ComponentChild) => act(() => render(node, root))
const text = (selector: string) => root.querySelector(selector)?.textContent
let answers: Record<string, Response>

beforeEach(() => {
  answers = {}
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const key = `${init?.method ?? 'GET'} ${url}`
      return answers[key]?.clone() ?? Response.json({ items: [], nextCursor: null })
    }),
  )
  me.value = { id: 'a1', email: 'ann@example.com', name: 'Ann', role: 'agent' }
  notice.value = null
  root = document.createElement('div')
  document.body.append(root)
})
afterEach(() => {
  render(null, root)
  root.remove()
  vi.unstubAllGlobals()
})

describe('the times the team works to', () => {
  it('says a first response is overdue, and since when the ticket waits on the team', async () => {
    await show(
      h(TicketTimes, {
        data: {
          ...BASE,
          firstResponseDueAt: '2026-12-01T10:00:00.000Z',
          firstResponseOverdue: true,
          waitingSince: '2026-12-01T08:00:00.000Z',
        },
      }),
    )
    const overdue = root.querySelector('[data-time="time.overdue"]')!
    expect(overdue.className).toBe('overdue')
    expect(overdue.textContent).toMatch(/^First response overdue since /)
    expect(text('[data-time="time.waiting"]')).toMatch(/^Waiting on the team since /)
    await show(h(TicketTimes, { data: { ...BASE, firstResponseAt: '2026-12-01T09:00:00Z' } }))
    expect(text('.times')).toMatch(/^First response /)
  })
})

describe('the linked tickets', () => {
  it("shows a mass incident's first children with their reporters, and the queue of all", async () => {
    const children = Array.from({ length: 12 }, (_, i): LinkedChild => ({
      id: `c${i}`,
      reference: `DEMO-${20 + i}`,
      status: 'new',
      subject: `Kazan ${i}`,
      reporterName: i === 0 ? 'Olga' : null,
    }))
    await show(
      h(Links, { data: { ...BASE, children, linkCounts: { ...BASE.linkCounts, children: 60 } } }),
    )
    expect(root.querySelectorAll('.refs li')).toHaveLength(10)
    expect(text('.refs li')).toBe('DEMO-20 New Kazan 0 · Olga')
    const all = root.querySelector<HTMLAnchorElement>('a.all')!
    expect(all.textContent).toBe('All 60 in the queue')
    expect(all.getAttribute('href')).toBe('/inbox?parent=DEMO-7&status=all')
  })
})

describe("the reporter's card", () => {
  it("searches the queue by the reporter's name, e-mail and organization", async () => {
    const reporter = { name: 'Anna', email: 'anna@example.com', organization: 'Energo LLC' }
    await show(h(ReporterCard, { data: { ...BASE, reporter } }))
    const links = [...root.querySelectorAll<HTMLAnchorElement>('dd a:not(.mailto)')]
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/inbox?reporter=Anna&status=all',
      '/inbox?reporter=anna%40example.com&status=all',
      '/inbox?reporter=Energo+LLC&status=all',
    ])
    expect(root.querySelector('a.mailto')!.getAttribute('href')).toBe('mailto:anna@example.com')
  })
})

describe('the similar open tickets', () => {
  it("links in one click, and says the lifecycle's refusal in place", async () => {
    const similar = {
      id: 's1',
      reference: 'DEMO-2',
      status: 'new',
      subject: 'Nobody in Kazan can reach the server',
      category: 'mass_incident',
      sameEnvironment: true,
    }
    answers['GET /api/v1/tickets/DEMO-7/similar'] = Response.json({ items: [similar] })
    answers['POST /api/v1/tickets/DEMO-7/link'] = Response.json(
      {
        code: 'illegal_transition',
        detail: '"link" is not allowed while the ticket is closed; allowed: note',
      },
      { status: 409 },
    )
    answers['GET /api/v1/tickets/DEMO-7'] = Response.json(BASE, { headers: { ETag: '"3"' } })
    ticket.value = { data: BASE, etag: '"3"', loading: false, error: null }
    await show(h(() => h(Similar, { data: ticket.value.data! }), null))
    await settle()
    expect(text('li[data-ref="DEMO-2"]')).toContain('same version and OS')
    const link = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Link to DEMO-2',
    )
    await act(() => link!.click())
    await settle()
    const refused = root.querySelector('.similar [data-notice="error"]')!
    expect(refused.textContent).toBe(
      'Not allowed now: "link" is not allowed while the ticket is closed; allowed: note',
    )
  })
})
