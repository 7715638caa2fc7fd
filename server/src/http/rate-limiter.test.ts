import { describe, expect, it } from 'vitest'
import { RateLimiter } from './rate-limiter.js'

describe('the rate limiter', () => {
  it('holds a sliding window: no twice-the-limit burst across a window edge', () => {
    let now = 0
    const limiter = new RateLimiter({ limit: 3, windowSeconds: 10 }, () => now)
    now = 9_000
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')]).toEqual([0, 0, 0])
    now = 10_500 // a fixed window would have started afresh at 10 s
    expect(limiter.hit('a')).toBe(9) // until 19 s, when the first of the three leaves the window
    now = 19_001
    expect(limiter.hit('a')).toBe(0)
    expect(limiter.hit('b')).toBe(0)
  })

  it('sweeps rarely with more live keys than its sweep threshold, and still frees expired ones', () => {
    let now = 0
    const limiter = new RateLimiter({ limit: 1, windowSeconds: 600 }, () => now)
    // Counts the walks over the keys: a sweep at every new key past 50,000 would walk them
    // 70,000 times here.
    const keys = (limiter as unknown as { hits: Map<string, number[]> }).hits
    const walk = keys[Symbol.iterator].bind(keys)
    let walks = 0
    keys[Symbol.iterator] = () => {
      walks += 1
      return walk()
    }
    for (let i = 0; i < 120_000; i++) {
      now = i // every key stays live: a spread of addresses within one window
      limiter.hit(`key-${i}`)
    }
    expect(walks).toBeLessThanOrEqual(2)
    now = 10_000_000 // all of them expired: the next sweep frees them
    for (let i = 0; i < 130_000; i++) limiter.hit(`late-${i}`)
    expect(keys.size).toBeLessThan(130_000 + 50_000)
    expect(limiter.hit('late-0')).toBeGreaterThan(0)
  })
})
