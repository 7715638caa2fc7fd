import type { RateLimit } from '../config.js'

/**
 * Fixed-window counters in memory, one per key (a client address, a project). Enough for one
 * server process, which is what Snagbox runs as; `check` answers how long to wait when over.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes back a request counted for `key` that turned out not to count (a login that worked). */
  undo(key: string): void {
    const window = this.windows.get(key)
    if (window && window.count > 0) window.count -= 1
  }

  /** Counts one request for `key`; returns 0 if allowed, else the seconds until it will be. */
  hit(key: string): number {
    const now = this.now()
    const size = this.limit.windowSeconds * 1000
    const start = now - (now % size)
    let window = this.windows.get(key)
    if (!window || window.start !== start) {
      if (this.windows.size > 50_000) this.sweep(start)
      window = { start, count: 0 }
      this.windows.set(key, window)
    }
    if (window.count >= this.limit.limit) return Math.max(1, Math.ceil((start + size - now) / 1000))
    window.count += 1
    return 0
  }

  private sweep(currentStart: number): void {
    for (const [key, window] of this.windows)
      if (window.start !== currentStart) this.windows.delete(key)
  }
}
