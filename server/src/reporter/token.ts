import { timingSafeEqual } from 'node:crypto'
import { sha256 } from '../auth/secrets.js'
import type { AppDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { decide, type Action } from '../tickets/lifecycle/decide.js'
import { findTicketById, reporterTokenRow, type TicketRow } from '../tickets/store/read.js'
import { applyDecision } from '../tickets/store/write.js'

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/
const NOT_FOUND = () => new ApiError(404, 'not_found', 'No request has this status link')

/**
 * The ticket a reporter's token opens. The token is hashed and the hash compared in constant
 * time; an unknown token costs the same hashing and lookup as a known one.
 */
export function ticketOfToken(deps: Pick<AppDeps, 'db'>, token: string): TicketRow {
  const hash = sha256(TOKEN.test(token) ? token : `invalid:${token.slice(0, 200)}`)
  const row = reporterTokenRow(deps.db, hash)
  const stored = Buffer.from(row?.tokenHash ?? '0'.repeat(64), 'hex')
  const same = timingSafeEqual(stored, Buffer.from(hash, 'hex'))
  const ticket =
    row && same && TOKEN.test(token) ? findTicketById(deps.db, row.ticketId) : undefined
  if (!ticket) throw NOT_FOUND()
  return ticket
}

/** Applies a reporter's action (comment, confirm, disagree, withdraw). */
export function reporterAction(deps: AppDeps, ticket: TicketRow, action: Action): TicketRow {
  const reporter = { kind: 'reporter' } as const
  return applyDecision(deps, {
    ticketId: ticket.id,
    actor: reporter,
    now: deps.now(),
    decide: (state, ctx) => decide(state, action, reporter, ctx),
  })
}
