import type { TicketPayload } from '../contract/index.js'
import type { Clock, RetryOptions } from '../options.js'
import { attempt, type AttemptDeps, type Outcome } from './attempt.js'
import { backoff } from './retry.js'

/**
 * Sends a report while the caller waits: up to `attempts` tries with the same idempotency key,
 * backing off between them; a `Retry-After` longer than `maxDelayMs` ends the wait early (the
 * outbox takes over from there).
 */
export async function deliver(
  deps: AttemptDeps & { retry: Required<RetryOptions>; clock: Clock },
  payload: TicketPayload,
  key: string,
): Promise<Outcome> {
  const { attempts, baseDelayMs, maxDelayMs } = deps.retry
  for (let i = 0; ; i++) {
    const outcome = await attempt(deps, payload, key)
    if (outcome.kind !== 'retry' || i + 1 >= attempts) return outcome
    const wait = Math.max(outcome.retryAfterMs ?? 0, backoff(i, baseDelayMs, maxDelayMs, deps.clock.random))
    if (wait > maxDelayMs) return outcome
    await deps.clock.sleep(wait)
  }
}
