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
