import type { CloseReason, Status } from '@snagbox/sdk/contract'
import { CATEGORIES, PRIORITIES, REPLY_STATUSES } from '@snagbox/sdk/contract'
import { allowedActions } from './allowed.js'
import { actorAgentId } from './types.js'
import type {
  Action,
  Actor,
  Allowed,
  DecideContext,
  Decision,
  LifecycleError,
  RelationChange,
  TicketState,
  TimelineEvent,
} from './types.js'

export { allowedActions } from './allowed.js'
export type * from './types.js'
export { actorAgentId } from './types.js'

/**
 * Decides what an action by an actor does to a ticket: the new lifecycle fields and the
 * timeline events to append, or why not. Pure: the caller passes the clock and the
 * auto-close calendar in `ctx`, and writes the outcome in one transaction.
 *
 * Checks run in this order: the action's own shape (`invalid`), whether this actor may do it
 * from this status (`illegal_transition`, with the allowed list), its required fields
 * (`invalid`), then whether it would change anything (`no_change`).
 *
 * @example
 * const solve = { type: 'reply', body: 'Fixed in 4.30.35', status: 'resolved' } as const
 * const d = decide(ticket, solve, { kind: 'agent', id: agentId }, {
 *   now: now.toISOString(),
 *   autoCloseDueAt: (from) => autoCloseDueAt(new Date(from), days, calendar).toISOString(),
 * })
 * if (!d.ok) return d.error // illegal_transition → 409 with d.error.allowed, invalid → 400, …
 * // d.state: the new lifecycle columns; d.relations: parentId / duplicateOfId to set;
 * // d.events: the timeline rows to append, stamped with `now`
 */
export function decide(
  state: TicketState,
  action: Action,
  actor: Actor,
  ctx: DecideContext,
): Decision {
  const shape = checkShape(action)
  if (shape) return fail(shape)
  const allowed = allowedActions(state.status, actor.kind)
  const rule = allowed.find((a) => matches(a, action))
  if (!rule) {
    return fail({ code: 'illegal_transition', action: action.type, from: state.status, allowed })
  }
  const missing = checkRequired(action)
  if (missing) return fail(missing)
  return apply(state, action, actor, ctx, rule)
}

function fail(error: LifecycleError): Decision {
  return { ok: false, error }
}

function matches(rule: Allowed, action: Action): boolean {
  if (rule.action !== action.type) return false
  if (action.type === 'reply') return rule.status === (action.status ?? undefined)
  if (action.type === 'close') return rule.closeReason === action.closeReason
  return true
}

const AGENT_CLOSE_REASONS: readonly string[] = ['duplicate', 'rejected']
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === ''
const invalid = (field: string, message: string): LifecycleError => ({
  code: 'invalid',
  field,
  message,
})

function checkShape(action: Action): LifecycleError | null {
  switch (action.type) {
    case 'reply':
      if (action.status == null || REPLY_STATUSES.includes(action.status)) return null
      return invalid('status', 'a reply may set the status to waiting_on_reporter or resolved')
    case 'close':
      if (AGENT_CLOSE_REASONS.includes(action.closeReason)) return null
      return invalid('closeReason', 'an agent closes with duplicate or rejected')
    case 'set_priority':
      return PRIORITIES.includes(action.priority) ? null : invalid('priority', 'unknown priority')
    case 'set_category':
      return CATEGORIES.includes(action.category) ? null : invalid('category', 'unknown category')
    default:
      return null
  }
}

function checkRequired(action: Action): LifecycleError | null {
  switch (action.type) {
    case 'reply':
      if (!blank(action.body)) return null
      if (action.status === 'resolved') return invalid('body', 'a solution needs a public reply')
      if (action.status) return invalid('body', 'a question to the reporter needs a public reply')
      return invalid('body', 'a reply needs a body')
    case 'note':
    case 'comment':
      return blank(action.body) ? invalid('body', `a ${action.type} needs a body`) : null
    case 'assign':
      return action.assigneeId !== null && blank(action.assigneeId)
        ? invalid('assigneeId', 'an agent id, or null to unassign')
        : null
    case 'split':
      return blank(action.ticketId) ? invalid('ticketId', 'the id of the new ticket') : null
    case 'link':
      return blank(action.parentId) ? invalid('parentId', 'the id of the mass incident') : null
    case 'close':
      if (blank(action.comment)) {
        return invalid('comment', `closing as ${action.closeReason} needs a comment`)
      }
      if (action.closeReason === 'duplicate' && blank(action.duplicateOf)) {
        return invalid('duplicateOf', 'the ticket this one duplicates')
      }
      return null
    case 'disagree':
    case 'reopen':
      return blank(action.reason) ? invalid('reason', `${action.type} needs a reason`) : null
    default:
      return null
  }
}

const noChange = (message: string): Decision => fail({ code: 'no_change', message })

/** The agent an actor stands for; only called for agents and tokens. */
function apply(
  state: TicketState,
  action: Action,
  actor: Actor,
  ctx: DecideContext,
  rule: Allowed,
): Decision {
  const next: TicketState = { ...state }
  const events: TimelineEvent[] = []
  const relations: RelationChange = {}
  const pub = { actor, visibility: 'public' } as const
  const internal = { actor, visibility: 'internal' } as const
  let to: Status = rule.to

  switch (action.type) {
    case 'take':
    case 'assign': {
      const assignee = action.type === 'take' ? actorAgentId(actor) : action.assigneeId
      if (assignee === state.assigneeId && (action.type === 'assign' || state.status !== 'new')) {
        return noChange(assignee ? 'already assigned to this agent' : 'already unassigned')
      }
      // Unassigning is not work on the ticket: a new one stays new.
      if (assignee === null) to = state.status
      if (assignee !== state.assigneeId) {
        next.assigneeId = assignee
        events.push({ type: 'assigned', ...pub, data: { from: state.assigneeId, to: assignee } })
      }
      break
    }
    case 'reply': {
      const status = action.status ?? null
      events.push({ type: 'public_reply', ...pub, data: { body: action.body, status } })
      // Giving the solution again restarts the reporter's time to answer it.
      if (status === 'resolved' && state.status === 'resolved') resolve(next, ctx)
      break
    }
    case 'note':
      events.push({ type: 'internal_note', ...internal, data: { body: action.body } })
      break
    case 'split':
      events.push({ type: 'split', ...pub, data: { ticketId: action.ticketId } })
      break
    case 'link': {
      if (state.parentId === action.parentId) return noChange('already a child of this incident')
      relations.parentId = action.parentId
      const link = { relation: 'child_of', ticketId: action.parentId } as const
      events.push({ type: 'linked', ...pub, data: link })
      break
    }
    case 'set_priority': {
      const { priority: from } = state
      if (action.priority === from) return noChange(`priority is already ${from}`)
      next.priority = action.priority
      events.push({ type: 'priority_changed', ...pub, data: { from, to: action.priority } })
      break
    }
    case 'set_category': {
      const { category: from, priority } = state
      if (action.category === from) return noChange(`category is already ${from}`)
      next.category = action.category
      events.push({ type: 'category_changed', ...pub, data: { from, to: action.category } })
      // A mass incident starts at critical (contract §2), also when it turns out to be one later.
      if (action.category === 'mass_incident' && priority !== 'critical') {
        next.priority = 'critical'
        events.push({ type: 'priority_changed', ...pub, data: { from: priority, to: 'critical' } })
      }
      break
    }
    case 'close': {
      const duplicateOf = action.closeReason === 'duplicate' ? (action.duplicateOf ?? null) : null
      const data = { closeReason: action.closeReason, comment: action.comment, duplicateOf }
      events.push({ type: 'closed', ...pub, data })
      if (duplicateOf) {
        relations.duplicateOfId = duplicateOf
        const link = { relation: 'duplicate_of', ticketId: duplicateOf } as const
        events.push({ type: 'linked', ...pub, data: link })
      }
      break
    }
    case 'reopen':
    case 'disagree': {
      const from = state.status === 'closed' ? 'closed' : 'resolved'
      const data = { reason: action.reason, from, closeReason: state.closeReason } as const
      events.push({ type: 'reopened', ...pub, data })
      if (state.closeReason === 'duplicate') relations.duplicateOfId = null
      next.reopenCount = state.reopenCount + 1
      break
    }
    case 'comment':
      events.push({ type: 'reporter_comment', ...pub, data: { body: action.body } })
      // The reporter answered: the time without an answer starts again.
      if (state.status === 'resolved') next.autoCloseDueAt = ctx.autoCloseDueAt(ctx.now)
      break
    case 'confirm':
      events.push({ type: 'confirmed', ...pub, data: {} })
      break
    case 'withdraw': {
      const reason = blank(action.reason) ? null : (action.reason as string)
      events.push({ type: 'withdrawn', ...pub, data: { reason } })
      break
    }
    case 'auto_close': {
      const due = state.autoCloseDueAt
      // Written so that an unreadable due time never closes anything.
      const come = due !== null && Date.parse(due) <= Date.parse(ctx.now)
      if (!come) return fail({ code: 'not_due', dueAt: due })
      events.push({ type: 'auto_closed', ...pub, data: { dueAt: due } })
      break
    }
  }

  if (to !== state.status) {
    enter(next, to, rule.closeReason ?? null, ctx)
    const data = { from: state.status, to, closeReason: next.closeReason }
    events.push({ type: 'status_changed', ...pub, data })
  }
  return { ok: true, state: next, events, relations }
}

/** Sets the fields that belong to a status on entering it. */
function enter(next: TicketState, to: Status, closeReason: CloseReason | null, ctx: DecideContext) {
  next.status = to
  if (to === 'resolved') return resolve(next, ctx)
  next.autoCloseDueAt = null
  if (to === 'closed') {
    next.closeReason = closeReason
    next.closedAt = ctx.now
    return
  }
  // Back to work: whatever resolution or closure there was no longer holds.
  next.closeReason = null
  next.closedAt = null
  next.resolvedAt = null
}

function resolve(next: TicketState, ctx: DecideContext) {
  next.closeReason = null
  next.closedAt = null
  next.resolvedAt = ctx.now
  next.autoCloseDueAt = ctx.autoCloseDueAt(ctx.now)
}
