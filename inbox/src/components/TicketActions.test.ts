// @vitest-environment happy-dom
import { h, render } from 'preact'
import { act } from 'preact/test-utils'
import type { AgentTicket } from '@snagbox/sdk/contract'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '../api.js'
import { agents, me, notice, pendingAssignee, ticket } from '../state.js'
import { problemNotice } from '../problem-notice.js'
import { Composer } from './Composer.js'
import { Controls } from './Controls.js'
import { MoreActions } from './MoreActions.js'

const ANN = { id: 'a1', email: 'ann@example.com', name: 'Ann', role: 'agent' } as const
const BOB = { id: 'b2', email: 'bob@example.com', name: 'Bob', role: 'agent' } as const
const TICKET = {
  id: 't1',
  reference: 'DEMO-7',
  version: 3,
  status: 'new',
  priority: 'normal',
  category: 'incident',
  assignee: null,
  project: { prefix: 'DEMO' },
  timeline: [],
  allowedActions: [
    { action: 'reply' },
    { action: 'note' },
    { action: 'assign' },
    { action: 'close', closeReason: 'duplicate' },
  ],
} as unknown as AgentTicket

const calls: { url: string; method: string; body: unknown; ifMatch?: string }[] = []
let answers: Response[] = []
const json = (body: unknown, status = 200, etag?: string) =>
  new Response(JSON.stringify(body), { status, headers: etag ? { ETag: etag } : {} })

let root: HTMLElement
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)))
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)
const Page = () => {
  const data = ticket.value.data!
  return h('div', null, h(Controls, { data }), h(Composer, { data }), h(MoreActions, { data }))
}

beforeEach(async () => {
  calls.length = 0
  answers = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      if (url.endsWith('/agents')) return json({ items: [ANN, BOB] })
      // The queue's and the views' refresh after a write are not what these tests look at.
      if (!url.startsWith('/api/v1/tickets/')) return json({ items: [], nextCursor: null })
      const headers = (init?.headers ?? {}) as Record<string, string>
      calls.push({
        url,
        method,
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
  ticket.value = { data: TICKET, etag: '"3"', loading: false, error: null }
  root = document.createElement('div')
  document.body.append(root)
  await act(() => render(h(Page, null), root))
})
afterEach(() => {
  render(null, root)
  root.remove()
  vi.unstubAllGlobals()
})

const choose = (select: string, value: string) =>
  act(() => {
    const el = $<HTMLSelectElement>(select)!
    el.value = value
    el.dispatchEvent(new Event('change', { bubbles: true }))
  })
const type = (selector: string, value: string) =>
  act(() => {
    const el = $<HTMLTextAreaElement | HTMLInputElement>(selector)!
    el.value = value
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
const submit = (form: Element) =>
  act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })))

describe('the actions on the open ticket', () => {
  it('sends a pending assignee with the reply instead of dropping it', async () => {
    await choose('#c-assignee', BOB.id)
    expect($('.controls')!.textContent).toContain('Assign')
    await type('#composer-body', 'Looking into it')
    const assigned = { ...TICKET, version: 4, assignee: { id: BOB.id, name: BOB.name } }
    answers = [json(assigned, 200, '"4"'), json({ ...assigned, version: 5 }, 200, '"5"')]
    await submit($('.composer form')!)
    await settle()
    expect(calls).toEqual([
      {
        url: '/api/v1/tickets/DEMO-7',
        method: 'PATCH',
        body: { assigneeId: BOB.id },
        ifMatch: '"3"',
      },
      { url: '/api/v1/tickets/DEMO-7/replies', method: 'POST', body: { body: 'Looking into it' } },
    ])
    // Said once, next to the composer the agent used: both what was sent and who works on it.
    const said = root.querySelectorAll('[data-notice]')
    expect(said).toHaveLength(1)
    expect(said[0]!.closest('.composer')).not.toBeNull()
    expect(said[0]!.textContent).toBe('Saved · Assigned to Bob')
    expect($<HTMLSelectElement>('#c-assignee')!.value).toBe(BOB.id)
    expect($<HTMLTextAreaElement>('#composer-body')!.value).toBe('')
  })

  it('keeps the draft and sends nothing when the pending assignment is refused', async () => {
    await choose('#c-assignee', BOB.id)
    await type('#composer-body', 'Looking into it')
    answers = [
      json({ code: 'precondition_failed', detail: 'stale' }, 412),
      json(TICKET, 200, '"3"'),
    ]
    await submit($('.composer form')!)
    await settle()
    expect(calls.map((c) => c.method)).toEqual(['PATCH', 'GET'])
    expect($('.composer [data-notice="warning"]')!.textContent).toContain(
      'Changed by someone else in the meantime',
    )
    expect($<HTMLTextAreaElement>('#composer-body')!.value).toBe('Looking into it')
  })

  it("tells a refused action next to it, the problem's detail said once", async () => {
    await act(() => $<HTMLButtonElement>('.more .actions button')!.click())
    await type('#more-ref', 'DEMO-7')
    await type('#more-comment', 'Same')
    const refusal = {
      code: 'invalid_payload',
      detail: 'duplicateOf must be another ticket',
      errors: [{ path: 'duplicateOf', message: 'must be another ticket' }],
    }
    answers = [json(refusal, 400)]
    await submit($('.more-form')!)
    await settle()
    const said = root.querySelectorAll('[data-notice]')
    expect(said).toHaveLength(1)
    expect(said[0]!.closest('.more')).not.toBeNull()
    expect(said[0]!.textContent).toBe('duplicateOf must be another ticket')
  })

  it('has a composer whose tabs pick the mode, with no stray tab panel', () => {
    expect(root.querySelectorAll('[role=tab]')).toHaveLength(2)
    expect($('[role=tabpanel]')).toBeNull()
    expect($('[aria-controls]')).toBeNull()
  })
})

describe('problemNotice', () => {
  it('keeps field errors the detail does not already say', () => {
    const problem = new ApiProblem(400, 'invalid_payload', 'Check the fields', [
      { path: 'reason', message: 'is required' },
    ])
    expect(problemNotice(problem)).toMatchObject({
      text: 'Check the fields',
      detail: 'reason: is required',
    })
    const same = new ApiProblem(400, 'invalid_payload', 'duplicateOf must be another ticket', [
      { path: 'duplicateOf', message: 'must be another ticket' },
    ])
    expect(problemNotice(same, 'more')).toEqual({
      kind: 'error',
      text: 'duplicateOf must be another ticket',
      at: 'more',
    })
  })
})
