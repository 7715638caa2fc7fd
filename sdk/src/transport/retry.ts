/**
 * Exponential backoff with jitter: the n-th wait (from 0) is between half and all of
 * `min(max, base · 2ⁿ)`, so clients that failed together do not come back together.
 */
export function backoff(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const cap = Math.min(maxMs, baseMs * 2 ** attempt)
  return Math.round(cap / 2 + (random() * cap) / 2)
}

/** `Retry-After` as seconds or as an HTTP date, in milliseconds from `now`; `null` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  const ms = value ? (Number(value) * 1000 || Date.parse(value) - now) : NaN
  return ms >= 0 ? ms : null
}
