import { Hono } from 'hono'
import type { AppDeps } from '../deps.js'
import { FREE_TEXT_CHARS } from '@snagbox/sdk/contract'
import { Fields, readJsonObject } from '../http/request-body.js'
import { screenshotResponse } from '../tickets/screenshot-response.js'
import { reporterView } from '../tickets/store/views.js'
import { reporterAction, ticketOfToken } from './token.js'

/** The reporter's API under `/api/v1/status/:token`; the token is the only credential. */
export function statusApiRoutes(deps: AppDeps) {
  const app = new Hono()
  const view = (row: Parameters<typeof reporterView>[1]) => reporterView(deps.db, row)

  app.get('/:token', (c) => c.json(view(ticketOfToken(deps, c.req.param('token')))))

  app.get('/:token/screenshot', (c) =>
    screenshotResponse(c, deps.db, ticketOfToken(deps, c.req.param('token'))),
  )

  app.post('/:token/comments', async (c) => {
    const ticket = ticketOfToken(deps, c.req.param('token'))
    const f = new Fields(await readJsonObject(c))
    const body = f.text('body', { required: true, max: FREE_TEXT_CHARS })!
    f.done()
    return c.json(view(reporterAction(deps, ticket, { type: 'comment', body })), 201)
  })

  app.post('/:token/confirm', (c) => {
    const ticket = ticketOfToken(deps, c.req.param('token'))
    return c.json(view(reporterAction(deps, ticket, { type: 'confirm' })))
  })

  app.post('/:token/reopen', async (c) => {
    const ticket = ticketOfToken(deps, c.req.param('token'))
    const f = new Fields(await readJsonObject(c))
    const reason = f.text('reason', { required: true, max: FREE_TEXT_CHARS })!
    f.done()
    return c.json(view(reporterAction(deps, ticket, { type: 'disagree', reason })))
  })

  app.post('/:token/withdraw', async (c) => {
    const ticket = ticketOfToken(deps, c.req.param('token'))
    const hasBody =
      (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding')
    const f = new Fields(hasBody ? await readJsonObject(c) : {})
    const reason = f.text('reason', { max: FREE_TEXT_CHARS }) ?? null
    f.done()
    return c.json(view(reporterAction(deps, ticket, { type: 'withdraw', reason })))
  })
  return app
}
