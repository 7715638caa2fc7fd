/**
 * Exponential backoff with jitter: the n-th wait (from 0) is between half and all of
 * `min(max, base · 2ⁿ)`, so clients that failed together do not come back together.
 *
 * @example
 * backoff(3, 1_000, 60_000, Math.random) // between 4,000 and 8,000
 */
export function backoff(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const cap = Math.min(maxMs, baseMs * 2 ** attempt)
  return Math.round(cap / 2 + (random() * cap) / 2)
}
