import { describe, expect, it } from 'vitest'
import { throttle } from './throttle.js'

function clock() {
  let now = 0
  const timers: { fn: () => void; at: number; cleared: boolean }[] = []
  return {
    timers: {
      now: () => now,
      setTimer: (fn: () => void, ms: number) => {
        const timer = { fn, at: now + ms, cleared: false }
        timers.push(timer)
        return timer
      },
      clearTimer: (timer: unknown) => void ((timer as { cleared: boolean }).cleared = true),
    },
    /** Moves the time on, running the timers that fall due on the way. */
    advance(ms: number) {
      const until = now + ms
      for (;;) {
        const due = timers.filter((t) => !t.cleared && t.at <= until).sort((a, b) => a.at - b.at)[0]
        if (!due) break
        now = due.at
        due.cleared = true
        due.fn()
      }
      now = until
    },
    pending: () => timers.filter((t) => !t.cleared).length,
  }
}

describe('a throttled refresh', () => {
  it('runs the first request at once, and a burst after it once, a second later', () => {
    const c = clock()
    let runs = 0
    const refresh = throttle(() => (runs += 1), 1000, c.timers)
    refresh.request()
    expect(runs).toBe(1)
    for (let i = 0; i < 100; i++) {
      c.advance(5)
      refresh.request()
    }
    expect(runs).toBe(1)
    expect(c.pending()).toBe(1)
    c.advance(499)
    expect(runs).toBe(1)
    c.advance(1)
    expect(runs).toBe(2)
    expect(c.pending()).toBe(0)
  })

  it('never runs twice within the interval, however the requests fall', () => {
    const c = clock()
    const at: number[] = []
    const refresh = throttle(() => at.push(c.timers.now()), 1000, c.timers)
    for (const step of [0, 300, 900, 1200, 2500, 2600, 5000]) {
      c.advance(step - c.timers.now())
      refresh.request()
    }
    c.advance(2000)
    expect(at).toEqual([0, 1000, 2000, 3000, 5000])
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(1000)
  })

  it('runs at once again after a quiet spell, and a cancelled run does not come', () => {
    const c = clock()
    let runs = 0
    const refresh = throttle(() => (runs += 1), 1000, c.timers)
    refresh.request()
    c.advance(5000)
    refresh.request()
    expect(runs).toBe(2)
    refresh.request()
    refresh.cancel()
    c.advance(5000)
    expect(runs).toBe(2)
  })
})
