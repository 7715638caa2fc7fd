import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { InputError } from '../input-error.js'

/** The longest password a login accepts; a longer one could never be typed in. */
export const MAX_PASSWORD_CHARS = 1024

/** Checks a new password: at least 8 characters, and no longer than a login accepts. */
export function checkNewPassword(password: string): void {
  if (password.length < 8)
    throw new InputError({ field: 'password', message: 'must be at least 8 characters' })
  if (password.length > MAX_PASSWORD_CHARS)
    throw new InputError({
      field: 'password',
      message: `must be at most ${MAX_PASSWORD_CHARS} characters`,
    })
}

/** A random credential: `prefix` + 256 bits in base64url. */
export function randomToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url')
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

export interface ScryptCost {
  N: number
  r: number
  p: number
}

/**
 * The cost of new password hashes: OWASP's Password Storage Cheat Sheet asks for scrypt with
 * N ≥ 2^17, r = 8, p = 1 (128 MiB and about a third of a second per hash). Hashes made with
 * less are still checked, and replaced at the agent's next login.
 */
export const SCRYPT_COST: Readonly<ScryptCost> = { N: 2 ** 17, r: 8, p: 1 }

let current: ScryptCost = { ...SCRYPT_COST }

/**
 * Sets the cost of new hashes for this process. Only for test suites, which hash hundreds of
 * passwords (as Devise's `stretches` in Rails' test environment); a server never calls it.
 */
export function setScryptCost(cost: ScryptCost): void {
  current = { ...cost }
}

// Each check needs 128 × N × r bytes while it runs (128 MiB at the cost above). Checks take turns,
// at most this many at once, so a burst of logins cannot take the memory of the server (nor all of
// libuv's threads, which also serve its files); and at most so many wait, so a flood of logins
// from many addresses is refused at once instead of making every sign-in wait minutes.
const AT_ONCE = 2
const MAX_WAITING = 32
let running = 0
const waiting: (() => void)[] = []

/** Too many password checks are waiting: the caller should try again in a moment. */
export class PasswordChecksBusy extends Error {
  constructor() {
    super('Too many sign-ins at once; try again in a few seconds')
    this.name = 'PasswordChecksBusy'
  }
}

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running < AT_ONCE) running += 1
  else if (waiting.length >= MAX_WAITING) throw new PasswordChecksBusy()
  else await new Promise<void>((resolve) => waiting.push(resolve)) // handed a running turn
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running -= 1
  }
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options = { ...cost, maxmem: 128 * cost.N * cost.r + 16 * 1024 * 1024 }
  return inTurn(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, 64, options, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  )
}

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const cost = current
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  )
}

/** The cost a stored hash was made with; `undefined` when it is not one of ours. */
function costOf(stored: string): (ScryptCost & { salt: string; hash: string }) | undefined {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  const sane =
    Number.isSafeInteger(cost.N) &&
    cost.N > 1 &&
    cost.N <= 2 ** 20 &&
    (cost.N & (cost.N - 1)) === 0 &&
    Number.isSafeInteger(cost.r) &&
    cost.r >= 1 &&
    cost.r <= 32 &&
    Number.isSafeInteger(cost.p) &&
    cost.p >= 1 &&
    cost.p <= 16
  if (kind !== 'scrypt' || !salt || !hash || !sane) return undefined
  return { ...cost, salt, hash }
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const found = costOf(stored)
  if (!found) return false
  const expected = Buffer.from(found.hash, 'base64')
  const key = await derive(password, Buffer.from(found.salt, 'base64'), found)
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** A stored hash made with less work or memory than new ones get: replace it at the next login. */
export function needsRehash(stored: string): boolean {
  const found = costOf(stored)
  if (!found) return true
  return (
    found.N * found.r < current.N * current.r ||
    found.N * found.r * found.p < current.N * current.r * current.p
  )
}
