import type { RateLimit } from '../config.js'

/**
 * Sliding-window counters in memory, one per key (a client address, a project, an account): at
 * most `limit` counted requests in any `windowSeconds`, however they fall. A fixed window would
 * let twice the limit through around its edge (the end of one window, the start of the next).
 * Each key keeps the times of its counted requests, at most `limit` of them. Enough for one
 * server process, which is what Snagbox runs as; `hit` answers how long to wait when over.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>()
  /** The map's size at which expired keys are next swept out; doubles when a sweep frees little. */
  private sweepAt = 50_000

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes back a request counted for `key` that turned out not to count (a login that worked). */
  undo(key: string): void {
    const times = this.hits.get(key)
    times?.pop()
    if (times && !times.length) this.hits.delete(key)
  }

  /** Counts one request for `key`; returns 0 if allowed, else the seconds until it will be. */
  hit(key: string): number {
    const now = this.now()
    const size = this.limit.windowSeconds * 1000
    let times = this.hits.get(key)
    if (!times) {
      if (this.hits.size >= this.sweepAt) this.sweep(now - size)
      times = []
      this.hits.set(key, times)
    }
    const expired = times.findIndex((t) => t > now - size)
    times.splice(0, expired === -1 ? times.length : expired)
    if (times.length >= this.limit.limit) {
      // Allowed again once the oldest counted request leaves the window.
      const oldest = times[0] ?? now
      return Math.max(1, Math.ceil((oldest + size - now) / 1000))
    }
    times.push(now)
    return 0
  }

  // Many live keys (a spread of addresses) would make a sweep at every new key walk them all
  // for nothing; sweeping again only at twice what is left keeps each hit O(1) on average.
  private sweep(horizon: number): void {
    for (const [key, times] of this.hits)
      if (!times.length || times.at(-1)! <= horizon) this.hits.delete(key)
    this.sweepAt = Math.max(50_000, 2 * this.hits.size)
  }
}
