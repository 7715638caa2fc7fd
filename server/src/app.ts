import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { API_PREFIX, PROBLEM_CONTENT_TYPE, ROUTES } from '@snagbox/sdk/contract'
import { authRoutes } from './auth/routes.js'
import { EventBus, type TicketEvent } from './events/bus.js'
import { eventRoutes } from './events/routes.js'
import { statusApiRoutes } from './status/api-routes.js'
import { statusPageRoutes } from './status/page-routes.js'
import { agentTicketRoutes } from './tickets/agent-routes.js'
import { findTicketById } from './tickets/store-read.js'
import { widgetRoutes } from './widget-routes.js'
import { inboxRoutes } from './inbox/routes.js'
import type { Config } from './config.js'
import type { Db } from './db/client.js'
import { ApiError } from './errors.js'
import { clientAddress } from './middleware/client-address.js'
import { securityHeaders } from './middleware/security-headers.js'
import { openApiDocument } from './openapi.js'
import { intakeRoutes } from './tickets/intake-routes.js'

export interface AppDeps {
  db: Db
  config: Config
  /** The clock; tests pass their own. */
  now: () => Date
  /** The client's address, for rate limits. */
  clientIp: (c: Context) => string
  /** Live ticket changes, for the inbox. */
  events: EventBus
  /** Tells live listeners a ticket was created or changed. */
  publish: (ticketId: string, type: TicketEvent['type']) => void
}

type PartialDeps = Pick<AppDeps, 'db' | 'config'> & Partial<Omit<AppDeps, 'publish'>>

/** Fills in the defaults of the app's dependencies: the real clock, the client address, the event bus. */
export function appDeps(deps: PartialDeps): AppDeps {
  const events = deps.events ?? new EventBus()
  return {
    now: () => new Date(),
    clientIp: (c) => clientAddress(c, deps.config.trustProxy),
    ...deps,
    events,
    publish: (ticketId, type) => {
      const row = findTicketById(deps.db, ticketId)
      if (row) events.emit({ type, id: row.id, reference: row.reference, status: row.status, version: row.version, at: row.updatedAt })
    },
  }
}

/**
 * The Snagbox HTTP application. It never listens: `snagbox serve` does, tests call `app.request()`.
 *
 * @example
 * const app = createApp({ db: openDatabase(':memory:'), config: loadConfig() })
 * const res = await app.request('/healthz')
 */
export function createApp(deps: PartialDeps) {
  const full = appDeps(deps)
  const app = new Hono()
  app.use(securityHeaders())

  app.get(ROUTES.healthz, (c) => {
    try {
      full.db.$client.prepare('select 1').get()
    } catch {
      throw new ApiError(503, 'internal_error', 'The database does not answer')
    }
    return c.json({ status: 'ok' })
  })
  app.get(ROUTES.openapi, (c) => c.json(openApiDocument(full.config)))
  app.route(ROUTES.tickets, intakeRoutes(full))
  app.route(ROUTES.tickets, agentTicketRoutes(full))
  app.route(API_PREFIX, authRoutes(full))
  app.route(`${API_PREFIX}/events`, eventRoutes(full))
  app.route(ROUTES.status, statusApiRoutes(full))
  app.route(ROUTES.statusPage, statusPageRoutes(full))
  app.route('/', widgetRoutes())
  app.route('/inbox', inboxRoutes())

  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'There is nothing at this address')
  })
  app.onError((err, c) => {
    const error = toApiError(err)
    if (!(err instanceof ApiError)) console.error(err)
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
    c.header('Content-Type', PROBLEM_CONTENT_TYPE)
    return c.body(JSON.stringify(error.toProblem()), error.status as 400)
  })
  return app
}

export type SnagboxApp = ReturnType<typeof createApp>

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  if (err instanceof HTTPException) {
    if (err.status === 413) return new ApiError(413, 'payload_too_large', 'The body is too large')
    if (err.status === 404) return new ApiError(404, 'not_found', err.message || 'Not found')
    if (err.status === 401) return new ApiError(401, 'unauthorized', err.message || 'Authentication required')
    if (err.status < 500) return new ApiError(err.status, 'invalid_payload', err.message || 'Bad request')
  }
  return new ApiError(500, 'internal_error', 'Something went wrong on the server; the request was not applied')
}
