import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/** The client's address: the socket's, or behind a trusted proxy the first `X-Forwarded-For` hop. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // No socket: the app is driven in-process (tests, app.request()).
    return 'local'
  }
}
