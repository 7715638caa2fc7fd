// @vitest-environment happy-dom
// @vitest-environment-options {"url":"http://127.0.0.1/inbox/invite#tok_123"}
import { h, render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { me } from '../state.js'
import { InvitePage } from './InvitePage.js'

const calls: { url: string; body: unknown }[] = []
let answers: Response[] = []
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status })

let root: HTMLElement
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)))
const type = (id: string, value: string) =>
  act(() => {
    const input = root.querySelector<HTMLInputElement>(`#${id}`)!
    input.value = value
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
const submit = () =>
  void root
    .querySelector('form')!
    .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))

beforeEach(() => {
  calls.length = 0
  history.replaceState(null, '', '/inbox/invite#tok_123')
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined })
      return answers.shift() ?? json({ code: 'not_found', detail: 'gone' }, 404)
    }),
  )
  root = document.createElement('div')
  document.body.append(root)
  me.value = null
})
afterEach(() => {
  render(null, root)
  root.remove()
  vi.unstubAllGlobals()
})

describe("the one-time link's page", () => {
  it('sets the password, signs the person in and opens the queue without the token', async () => {
    const agent = { id: 'a2', email: 'bob@example.com', name: 'Bob', role: 'agent' }
    answers = [
      json({ email: 'bob@example.com', name: 'Bob', expiresAt: '2030-01-01T00:00:00Z' }),
      json({ agent }),
    ]
    await act(() => render(h(InvitePage, null), root))
    await settle()
    expect(calls[0]).toEqual({ url: '/api/v1/auth/invite/lookup', body: { token: 'tok_123' } })
    expect(root.textContent).toContain('Set a password for Bob (bob@example.com).')

    // Two passwords that differ: said at the second field, nothing sent.
    await type('invite-password', 'a long password')
    await type('invite-repeat', 'a long passw0rd')
    await act(submit)
    await settle()
    expect(calls).toHaveLength(1)
    expect(root.querySelector('#invite-repeat')!.getAttribute('aria-invalid')).toBe('true')
    expect(root.querySelector('#invite-repeat-error')!.textContent).toBe(
      'The passwords do not match.',
    )
    expect(root.querySelector('[role=alert]')!.textContent).toContain('Check the marked fields.')

    await type('invite-repeat', 'a long password')
    await act(submit)
    await settle()
    expect(calls[1]).toEqual({
      url: '/api/v1/auth/invite/accept',
      body: { token: 'tok_123', password: 'a long password' },
    })
    expect(me.value).toEqual(agent)
    expect(location.pathname + location.hash).toBe('/inbox')
  })

  it('says an unknown, used or expired link is not valid any more, with the way to sign in', async () => {
    answers = [json({ code: 'not_found', detail: 'This link is not valid' }, 404)]
    await act(() => render(h(InvitePage, null), root))
    await settle()
    expect(root.querySelector('[role=alert]')!.textContent).toBe(
      'This link is not valid any more; ask an admin for a new one.',
    )
    expect(root.querySelector('a')!.getAttribute('href')).toBe('/inbox')
    expect(root.querySelector('form')).toBeNull()
  })
})
