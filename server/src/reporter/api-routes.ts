import { Hono, type Context } from 'hono'
import type { AppDeps } from '../deps.js'
import { FREE_TEXT_CHARS } from '@snagbox/sdk/contract'
import { ApiError } from '../errors.js'
import { Fields, readJsonObject } from '../http/request-body.js'
import { screenshotResponse } from '../tickets/screenshot-response.js'
import { reporterView } from '../tickets/store/views.js'
import { reporterAction, ticketOfToken } from './token.js'
import { hitReporterWrite } from './write-limit.js'

/** The reporter's API under `/api/v1/status/:token`; the token is the only credential. */
export function statusApiRoutes(deps: AppDeps) {
  const app = new Hono()
  const view = (row: Parameters<typeof reporterView>[1]) => reporterView(deps.db, row)
  // A write is counted before its body is read: past the limit, nothing is read or written.
  const writable = (c: Context) => {
    const ticket = ticketOfToken(deps, c.req.param('token')!)
    const seconds = hitReporterWrite(deps, c, ticket.id)
    if (seconds) throw tooMany(seconds)
    return ticket
  }

  app.get('/:token', (c) => c.json(view(ticketOfToken(deps, c.req.param('token')))))

  app.get('/:token/screenshot', (c) =>
    screenshotResponse(c, deps.db, ticketOfToken(deps, c.req.param('token'))),
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
