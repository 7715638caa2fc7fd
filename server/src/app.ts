import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { API_PREFIX, PROBLEM_CONTENT_TYPE, ROUTES } from '@snagbox/sdk/contract'
import { authRoutes } from './auth/routes.js'
import type { AppDeps } from './deps.js'
import { ApiError } from './errors.js'
import { securityHeaders } from './http/security-headers.js'
import { inboxRoutes } from './static/inbox-routes.js'
import { liveRoutes } from './live/routes.js'
import { openApiDocument } from './openapi.js'
import { statusApiRoutes } from './reporter/api-routes.js'
import { statusPageRoutes } from './reporter/page-routes.js'
import { widgetRoutes } from './static/widget-routes.js'
import { agentTicketRoutes } from './tickets/agent-routes.js'
import { intakeRoutes } from './tickets/intake-routes.js'
import { ticketProblem } from './tickets/problems.js'
import { TicketError } from './tickets/store/errors.js'

/**
 * The Snagbox HTTP application. It never listens: `snagbox serve` does, tests call `app.request()`.
 *
 * @example
 * const app = createApp(appDeps({ db: openDatabase(':memory:'), config: loadConfig() }))
 * const res = await app.request('/healthz')
 */
export function createApp(deps: AppDeps) {
  const app = new Hono()
  app.use(securityHeaders())

  app.get(ROUTES.healthz, (c) => {
    try {
      deps.db.$client.prepare('select 1').get()
    } catch {
      throw new ApiError(503, 'internal_error', 'The database does not answer')
    }
    return c.json({ status: 'ok' })
  })
  app.get(ROUTES.openapi, (c) => c.json(openApiDocument(deps.config)))
  app.route(ROUTES.tickets, intakeRoutes(deps))
  app.route(ROUTES.tickets, agentTicketRoutes(deps))
  app.route(API_PREFIX, authRoutes(deps))
  app.route(ROUTES.events, liveRoutes(deps))
  app.route(ROUTES.status, statusApiRoutes(deps))
  app.route(ROUTES.statusPage, statusPageRoutes(deps))
  app.route('/', widgetRoutes())
  app.route(ROUTES.inbox, inboxRoutes())

  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'There is nothing at this address')
  })
  app.onError((err, c) => {
    const error = toApiError(err)
    if (!(err instanceof ApiError) && !(err instanceof TicketError)) console.error(err)
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
    c.header('Content-Type', PROBLEM_CONTENT_TYPE)
    return c.body(JSON.stringify(error.toProblem()), error.status as 400)
  })
  return app
}

export type SnagboxApp = ReturnType<typeof createApp>

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  if (err instanceof TicketError) return ticketProblem(err.problem)
  if (err instanceof HTTPException) {
    if (err.status === 413) return new ApiError(413, 'payload_too_large', 'The body is too large')
    if (err.status === 404) return new ApiError(404, 'not_found', err.message || 'Not found')
    if (err.status === 401)
      return new ApiError(401, 'unauthorized', err.message || 'Authentication required')
    if (err.status < 500)
      return new ApiError(err.status, 'invalid_payload', err.message || 'Bad request')
  }
  return new ApiError(
    500,
    'internal_error',
    'Something went wrong on the server; the request was not applied',
  )
}
