import type { LifecycleError } from '../lifecycle/types.js'

/** The field of a request that names another ticket to link to. */
export type LinkField = 'parent' | 'duplicateOf'

/**
 * Why the store refused a write: the lifecycle said no, the ticket is gone, it changed since, or
 * a link it asked for breaks a rule of the data — tickets link only within their project, and
 * following parents (or duplicates) never leads back to where it started.
 */
export type TicketProblem =
  | LifecycleError
  | { code: 'not_found'; ticket: string }
  | { code: 'stale'; expected: number; actual: number }
  /** `ticket` (a reference) is in another project than the ticket being changed. */
  | { code: 'cross_project'; field: LinkField; ticket: string }
  /** Linking would close a loop: `path`, the references from the ticket round back to it. */
  | { code: 'cycle'; field: LinkField; path: string[] }

/** A refusal of the ticket store, in domain terms; the routes' mapper words it for HTTP. */
export class TicketError extends Error {
  constructor(readonly problem: TicketProblem) {
    super(problem.code)
    this.name = 'TicketError'
  }
}
