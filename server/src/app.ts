import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { API_PREFIX, PROBLEM_CONTENT_TYPE, ROUTES } from '@snagbox/sdk/contract'
import { adminRoutes } from './admin/routes.js'
import { PasswordChecksBusy } from './auth/secrets.js'
import { authRoutes } from './auth/routes.js'
import { appDeps, isComplete, type SomeDeps } from './deps.js'
import { ApiError, inputProblem } from './errors.js'
import { InputError } from './input-error.js'
import { securityHeaders } from './http/security-headers.js'
import { inboxRoutes } from './static/inbox-routes.js'
import { PresenceBoard } from './live/presence.js'
import { presenceRoutes } from './live/presence-routes.js'
import { liveRoutes } from './live/routes.js'
import { macroFillRoutes } from './macros/fill-routes.js'
import { macroRoutes } from './macros/routes.js'
import { openApiDocument } from './openapi.js'
import { statusApiRoutes } from './reporter/api-routes.js'
import { statusPageRoutes } from './reporter/page-routes.js'
import { widgetRoutes } from './static/widget-routes.js'
import { viewRoutes } from './views/routes.js'
import { agentTicketRoutes } from './tickets/agent-routes.js'
import { intakeRoutes } from './tickets/intake-routes.js'
import { ticketProblem } from './tickets/problems.js'
import { TicketError } from './tickets/store/errors.js'

/**
 * The Snagbox HTTP application. It never listens: `snagbox serve` does, tests call `app.request()`.
 * Give it the dependencies `appDeps` made (to share them with jobs, as `serve` does), or only the
 * database and the configuration.
 *
 * @example
 * const app = createApp({ db: openDatabase(':memory:'), config: loadConfig() })
 * const res = await app.request('/healthz')
 */
export function createApp(given: SomeDeps) {
  const deps = isComplete(given) ? given : appDeps(given)
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
  // Who is on which ticket: this app's memory, heard on its event stream.
  const presence = new PresenceBoard()
  app.route(ROUTES.tickets, presenceRoutes(deps, presence))
  app.route(ROUTES.tickets, macroFillRoutes(deps))
  app.route(API_PREFIX, authRoutes(deps))
  app.route(ROUTES.admin, adminRoutes(deps))
  app.route(ROUTES.views, viewRoutes(deps))
  app.route(ROUTES.macros, macroRoutes(deps))
  app.route(ROUTES.events, liveRoutes(deps, presence))
  app.route(ROUTES.status, statusApiRoutes(deps))
  app.route(ROUTES.statusPage, statusPageRoutes(deps))
  app.route('/', widgetRoutes())
  app.route(ROUTES.inbox, inboxRoutes())

  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'There is nothing at this address')
  })
  app.onError((err, c) => {
    const known =
      err instanceof ApiError ||
      err instanceof TicketError ||
      err instanceof InputError ||
      err instanceof PasswordChecksBusy
    // A client that hangs up mid-request is no fault of the server's: one line, and no stack
    // (nor the path, which may carry a reporter's token).
    const hungUp = !known && clientHungUp(err, c.req.raw)
    const error = hungUp ? CLIENT_HUNG_UP : toApiError(err)
    if (hungUp)
      console.error(
        `Snagbox: client closed the connection during ${c.req.method} ${c.req.routePath}`,
      )
    else if (!known) console.error(err)
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
    c.header('Content-Type', PROBLEM_CONTENT_TYPE)
    return c.body(JSON.stringify(error.toProblem()), error.status as 400)
  })
  return app
}

export type SnagboxApp = ReturnType<typeof createApp>

const CLIENT_HUNG_UP = new ApiError(
  400,
  'invalid_payload',
  'The client closed the connection before the request arrived; nothing was applied',
)

/** Node's "aborted" of a body read whose client went away, or a request its server saw end. */
function clientHungUp(err: unknown, request: Request): boolean {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown }
  return request.signal.aborted || (code === 'ECONNRESET' && message === 'aborted')
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  if (err instanceof TicketError) return ticketProblem(err.problem)
  if (err instanceof InputError) return inputProblem(err)
  if (err instanceof PasswordChecksBusy)
    return new ApiError(503, 'rate_limited', err.message, undefined, { 'Retry-After': '2' })
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
