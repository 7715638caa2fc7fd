import type { LifecycleError } from '../lifecycle/types.js'

/** Why the store refused a write: the lifecycle said no, the ticket is gone, or it changed since. */
export type TicketProblem =
  | LifecycleError
  | { code: 'not_found'; ticket: string }
  | { code: 'stale'; expected: number; actual: number }

/** A refusal of the ticket store, in domain terms; the routes' mapper words it for HTTP. */
export class TicketError extends Error {
  constructor(readonly problem: TicketProblem) {
    super(problem.code)
    this.name = 'TicketError'
  }
}
