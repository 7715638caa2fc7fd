/**
 * A random 128-bit identifier; one per report, reused by every attempt (and every tab or restart
 * that sends it from the outbox) as its `Idempotency-Key`. `getRandomValues`, unlike
 * `randomUUID`, also works on plain-http pages.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
