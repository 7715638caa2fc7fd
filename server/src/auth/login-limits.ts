import type { Config } from '../config.js'
import type { Db } from '../db/client.js'
import { RateLimiter } from '../http/rate-limiter.js'
import { signInsSince } from '../audit/store.js'

/** How long an address an account signed in from stays a known place of that account. */
export const KNOWN_PLACE_MS = 30 * 24 * 60 * 60 * 1000

/** A login attempt that was let through to the password check. */
export interface LoginAttempt {
  /** The password was right: the attempt is taken back, and the address becomes a known place. */
  succeeded(): void
  /** The password was never checked (the checks were busy): the attempt is taken back. */
  withdrawn(): void
}

/**
 * The limits on failed logins, each over a sliding window (`--rate-limit-login-window`):
 *
 * - per account and address (`--rate-limit-login`, 20): one place guessing one password;
 * - per account, over the addresses it has not signed in from in 30 days
 *   (`--rate-limit-login-account`, 50): many places guessing one password;
 * - per address, over the accounts that have not signed in from it in 30 days
 *   (`--rate-limit-login-ip`, 100): one place trying many accounts.
 *
 * An attacker elsewhere can use up the last two, but never for an agent at a place it signed in
 * from before: that agent meets only its own limit there. So guessing is bounded however many
 * addresses it comes from, and the real agent is not locked out by it — from a new place, only
 * while the guessing goes on (a sliding window frees up as the failures age out). An office
 * behind one NAT address shares nothing but the third limit, and only for accounts new there.
 */
export class LoginLimits {
  private readonly pair: RateLimiter
  private readonly account: RateLimiter
  private readonly address: RateLimiter
  /** `email \n address` → when that account last signed in from there. */
  private readonly known = new Map<string, number>()

  constructor(
    db: Db,
    limits: Config['rateLimit'],
    private readonly now: () => number,
  ) {
    this.pair = new RateLimiter(limits.login, now)
    this.account = new RateLimiter(limits.loginAccount, now)
    this.address = new RateLimiter(limits.loginIp, now)
    // The audit trail remembers the known places across restarts.
    for (const s of signInsSince(db, new Date(now() - KNOWN_PLACE_MS)))
      this.known.set(placeKey(s.email, s.address), Date.parse(s.at))
  }

  /**
   * Counts an attempt before its password is checked: the seconds to wait (and nothing
   * counted), or the attempt, to be told if it succeeded.
   */
  attempt(email: string, address: string): LoginAttempt | { wait: number } {
    const place = placeKey(email, address)
    const seen = this.known.get(place)
    const knownPlace = seen !== undefined && this.now() - seen < KNOWN_PLACE_MS
    const counters: [RateLimiter, string][] = [[this.pair, place]]
    if (!knownPlace) counters.push([this.account, email], [this.address, address])
    const counted: [RateLimiter, string][] = []
    for (const [limiter, key] of counters) {
      const wait = limiter.hit(key)
      if (wait) {
        for (const [done, doneKey] of counted) done.undo(doneKey)
        return { wait }
      }
      counted.push([limiter, key])
    }
    return {
      succeeded: () => {
        for (const [limiter, key] of counted) limiter.undo(key)
        this.known.set(place, this.now())
      },
      withdrawn: () => {
        for (const [limiter, key] of counted) limiter.undo(key)
      },
    }
  }
}

const placeKey = (email: string, address: string) => `${email}\n${address}`
