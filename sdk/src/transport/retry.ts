/** `Retry-After` as seconds or as an HTTP date, in milliseconds from `now`; `null` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  const ms = value ? Number(value) * 1000 || Date.parse(value) - now : NaN
  return ms >= 0 ? ms : null
}
