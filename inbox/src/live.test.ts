import { describe, expect, it } from 'vitest'
import type { TicketEvent } from '@snagbox/sdk/contract'
import { connectLive, type EventSourceLike, type LiveState } from './live.js'

class FakeSource implements EventSourceLike {
  onerror: ((event: Event) => void) | null = null
  closed = false
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>()
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  close() {
    this.closed = true
  }
  emit(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? [])
      l({ data: typeof data === 'string' ? data : JSON.stringify(data) } as MessageEvent)
  }
  fail() {
    this.onerror?.(new Event('error'))
  }
}

function setup() {
  const sources: FakeSource[] = []
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = []
  const states: LiveState[] = []
  const events: TicketEvent[] = []
  const connected: [string, number][] = []
  const clock = { ms: 5000 }
  let resyncs = 0
  let ended = 0
  const live = connectLive({
    url: '/api/v1/events',
    createSource: () => {
      const s = new FakeSource()
      sources.push(s)
      return s
    },
    onEvent: (e) => events.push(e),
    onState: (s) => states.push(s),
    onResync: () => (resyncs += 1),
    onConnected: (since, openedAt) => connected.push([since, openedAt]),
    onEnded: () => (ended += 1),
    clock: () => clock.ms,
    minDelayMs: 1000,
    maxDelayMs: 8000,
    random: () => 1,
    setTimer: (fn, ms) => {
      const timer = { fn, ms, cleared: false }
      timers.push(timer)
      return timer
    },
    clearTimer: (t) => ((t as { cleared: boolean }).cleared = true),
  })
  return {
    live,
    sources,
    timers,
    states,
    events,
    connected,
    clock,
    resyncs: () => resyncs,
    ended: () => ended,
  }
}

/** What a server's `ready` says: when it began to carry every change. */
const ready = { at: '2026-11-24T10:00:05.000Z' }

const event: TicketEvent = {
  type: 'ticket.created',
  id: 't1',
  reference: 'DEMO-5',
  status: 'new',
  version: 1,
  at: '2026-11-24T10:00:00.000Z',
}

describe('the live event stream', () => {
  it('passes ticket events on once the stream is ready', () => {
    const { sources, states, events } = setup()
    expect(states).toEqual(['connecting'])
    sources[0]!.emit('ready', ready)
    sources[0]!.emit('ticket.created', event)
    sources[0]!.emit('ticket.changed', { ...event, type: 'ticket.changed', version: 2 })
    sources[0]!.emit('ticket.changed', 'not json')
    expect(states).toEqual(['connecting', 'live'])
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['ticket.created', 1],
      ['ticket.changed', 2],
    ])
  })

  it('passes who else is on a ticket on apart from its changes', () => {
    const presence: unknown[] = []
    const sources: FakeSource[] = []
    const events: TicketEvent[] = []
    connectLive({
      url: '/api/v1/events',
      createSource: () => (sources.push(new FakeSource()), sources.at(-1)!),
      onEvent: (e) => events.push(e),
      onPresence: (e) => presence.push(e.viewers.map((v) => v.name)),
      onState: () => undefined,
      onResync: () => undefined,
    })
    const viewers = [{ agentId: 'b2', name: 'Bob', typing: true, since: 'now' }]
    sources[0]!.emit('ticket.presence', { type: 'ticket.presence', id: 't1', viewers })
    expect(presence).toEqual([['Bob']])
    expect(events).toEqual([])
  })

  it('reconnects after a drop with a growing, capped delay and asks for a resync once back', () => {
    const { sources, timers, states, resyncs } = setup()
    sources[0]!.emit('ready', ready)
    sources[0]!.fail()
    expect(sources[0]!.closed).toBe(true)
    expect(states.at(-1)).toBe('offline')
    expect(timers.map((t) => t.ms)).toEqual([1000])
    timers[0]!.fn()
    expect(sources).toHaveLength(2)
    // The server is still down: each wait doubles, up to the cap.
    for (let i = 1; i < 5; i++) {
      sources[i]!.fail()
      timers[i]!.fn()
    }
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000, 4000, 8000, 8000])
    expect(resyncs()).toBe(0)
    sources[5]!.emit('ready', ready)
    expect(resyncs()).toBe(1)
    expect(states.at(-1)).toBe('live')
    // Back to the shortest wait after a good connection.
    sources[5]!.fail()
    expect(timers.at(-1)!.ms).toBe(1000)
  })

  it('on the first connection asks what changed since it was opened, not to reload all', () => {
    const { sources, clock, connected, resyncs } = setup()
    // Ready 320.4 ms after the stream was opened: what the page loaded meanwhile was read by
    // the server no earlier than that long before `at`.
    clock.ms += 320.4
    sources[0]!.emit('ready', ready)
    expect(connected).toEqual([['2026-11-24T10:00:04.679Z', 5000]])
    expect(resyncs()).toBe(0)
  })

  it('reloads all on a first connection whose ready says no time', () => {
    for (const data of [{}, { at: 'soon' }, { at: 1764000000000 }, 'not json']) {
      const { sources, connected, resyncs } = setup()
      sources[0]!.emit('ready', data)
      expect(connected).toEqual([])
      expect(resyncs()).toBe(1)
    }
  })

  it('reloads all, not since when, once back after a first connection that failed', () => {
    const { sources, timers, connected, resyncs } = setup()
    sources[0]!.fail()
    timers[0]!.fn()
    sources[1]!.emit('ready', ready)
    expect(connected).toEqual([])
    expect(resyncs()).toBe(1)
  })

  it('stops for good when closed', () => {
    const { live, sources, timers, connected } = setup()
    sources[0]!.emit('ready', ready)
    expect(connected).toHaveLength(1)
    sources[0]!.fail()
    live.close()
    expect(timers[0]!.cleared).toBe(true)
    sources[0]!.fail()
    expect(sources).toHaveLength(1)
  })

  it('ignores errors of a stream it already replaced', () => {
    const { sources, timers } = setup()
    sources[0]!.fail()
    timers[0]!.fn()
    sources[0]!.fail()
    expect(timers).toHaveLength(1)
    expect(sources[1]!.closed).toBe(false)
  })

  it('stays closed when the server ends the stream with the credential, and says so', () => {
    const { sources, timers, states, ended } = setup()
    sources[0]!.emit('ready', ready)
    sources[0]!.emit('ended', { reason: 'credential' })
    expect(sources[0]!.closed).toBe(true)
    expect(ended()).toBe(1)
    expect(states.at(-1)).toBe('offline')
    sources[0]!.fail()
    expect(timers).toEqual([])
    expect(sources).toHaveLength(1)
  })

  it('connects again and reloads when the server ended the stream because it fell behind', () => {
    const { sources, timers, states, events, resyncs, ended } = setup()
    sources[0]!.emit('ready', ready)
    sources[0]!.emit('ticket.created', event)
    sources[0]!.emit('ended', { reason: 'behind' })
    // Not signed out: the stream is closed, opened again after the shortest wait.
    expect(ended()).toBe(0)
    expect(sources[0]!.closed).toBe(true)
    expect(states.at(-1)).toBe('offline')
    expect(timers.map((t) => t.ms)).toEqual([1000])
    // The connection closing after it is no second drop.
    sources[0]!.fail()
    expect(timers).toHaveLength(1)
    timers[0]!.fn()
    expect(resyncs()).toBe(0)
    sources[1]!.emit('ready', ready)
    // What was dropped is reloaded, not taken from the events that came before.
    expect(resyncs()).toBe(1)
    expect(states.at(-1)).toBe('live')
    expect(events).toHaveLength(1)
    // An `ended` without a reason we know is no sign-out either.
    sources[1]!.emit('ended', 'not json')
    expect(ended()).toBe(0)
    expect(timers).toHaveLength(2)
  })
})
