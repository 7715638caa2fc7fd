import { Hono, type Context } from 'hono'
import type { AppDeps } from '../deps.js'
import { FREE_TEXT_CHARS } from '@snagbox/sdk/contract'
import { ApiError } from '../errors.js'
import { Fields, readJsonObject } from '../http/request-body.js'
import { findProjectById } from '../projects/store.js'
import { attachmentResponse, screenshotResponse } from '../tickets/screenshot-response.js'
import { timeline } from '../tickets/store/read.js'
import { reporterView } from '../tickets/store/views.js'
import { checkOrigin, reporterCors } from './cors.js'
import { seen } from './request-summary.js'
import { reporterRequestsRoutes } from './requests-routes.js'
import { reporterAction, ticketOfToken } from './token.js'
import { hitReporterWrite } from './write-limit.js'

/**
 * The reporter's API under `/api/v1/status`: one request by its status token (the only
 * credential), and several at once (`/requests`, `/events`). The widget and the SDK call it from
 * the host's pages, so it answers the allowed origins of each request's project.
 */
export function statusApiRoutes(deps: AppDeps) {
  const app = new Hono()
  app.use('*', reporterCors())
  app.route('/', reporterRequestsRoutes(deps))

  const view = (row: Parameters<typeof reporterView>[1]) => reporterView(deps.db, row)
  /** The ticket of the path's token, for a page its project allows. */
  const ticketOf = (c: Context) => {
    const ticket = ticketOfToken(deps, c.req.param('token')!)
    checkOrigin(c, deps, findProjectById(deps.db, ticket.projectId)?.allowedOrigins ?? [])
    return ticket
  }
  // A write is counted before its body is read: past the limit, nothing is read or written.
  const writable = (c: Context) => {
    const ticket = ticketOf(c)
    const seconds = hitReporterWrite(deps, c, ticket.id)
    if (seconds) throw tooMany(seconds)
    return ticket
  }

  // Reading the request is the reporter looking at it: what support wrote is no longer unread.
  app.get('/:token', (c) => {
    const ticket = ticketOf(c)
    const shown = view(ticket)
    seen(deps.db, ticket, shown.timeline)
    c.header('Cache-Control', 'no-store')
    return c.json(shown)
  })

  app.post('/:token/seen', (c) => {
    const ticket = ticketOf(c)
    seen(deps.db, ticket, timeline(deps.db, ticket.id, 'reporter'))
    return c.body(null, 204)
  })

  app.get('/:token/screenshot', (c) => screenshotResponse(c, deps.db, ticketOf(c)))

  // A file of a public timeline entry (an agent's reply's, the reporter's own e-mailed images).
  app.get('/:token/attachments/:fileId', (c) =>
    attachmentResponse(c, deps.db, ticketOf(c), c.req.param('fileId'), 'reporter'),
  )

  app.post('/:token/comments', async (c) => {
    const ticket = writable(c)
    const f = new Fields(await readJsonObject(c, deps.config.limits))
    const body = f.text('body', { required: true, max: FREE_TEXT_CHARS })!
    f.done()
    return c.json(view(reporterAction(deps, ticket, { type: 'comment', body })), 201)
  })

  app.post('/:token/confirm', (c) => {
    const ticket = writable(c)
    return c.json(view(reporterAction(deps, ticket, { type: 'confirm' })))
  })

  app.post('/:token/reopen', async (c) => {
    const ticket = writable(c)
    const f = new Fields(await readJsonObject(c, deps.config.limits))
    const reason = f.text('reason', { required: true, max: FREE_TEXT_CHARS })!
    f.done()
    return c.json(view(reporterAction(deps, ticket, { type: 'disagree', reason })))
  })

  app.post('/:token/withdraw', async (c) => {
    const ticket = writable(c)
    const hasBody =
      (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding')
    const f = new Fields(hasBody ? await readJsonObject(c, deps.config.limits) : {})
    const reason = f.text('reason', { max: FREE_TEXT_CHARS }) ?? null
    f.done()
    return c.json(view(reporterAction(deps, ticket, { type: 'withdraw', reason })))
  })
  return app
}

function tooMany(seconds: number): ApiError {
  return new ApiError(
    429,
    'rate_limited',
    `Too many comments and changes in a short time; try again in ${seconds} s`,
    undefined,
    { 'Retry-After': String(seconds) },
  )
}
