import { afterEach, describe, expect, it } from 'vitest'
import { PresenceBoard, type PresenceChange } from './presence.js'

const ticket = { id: 't1', reference: 'DEMO-1', projectId: 'p1' }
const ann = { id: 'a1', name: 'Ann' }
const bob = { id: 'b1', name: 'Bob' }
const boards: PresenceBoard[] = []
const board = (options = {}, clock?: () => number) => {
  const b = new PresenceBoard(options, clock)
  boards.push(b)
  return b
}
afterEach(() => boards.splice(0).forEach((b) => b.close()))

describe('the presence board', () => {
  it('tells who came, who types, who left — not every heartbeat', () => {
    const b = board()
    const heard: string[] = []
    b.subscribe((c: PresenceChange) =>
      heard.push(
        `${c.agentId}: ${c.viewers.map((v) => `${v.name}${v.typing ? '…' : ''}`).join(' ')}`,
      ),
    )
    b.beat(ticket, ann, false)
    b.beat(ticket, ann, false)
    b.beat(ticket, bob, true)
    b.beat(ticket, bob, true)
    b.beat(ticket, bob, false)
    b.leave(ticket.id, ann.id)
    b.leave(ticket.id, ann.id)
    expect(heard).toEqual(['a1: Ann', 'b1: Ann Bob…', 'b1: Ann Bob', 'a1: Bob'])
    expect(b.viewers(ticket.id)).toEqual([
      { agentId: 'b1', name: 'Bob', typing: false, since: expect.any(String) },
    ])
  })

  it('forgets an agent whose heartbeats stopped', () => {
    let now = 1_000_000
    const b = board({ ttlMs: 30_000 }, () => now)
    b.beat(ticket, ann, true)
    const since = b.viewers(ticket.id)[0]!.since
    now += 20_000
    b.beat(ticket, ann, true)
    now += 20_000
    expect(b.viewers(ticket.id).map((v) => [v.name, v.since])).toEqual([['Ann', since]])
    now += 10_001
    expect(b.viewers(ticket.id)).toEqual([])
  })

  it('tells the others, unasked, that an agent went quiet', async () => {
    const b = board({ ttlMs: 60 })
    const heard: PresenceChange[] = []
    b.beat(ticket, ann, false)
    b.beat(ticket, bob, false)
    b.subscribe((c) => heard.push(c))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(heard.map((c) => c.agentId).sort()).toEqual(['a1', 'b1'])
    expect(heard.at(-1)!.viewers).toEqual([])
  })

  it('keeps of a ticket only its id, reference and project, whatever row it was given', () => {
    const b = board()
    const heard: PresenceChange[] = []
    b.subscribe((c) => heard.push(c))
    const row = { ...ticket, description: 'x'.repeat(20_000), context: '{}', logs: '[]' }
    b.beat(row, ann, false)
    b.beat(row, bob, true)
    expect(heard.map((c) => c.ticket)).toEqual([ticket, ticket])
  })

  it('keeps no more agents than its bounds, per ticket and in all', () => {
    const b = board({ perTicket: 2, total: 3 })
    expect(b.beat(ticket, ann, false)).not.toBe('full')
    expect(b.beat(ticket, bob, false)).not.toBe('full')
    expect(b.beat(ticket, { id: 'c1', name: 'Carol' }, false)).toBe('full')
    // Those already there keep beating.
    expect(b.beat(ticket, ann, true)).not.toBe('full')
    const other = { ...ticket, id: 't2', reference: 'DEMO-2' }
    expect(b.beat(other, { id: 'c1', name: 'Carol' }, false)).not.toBe('full')
    expect(b.beat(other, { id: 'd1', name: 'Dan' }, false)).toBe('full')
    b.leave(ticket.id, ann.id)
    expect(b.beat(other, { id: 'd1', name: 'Dan' }, false)).not.toBe('full')
  })

  it('keeps one agent on at most 20 tickets: its oldest heartbeat leaves, told to the others', () => {
    let now = 1_000_000
    const b = board({ total: 30 }, () => now++)
    const heard: PresenceChange[] = []
    b.subscribe((c) => heard.push(c))
    const on = (n: number) => ({ id: `t${n}`, reference: `DEMO-${n}`, projectId: 'p1' })
    b.beat(on(1), bob, false)
    // One agent (or a stolen token) on a hundred tickets, each beaten again as it goes.
    for (let n = 1; n <= 100; n++) {
      expect(b.beat(on(n), ann, false)).not.toBe('full')
      if (n > 1) b.beat(on(n - 1), ann, true)
    }
    const annOn = (n: number) => b.viewers(`t${n}`).some((v) => v.agentId === ann.id)
    const kept = Array.from({ length: 100 }, (_, i) => i + 1).filter(annOn)
    expect(kept).toEqual(Array.from({ length: 20 }, (_, i) => i + 81))
    // Bob saw Ann leave his ticket once her heartbeats there were the oldest.
    expect(
      heard.filter((c) => c.ticket.id === 't1').map((c) => c.viewers.map((v) => v.name)),
    ).toEqual([['Bob'], ['Bob', 'Ann'], ['Bob', 'Ann'], ['Bob']])
    // The board's other places are still there for everyone else.
    for (let n = 1; n <= 9; n++)
      expect(b.beat(on(200 + n), { id: `x${n}`, name: `X ${n}` }, false)).not.toBe('full')
    expect(b.beat(on(300), { id: 'y', name: 'Y' }, false)).toBe('full')
  })
})
