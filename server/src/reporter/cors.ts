import type { Context, MiddlewareHandler } from 'hono'
import { HEADERS } from '@snagbox/sdk/contract'
import type { AppDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { isOriginAllowed, readableBy } from '../http/origins.js'

/**
 * CORS of the reporter's API, which the widget and the SDK call from the host's pages: as the
 * intake, any origin's preflight is answered and every refusal is readable (it names no project),
 * so a page the project does not allow is told so rather than left to retry; every answer that
 * shows a request first passes {@link checkOrigin} with the request's project.
 */
export function reporterCors(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (origin) readableBy(c, origin, 'Retry-After')
    if (c.req.method !== 'OPTIONS') return next()
    c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
    c.header(
      'Access-Control-Allow-Headers',
      `Content-Type, Accept-Language, Last-Event-ID, ${HEADERS.projectKey}`,
    )
    c.header('Access-Control-Max-Age', '600')
    return c.body(null, 204)
  }
}

/** Refuses a browser page whose origin the request's project does not allow (403, readable). */
export function checkOrigin(c: Context, deps: AppDeps, allowedOrigins: string[]): void {
  const origin = c.req.header('origin')
  if (origin && !isOriginAllowed(origin, allowedOrigins, deps.config))
    throw new ApiError(
      403,
      'origin_not_allowed',
      `The origin ${origin} may not read or change this project's requests`,
    )
}
