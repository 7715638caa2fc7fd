import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/** The client's address: the socket's, or behind a trusted proxy the last `X-Forwarded-For` hop. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw; hops before it are whatever the client chose to send.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // No socket: the app is driven in-process (tests, app.request()).
    return 'local'
  }
}
