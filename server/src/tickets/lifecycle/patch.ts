import type { Category, CloseReason, Priority, Status } from '@snagbox/sdk/contract'
import { allowedActions } from './allowed.js'
import { decide } from './decide.js'
import type {
  Action,
  Actor,
  DecideContext,
  Decision,
  LifecycleError,
  RelationChange,
  TicketState,
  TimelineEvent,
} from './types.js'

/** The body of `PATCH /api/v1/tickets/:ref` (contract §3), plus the target of a duplicate. */
export interface TicketPatch {
  priority?: Priority
  category?: Category
  assigneeId?: string | null
  status?: Status
  closeReason?: CloseReason
  /** Why: the comment of a close, the reason of a reopen. */
  reason?: string
  duplicateOf?: string
}

/**
 * Decides a whole PATCH as one change: every field becomes an action, applied in an order that
 * works (a reopen before field changes, a close after them), all or nothing. Fields that already
 * have the asked value are skipped; when nothing is left, the answer is `no_change`.
 * A status that needs a public reply (`resolved`, `waiting_on_reporter`) is `invalid` here:
 * it goes through `POST …/replies`.
 *
 * @example
 * decidePatch(ticket, { priority: 'high', status: 'closed', closeReason: 'rejected',
 *   reason: 'Works as designed' }, { kind: 'token', id: 't1', agentId: 'a1' }, ctx)
 */
export function decidePatch(
  state: TicketState,
  patch: TicketPatch,
  actor: Actor,
  ctx: DecideContext,
): Decision {
  const status = statusAction(state, patch, actor)
  if (status && 'code' in status) return { ok: false, error: status }
  const fields: Action[] = []
  if (patch.assigneeId !== undefined) fields.push({ type: 'assign', assigneeId: patch.assigneeId })
  if (patch.priority !== undefined) fields.push({ type: 'set_priority', priority: patch.priority })
  if (patch.category !== undefined) fields.push({ type: 'set_category', category: patch.category })
  if (!status) return decideAll(state, fields, actor, ctx)
  const actions = status.type === 'close' ? [...fields, status] : [status, ...fields]
  return decideAll(state, actions, actor, ctx)
}

/**
 * Applies actions one after the other as one change. An action that would change nothing is
 * skipped; any other refusal refuses the whole; when every action changed nothing (or there
 * were none), the answer is `no_change`.
 *
 * @example
 * decideAll(ticket, [{ type: 'take' }, { type: 'set_priority', priority: 'high' }], agent, ctx)
 */
export function decideAll(
  state: TicketState,
  actions: readonly Action[],
  actor: Actor,
  ctx: DecideContext,
): Decision {
  let current = state
  const events: TimelineEvent[] = []
  const relations: RelationChange = {}
  let changed = false
  for (const action of actions) {
    const d = decide(current, action, actor, ctx)
    if (!d.ok && d.error.code === 'no_change') continue
    if (!d.ok) return d
    current = d.state
    events.push(...d.events)
    Object.assign(relations, d.relations)
    changed = true
  }
  if (!changed) {
    return { ok: false, error: { code: 'no_change', message: 'the request changes nothing' } }
  }
  return { ok: true, state: current, events, relations }
}

/** The action a PATCH's `status` asks for, `null` when it asks for nothing, or why not. */
function statusAction(
  state: TicketState,
  patch: TicketPatch,
  actor: Actor,
): Action | LifecycleError | null {
  const invalid = (field: string, message: string): LifecycleError => ({
    code: 'invalid',
    field,
    message,
  })
  const illegal: LifecycleError = {
    code: 'illegal_transition',
    action: 'set_status',
    from: state.status,
    allowed: allowedActions(state.status, actor.kind),
  }
  const { status, closeReason } = patch
  if (status === undefined) {
    if (closeReason !== undefined) return invalid('status', 'a closeReason goes with status closed')
    return null
  }
  if (status === 'closed') {
    if (closeReason === undefined) return invalid('closeReason', 'duplicate or rejected')
    if (state.status === 'closed') return closeReason === state.closeReason ? null : illegal
    if (closeReason !== 'duplicate' && closeReason !== 'rejected') {
      return invalid('closeReason', `${closeReason} is given by the reporter or the scheduler`)
    }
    const comment = patch.reason ?? ''
    return { type: 'close', closeReason, comment, duplicateOf: patch.duplicateOf }
  }
  if (closeReason !== undefined) return invalid('closeReason', 'only with status closed')
  if (status === state.status) return null
  if (status === 'in_progress' && state.status === 'closed') {
    return { type: 'reopen', reason: patch.reason ?? '' }
  }
  if (status === 'in_progress' && state.status === 'new') {
    // Assigning someone starts the work already; otherwise starting it is taking it.
    return typeof patch.assigneeId === 'string' ? null : { type: 'take' }
  }
  if (status === 'resolved' || status === 'waiting_on_reporter') {
    const viaReply = illegal.allowed.some((a) => a.action === 'reply' && a.status === status)
    return viaReply ? invalid('status', `${status} needs a public reply: POST …/replies`) : illegal
  }
  return illegal
}
