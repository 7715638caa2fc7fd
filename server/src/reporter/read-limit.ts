import type { Context } from 'hono'
import type { AppDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { RateLimiter } from '../http/rate-limiter.js'

const shared = new WeakMap<AppDeps, RateLimiter>()

/**
 * Counts one listing of requests or one live stream opened, against the client address, with the
 * numbers of the reporter's per-address limit (`--rate-limit-reporter-ip` in its window) but a
 * budget of its own: a page that lists its requests does not use up the reporter's comments.
 * Throws the 429 when past it; nothing is read then.
 */
export function countReporterRead(deps: AppDeps, c: Context): void {
  let limiter = shared.get(deps)
  if (!limiter) {
    limiter = new RateLimiter(deps.config.rateLimit.reporterIp, () => deps.now().getTime())
    shared.set(deps, limiter)
  }
  const seconds = limiter.hit(deps.clientIp(c))
  if (seconds)
    throw new ApiError(
      429,
      'rate_limited',
      `Too many listings of requests from this address; try again in ${seconds} s`,
      undefined,
      { 'Retry-After': String(seconds) },
    )
}
