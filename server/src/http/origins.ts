import type { Context } from 'hono'
import type { Config } from '../config.js'

/**
 * Whether a browser origin may send tickets: allowed by the project (or, for an answer given
 * before the project is known, by any project), by the server's configuration, or the server's
 * own origin.
 */
export function isOriginAllowed(
  origin: string,
  allowed: Iterable<string>,
  config: Config,
): boolean {
  const lists = [...allowed, ...config.allowedOrigins]
  if (lists.includes('*') || lists.includes(origin)) return true
  return origin === new URL(config.publicUrl).origin
}

/**
 * Lets a page of `origin` read the answer: its body, and the headers named in `exposed`. Given to
 * refusals that name nothing (so a client can tell them from a network failure) and to answers
 * for an origin the project allows.
 */
export function readableBy(c: Context, origin: string, exposed = ''): void {
  c.header('Access-Control-Allow-Origin', origin)
  c.header('Vary', 'Origin')
  if (exposed) c.header('Access-Control-Expose-Headers', exposed)
}
