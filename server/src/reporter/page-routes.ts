import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppDeps } from '../deps.js'
import { FREE_TEXT_CHARS, isEmailAddress, ticketPaths } from '@snagbox/sdk/contract'
import { maskAddress } from '../mail-address.js'
import { ApiError } from '../errors.js'
import { bodyTooLarge, MAX_BODY_BYTES } from '../http/request-body.js'
import type { Action } from '../tickets/lifecycle/types.js'
import { TicketError } from '../tickets/store/errors.js'
import { isTimeZone } from '../calendar/working-days.js'
import { addReporterToken } from '../tickets/store/create.js'
import { findTicket, projectOf } from '../tickets/store/read.js'
import { relatedOf, reporterEmailOf, reporterView } from '../tickets/store/views.js'
import { ticketProblem } from '../tickets/problems.js'
import { MESSAGES, pickLang, type Lang } from './i18n.js'
import { notFoundPage, statusPage } from './page.js'
import { seen } from './request-summary.js'
import { reporterAction, ticketOfToken } from './token.js'
import { hitReporterWrite, TOO_MANY } from './write-limit.js'

const FORMS = ['comment', 'confirm', 'reopen', 'withdraw'] as const

/** `GET /status/:token`: the reporter's page, and the plain HTML forms it posts back to. */
export function statusPageRoutes(deps: AppDeps) {
  const app = new Hono()
  const formLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw bodyTooLarge()
    },
  })
  const langOf = (c: Context): Lang =>
    pickLang(c.req.query('lang'), c.req.header('accept-language'))

  /** The ticket of a page's token; `undefined` for a link that opens nothing. */
  const ticketOf = (token: string) => {
    try {
      return ticketOfToken(deps, token)
    } catch {
      return undefined
    }
  }
  const render = (
    c: Context,
    token: string,
    extra: { done?: string; error?: string; focus?: 'confirm' | 'reopen' } = {},
    status: 200 | 400 | 409 | 429 = 200,
  ) => {
    const lang = langOf(c)
    c.header('Cache-Control', 'no-store')
    const ticket = ticketOf(token)
    if (!ticket) return c.html(notFoundPage(lang), 404)
    const view = reporterView(deps.db, ticket)
    // The reporter is looking at it: what support wrote is no longer unread.
    seen(deps.db, ticket, view.timeline)
    // Times in the reporter's own zone when the report says it, else the project's.
    const reported = (JSON.parse(ticket.environment) as { timezone?: unknown }).timezone
    const timeZone = isTimeZone(reported) ? reported : projectOf(deps.db, ticket).timeZone
    const email = reporterEmailOf(ticket)
    const mailTo =
      deps.config.mail.smtpUrl && email && isEmailAddress(email) ? maskAddress(email) : null
    return c.html(statusPage({ view, lang, token, timeZone, mailTo, ...extra }), status)
  }

  /** The reporter's writes are used up for now: the page again, saying for how long. */
  const overBudget = (c: Context, token: string, seconds: number) => {
    c.header('Retry-After', String(seconds))
    return render(c, token, { error: TOO_MANY[langOf(c)](Math.ceil(seconds / 60)) }, 429)
  }

  // `?do=confirm|reopen` (the links of a solution's e-mail) opens the page at that form; only
  // pressing its button acts, so a mail scanner fetching the link changes nothing.
  app.get('/:token', (c) => {
    const done = c.req.query('done')
    const focus = c.req.query('do')
    return render(c, c.req.param('token'), {
      ...(done ? { done } : {}),
      ...(focus === 'confirm' || focus === 'reopen' ? { focus } : {}),
    })
  })

  // Opens a linked request of the same reporter (the one this duplicates, or a split): a new status
  // link for it, made only when asked for, and counted like the reporter's other writes.
  app.post('/:token/follow/:other', (c) => {
    const token = c.req.param('token')
    const ticket = ticketOf(token)
    if (!ticket) return c.html(notFoundPage(langOf(c)), 404)
    const wanted = relatedOf(deps.db, ticket).find(
      (r) => r.reference === c.req.param('other') && r.yours,
    )
    const other = wanted && findTicket(deps.db, wanted.reference)
    if (!other) return render(c, token, { error: MESSAGES[langOf(c)].cannotFollow }, 400)
    const seconds = hitReporterWrite(deps, c, ticket.id)
    if (seconds) return overBudget(c, token, seconds)
    const link = deps.db.transaction((tx) =>
      addReporterToken(tx, other.id, deps.now().toISOString()),
    )
    return c.redirect(`${ticketPaths.statusPage(link)}?lang=${langOf(c)}`, 303)
  })

  for (const form of FORMS) {
    app.post(`/:token/${form}`, formLimit, async (c) => {
      const token = c.req.param('token')
      const ticket = ticketOf(token)
      if (!ticket) return c.html(notFoundPage(langOf(c)), 404)
      // The same budget as the API's, counted before the form is read.
      const seconds = hitReporterWrite(deps, c, ticket.id)
      if (seconds) return overBudget(c, token, seconds)
      // A form that did not arrive whole (the browser left, or was cut off with a 408 for taking
      // longer than the body timeout) is not acted on: a withdrawal must not lose its reason.
      const fields = await c.req.parseBody().catch(() => {
        throw new ApiError(400, 'invalid_payload', 'The form could not be read; send it again')
      })
      // A browser sends a textarea's line breaks as CRLF; the reporter typed one character each.
      const text = (name: string) =>
        typeof fields[name] === 'string'
          ? (fields[name] as string).replace(/\r\n/g, '\n').trim()
          : ''
      if (['body', 'reason'].some((name) => text(name).length > FREE_TEXT_CHARS)) {
        return render(c, token, { error: MESSAGES[langOf(c)].tooLong(FREE_TEXT_CHARS) }, 400)
      }
      const action: Action =
        form === 'comment'
          ? { type: 'comment', body: text('body') }
          : form === 'confirm'
            ? { type: 'confirm' }
            : form === 'reopen'
              ? { type: 'disagree', reason: text('reason') }
              : { type: 'withdraw', reason: text('reason') || null }
      try {
        reporterAction(deps, ticket, action)
      } catch (err) {
        if (!(err instanceof TicketError)) throw err
        const problem = ticketProblem(err.problem)
        return render(c, token, { error: problem.detail }, problem.status === 409 ? 409 : 400)
      }
      return c.redirect(`${ticketPaths.statusPage(token)}?lang=${langOf(c)}&done=${form}`, 303)
    })
  }
  return app
}
