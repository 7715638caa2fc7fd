import type { Context } from 'hono'
import type { AppDeps } from '../deps.js'
import { RateLimiter } from '../http/rate-limiter.js'
import type { Lang } from './i18n.js'

interface Limiters {
  perLink: RateLimiter
  perAddress: RateLimiter
}

// The status page and the reporter's API are two doors to the same writes: one budget for both.
const shared = new WeakMap<AppDeps, Limiters>()

/**
 * Counts one write of a reporter (a comment, a confirmation, a reopen, a withdrawal) against its
 * request's status link and its client address. Returns 0 when it may go ahead, else the seconds
 * until it may: then nothing is to be read or written. Every link of one request shares a
 * budget, so a second link (a retried intake hands one out) buys no more.
 */
export function hitReporterWrite(deps: AppDeps, c: Context, ticketId: string): number {
  let limiters = shared.get(deps)
  if (!limiters) {
    const now = () => deps.now().getTime()
    limiters = {
      perLink: new RateLimiter(deps.config.rateLimit.reporter, now),
      perAddress: new RateLimiter(deps.config.rateLimit.reporterIp, now),
    }
    shared.set(deps, limiters)
  }
  return limiters.perAddress.hit(deps.clientIp(c)) || limiters.perLink.hit(ticketId)
}

/** What the status page says when the reporter has written too much for now. */
export const TOO_MANY: Record<Lang, (minutes: number) => string> = {
  en: (minutes) =>
    `You have sent a lot in a short time. Please try again in ${minutes} min; nothing was sent this time.`,
  ru: (minutes) =>
    `Слишком много сообщений за короткое время. Попробуйте ещё раз через ${minutes} мин.; это сообщение не отправлено.`,
}
