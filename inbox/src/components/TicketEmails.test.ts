// @vitest-environment happy-dom
import type { AgentTicket, TicketEmail } from '@snagbox/sdk/contract'
import { h, render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ticket } from '../state.js'
import { TicketEmails } from './TicketEmails.js'

const calls: { url: string; method: string }[] = []
let answers: Response[] = []
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status })

const failed: TicketEmail = {
  id: 7,
  kind: 'resolved',
  audience: 'reporter',
  to: 'bob@example.com',
  subject: '[DEMO-4] Export fails',
  state: 'failed',
  attempts: 3,
  lastError: '550 mailbox unavailable',
  sentAt: null,
  createdAt: '2026-03-02T10:00:00.000Z',
  eventId: 12,
}
const pending: TicketEmail = { ...failed, id: 8, state: 'pending', attempts: 0, lastError: null }

let root: HTMLElement
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)))
const show = () => act(() => render(h(TicketEmails, { emails: ticket.value.data!.emails }), root))

beforeEach(() => {
  calls.length = 0
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method ?? 'GET' })
      return answers.shift() ?? json({ code: 'not_found', detail: 'gone' }, 404)
    }),
  )
  ticket.value = {
    data: { id: 't4', reference: 'DEMO-4', emails: [failed] } as unknown as AgentTicket,
    etag: '"3"',
    loading: false,
    error: null,
  }
  root = document.createElement('div')
  document.body.append(root)
})
afterEach(() => {
  render(null, root)
  root.remove()
  vi.unstubAllGlobals()
})

describe("the ticket's e-mails", () => {
  it('says what went to whom and why it failed, and sends it again on request', async () => {
    await show()
    const line = root.querySelector('li')!
    expect(line.textContent).toContain('Solution to bob@example.com')
    expect(line.textContent).toContain('failed after attempt 3: 550 mailbox unavailable')
    const button = root.querySelector('button')!
    expect(button.textContent).toBe('Send again')
    // Which e-mail it sends again is said to a screen reader too.
    expect(root.querySelector(`#${button.getAttribute('aria-describedby')}`)!.textContent).toBe(
      '✉ Solution to bob@example.com',
    )

    answers = [json(pending, 201)]
    await act(() => void button.click())
    await settle()
    expect(calls).toEqual([{ url: '/api/v1/tickets/DEMO-4/emails/7/resend', method: 'POST' }])
    expect(line.textContent).toContain('Queued to be sent again.')
    // The new one joins the ticket's list, newest first; the ticket's version is untouched.
    expect(ticket.value.data!.emails.map((e) => e.id)).toEqual([8, 7])
    expect(ticket.value.etag).toBe('"3"')
    await show()
    const lines = [...root.querySelectorAll('li')]
    expect(lines[0]!.textContent).toContain('waiting to be sent')
    // Still on its way: nothing to send again yet.
    expect(lines[0]!.querySelector('button')).toBeNull()
  })

  it('says next to the button when the server sends no e-mail', async () => {
    await show()
    answers = [json({ code: 'conflict', detail: 'This server sends no e-mail' }, 409)]
    await act(() => void root.querySelector('button')!.click())
    await settle()
    expect(root.querySelector('.mail-result')!.textContent).toBe('This server sends no e-mail.')
    expect(ticket.value.data!.emails).toHaveLength(1)
  })
})
