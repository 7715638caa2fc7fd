// @vitest-environment happy-dom
import { h, render } from 'preact'
import { act } from 'preact/test-utils'
import type { AgentTicket, Macro } from '@snagbox/sdk/contract'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { agents, me, notice, pendingAssignee, ticket } from '../state.js'
import { Composer } from './Composer.js'
import { macrosFor } from './MacroPicker.js'

const ANN = { id: 'a1', email: 'ann@example.com', name: 'Ann', role: 'agent' } as const
const TICKET = {
  id: 't1',
  reference: 'DEMO-7',
  version: 3,
  status: 'in_progress',
  priority: 'normal',
  project: { id: 'p1', prefix: 'DEMO', name: 'Demo' },
  assignee: null,
  timeline: [],
  allowedActions: [
    { action: 'reply' },
    { action: 'reply', status: 'resolved' },
    { action: 'note' },
    { action: 'set_priority' },
  ],
} as unknown as AgentTicket
const macro = (id: string, name: string, project: string | null, over: Partial<Macro> = {}) =>
  ({
    id,
    name,
    body: `Body of ${name}`,
    status: null,
    priority: null,
    project: project ? { id: project, prefix: project, name: project } : null,
    ...over,
  }) as Macro
const LIST = [
  macro('m1', 'Update to the latest version', 'p1', { status: 'resolved', priority: 'low' }),
  macro('m2', 'Ask for the log file', null),
  macro('m3', 'Other team only', 'p2'),
  macro('m4', 'Printer: update the driver', 'p1'),
]

const calls: { url: string; method: string; body: unknown; ifMatch?: string }[] = []
let root: HTMLElement
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)))
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)
const key = (el: Element, k: string) =>
  act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })))

beforeEach(async () => {
  calls.length = 0
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      const headers = (init?.headers ?? {}) as Record<string, string>
      calls.push({
        url,
        method,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        ...(headers['If-Match'] ? { ifMatch: headers['If-Match'] } : {}),
      })
      if (url === '/api/v1/macros') return Response.json({ items: LIST })
      if (url.endsWith('/macros/m1'))
        return Response.json({
          id: 'm1',
          name: 'Update to the latest version',
          body: 'Hello Anna, DEMO-7 is fixed in 4.30.35.',
          status: 'resolved',
          priority: 'low',
        })
      if (url.endsWith('/replies'))
        return Response.json({ ...TICKET, version: 4, status: 'resolved' }, { status: 201 })
      return Response.json({ items: [], nextCursor: null })
    }),
  )
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 0))
  me.value = ANN
  agents.value = [ANN]
  notice.value = pendingAssignee.value = null
  ticket.value = { data: TICKET, etag: '"3"', loading: false, error: null }
  root = document.createElement('div')
  document.body.append(root)
  await act(() =>
    render(
      h(() => h(Composer, { data: ticket.value.data! }), null),
      root,
    ),
  )
})
afterEach(() => {
  render(null, root)
  root.remove()
  vi.unstubAllGlobals()
})

describe('saved replies in the composer', () => {
  it("lists the ticket's project's and every project's, those named so first", () => {
    expect(macrosFor(LIST, 'p1', '').map((m) => m.id)).toEqual(['m1', 'm2', 'm4'])
    expect(macrosFor(LIST, 'p1', 'upd').map((m) => m.id)).toEqual(['m1', 'm4'])
    expect(macrosFor(LIST, 'p1', 'LOG FILE').map((m) => m.id)).toEqual(['m2'])
    expect(macrosFor(LIST, 'p1', 'other team')).toEqual([])
  })

  it('opens on / in an empty reply, fills the chosen one in and sends what it sets with it', async () => {
    await key($('#composer-body')!, '/')
    await settle()
    const search = $<HTMLInputElement>('#macro-search')!
    expect(document.activeElement).toBe(search)
    expect(search.getAttribute('role')).toBe('combobox')
    const options = () =>
      [...root.querySelectorAll('[role=option]')].map(
        (o) => o.querySelector('.macro-name')!.textContent,
      )
    expect(options()).toEqual([
      'Update to the latest version',
      'Ask for the log file',
      'Printer: update the driver',
    ])
    // The arrows move the choice, which the combobox names for a screen reader.
    await key(search, 'ArrowDown')
    expect(search.getAttribute('aria-activedescendant')).toBe('macro-m2')
    await key(search, 'ArrowUp')
    expect(search.getAttribute('aria-activedescendant')).toBe('macro-m1')
    await key(search, 'Enter')
    await settle()
    expect($('#macro-search')).toBeNull()
    expect($<HTMLTextAreaElement>('#composer-body')!.value).toBe(
      'Hello Anna, DEMO-7 is fixed in 4.30.35.',
    )
    // What it sets is shown before sending, and can be changed there.
    expect($<HTMLSelectElement>('#composer-status')!.value).toBe('resolved')
    expect($<HTMLSelectElement>('#composer-priority')!.value).toBe('low')
    expect($('.composer [data-notice="success"]')!.textContent).toContain('filled in')
    calls.length = 0
    await act(
      () =>
        void $('.composer form')!.dispatchEvent(
          new Event('submit', { bubbles: true, cancelable: true }),
        ),
    )
    await settle()
    expect(calls.filter((c) => c.url.endsWith('/replies'))).toEqual([
      {
        url: '/api/v1/tickets/DEMO-7/replies',
        method: 'POST',
        body: {
          body: 'Hello Anna, DEMO-7 is fixed in 4.30.35.',
          status: 'resolved',
          priority: 'low',
        },
        ifMatch: '"3"',
      },
    ])
  })

  it('closes with Escape and leaves a / typed later in the text as text', async () => {
    await key($('#composer-body')!, '#')
    await settle()
    await key($('#macro-search')!, 'Escape')
    await settle()
    expect($('#macro-search')).toBeNull()
    const text = $<HTMLTextAreaElement>('#composer-body')!
    await act(() => {
      text.value = 'See C:'
      text.dispatchEvent(new Event('input', { bubbles: true }))
    })
    const typed = new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true })
    text.dispatchEvent(typed)
    expect(typed.defaultPrevented).toBe(false)
    expect($('#macro-search')).toBeNull()
  })
})
