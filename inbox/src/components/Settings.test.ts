// @vitest-environment happy-dom
import { h, render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { me } from '../state.js'
import { Settings } from './Settings.js'

const calls: { url: string; method: string; body: unknown }[] = []
let answers: Response[] = []
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status })
const ANN = { id: 'a1', email: 'ann@example.com', name: 'Ann', role: 'agent' } as const

let root: HTMLElement
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)))
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)
const click = (el: Element | null) =>
  act(() => void (el as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true })))
const open = async () => {
  await act(() => render(h(Settings, null), root))
  await click($('button[aria-controls=settings]'))
}
const submit = () =>
  act(() => void $('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })))

beforeEach(() => {
  calls.length = 0
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({
        url,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      })
      return answers.shift() ?? json({ code: 'not_found', detail: 'gone' }, 404)
    }),
  )
  root = document.createElement('div')
  document.body.append(root)
})
afterEach(() => {
  render(null, root)
  root.remove()
  vi.unstubAllGlobals()
})

describe("the agent's own e-mail settings", () => {
  it('saves the choices with PATCH /me, only what changed, and says so', async () => {
    me.value = { ...ANN, mail: true, notifications: { newTickets: 'urgent', activity: true } }
    await open()
    const panel = $('[role=dialog]')!
    expect(panel.getAttribute('aria-labelledby')).toBe('settings-title')
    expect($('#settings-title')!.textContent).toBe('E-mail notifications')
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')]
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ['urgent', true],
      ['all', false],
      ['none', false],
    ])
    // Labelled, each: the words are what a screen reader says for them.
    expect(radios[1]!.closest('label')!.textContent).toBe('Every one')
    // Focus goes to the choice made, as it does when a radio group is entered.
    expect(document.activeElement).toBe(radios[0])

    await act(() => {
      radios[1]!.checked = true
      radios[1]!.dispatchEvent(new Event('change', { bubbles: true }))
    })
    const after = { newTickets: 'all', activity: true } as const
    answers = [json({ ...ANN, mail: true, notifications: after })]
    await submit()
    await settle()
    expect(calls).toEqual([
      { url: '/api/v1/me', method: 'PATCH', body: { notifications: { newTickets: 'all' } } },
    ])
    expect(me.value?.notifications).toEqual(after)
    expect(panel.textContent).toContain('Saved.')
  })

  it("shows the server's refusal next to the choices it is about", async () => {
    me.value = { ...ANN, mail: true, notifications: { newTickets: 'none', activity: true } }
    await open()
    await act(() => {
      const box = $<HTMLInputElement>('input[type=checkbox]')!
      box.checked = false
      box.dispatchEvent(new Event('change', { bubbles: true }))
    })
    answers = [
      json(
        {
          code: 'invalid_payload',
          detail: 'Check the fields',
          errors: [{ path: 'notifications.activity', message: 'must be true or false' }],
        },
        400,
      ),
    ]
    await submit()
    await settle()
    expect(calls[0]!.body).toEqual({ notifications: { activity: false } })
    const error = $('#settings-notifications-error')!
    expect(error.textContent).toBe('must be true or false')
    expect($('input[type=checkbox]')!.getAttribute('aria-describedby')).toContain(error.id)
    expect(me.value?.notifications?.activity).toBe(true)
  })

  it('says there is nothing to set when the server sends no e-mail, and closes on Escape', async () => {
    me.value = { ...ANN, mail: false, notifications: { newTickets: 'urgent', activity: true } }
    await open()
    expect($('[role=dialog]')!.textContent).toContain(
      'This server sends no e-mail, so there is nothing to set.',
    )
    expect($('input')).toBeNull()
    const button = $('button[aria-controls=settings]')!
    expect(button.getAttribute('aria-expanded')).toBe('true')
    await act(() => {
      $('[role=dialog]')!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
      )
    })
    expect($('[role=dialog]')).toBeNull()
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button)
  })
})
