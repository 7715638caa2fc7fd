// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BEAT_MS, joinTicket, TYPING_MS, typed } from './presence.js'
import { presence } from './state.js'

const sent: string[] = []
let visibility: DocumentVisibilityState = 'visible'

beforeEach(() => {
  vi.useFakeTimers()
  sent.length = 0
  visibility = 'visible'
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body = init?.body ? (JSON.parse(String(init.body)) as { typing: boolean }) : null
      sent.push(`${init?.method} ${url}${body ? ` typing=${body.typing}` : ''}`)
      const viewers = [{ agentId: 'b2', name: 'Bob', typing: false, since: 'now' }]
      return new Response(init?.method === 'DELETE' ? null : JSON.stringify({ items: viewers }), {
        status: init?.method === 'DELETE' ? 204 : 200,
      })
    }),
  )
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

const at = '/api/v1/tickets/DEMO-7/presence'

describe('being on a ticket', () => {
  it('beats while shown, at once when typing starts and stops, and leaves when done', async () => {
    const leave = joinTicket('DEMO-7', 't1')
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toEqual([`POST ${at} typing=false`])
    expect(presence.value).toEqual({
      ticketId: 't1',
      viewers: [expect.objectContaining({ name: 'Bob' })],
    })
    typed()
    typed()
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.at(-1)).toBe(`POST ${at} typing=true`)
    expect(sent).toHaveLength(2)
    // No key for a while: told at once that the typing stopped, then the usual beat.
    await vi.advanceTimersByTimeAsync(TYPING_MS + 200)
    expect(sent.at(-1)).toBe(`POST ${at} typing=false`)
    await vi.advanceTimersByTimeAsync(BEAT_MS)
    expect(sent).toHaveLength(4)
    leave()
    await vi.advanceTimersByTimeAsync(BEAT_MS * 3)
    expect(sent.slice(4)).toEqual([`DELETE ${at}`])
    expect(presence.value).toBeNull()
  })

  it('leaves while the page is hidden and comes back when it shows again', async () => {
    const leave = joinTicket('DEMO-7', 't1')
    await vi.advanceTimersByTimeAsync(0)
    visibility = 'hidden'
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(BEAT_MS * 3)
    expect(sent).toEqual([`POST ${at} typing=false`, `DELETE ${at}`])
    visibility = 'visible'
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.at(-1)).toBe(`POST ${at} typing=false`)
    leave()
  })
})
