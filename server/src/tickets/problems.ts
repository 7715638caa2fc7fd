import { ApiError } from '../errors.js'
import type { TicketProblem } from './store/errors.js'

/**
 * The HTTP answer to a refusal of the ticket store or the lifecycle: 404 for a ticket that is
 * gone, 412 for a stale `If-Match`, 409 naming what is allowed, 400 for a missing field or a
 * link to another project's ticket, 409 for a link that would make a loop.
 */
export function ticketProblem(problem: TicketProblem): ApiError {
  switch (problem.code) {
    case 'not_found':
      return new ApiError(404, 'not_found', 'No such ticket')
    case 'stale':
      return new ApiError(
        412,
        'precondition_failed',
        `The ticket changed since version ${problem.expected}; it is at version ${problem.actual}. Reload it and try again.`,
      )
    case 'illegal_transition': {
      const names = problem.allowed.map((a) =>
        a.status
          ? `${a.action} (${a.status})`
          : a.closeReason && a.action === 'close'
            ? `close (${a.closeReason})`
            : a.action,
      )
      return new ApiError(
        409,
        'illegal_transition',
        `"${problem.action}" is not allowed while the ticket is ${problem.from}; allowed: ${names.join(', ') || 'nothing'}`,
        undefined,
        {},
        { from: problem.from, allowed: problem.allowed },
      )
    }
    case 'invalid':
      return new ApiError(400, 'invalid_payload', `${problem.field} ${problem.message}`, [
        { path: problem.field, message: problem.message },
      ])
    case 'no_change':
      return new ApiError(409, 'no_change', `The request changes nothing: ${problem.message}`)
    case 'cross_project':
      return new ApiError(
        400,
        'invalid_payload',
        `${problem.field} ${problem.ticket} is a ticket of another project; tickets link only within their project`,
        [{ path: problem.field, message: 'must be a ticket of the same project' }],
      )
    case 'cycle': {
      const relation = problem.field === 'parent' ? 'a child of' : 'a duplicate of'
      return new ApiError(
        409,
        'conflict',
        `The link would make a loop: ${problem.path.join(' → ')}, each ${relation} the next`,
        [{ path: problem.field, message: 'would make a loop' }],
      )
    }
    case 'not_due':
      return new ApiError(
        409,
        'conflict',
        `The ticket is not due to auto-close (due ${problem.dueAt ?? 'never'})`,
      )
  }
}
