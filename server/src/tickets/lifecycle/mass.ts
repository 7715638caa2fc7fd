import { decide } from './decide.js'
import type { Actor, LifecycleError, TicketState, TimelineEvent } from './types.js'

/** A child of a mass incident, with the auto-close calendar of its own project. */
export interface MassIncidentChild {
  id: string
  state: TicketState
  autoCloseDueAt: (from: string) => string
}

export type ChildDecision = { id: string; state: TicketState; events: TimelineEvent[] }

export type MassResolution =
  | {
      ok: true
      /** The open children, each resolved with the parent's reply and its own due time. */
      resolved: ChildDecision[]
      /** Children left as they are: closed ones are done, resolved ones already have a solution. */
      skipped: { id: string; reason: 'closed' | 'resolved' }[]
    }
  | { ok: false; error: LifecycleError }

/**
 * Resolving a mass incident resolves every open child with the same public reply (contract §2);
 * each reporter then confirms or disagrees on their own, and each child's auto-close timer runs
 * on its own project's calendar. Call it after `decide` accepted the parent's resolution, in the
 * same transaction. All or nothing: when one child can't be resolved, nothing is.
 *
 * @example
 * const r = resolveMassIncident({ parentId, body: 'The VPN gateway is back', actor, now,
 *   children: rows.map((row) => ({ id: row.id, state: row, autoCloseDueAt: dueAtFor(row) })) })
 * if (r.ok) for (const c of r.resolved) store.update(c.id, c.state), store.append(c.id, c.events)
 */
export function resolveMassIncident(input: {
  parentId: string
  body: string
  actor: Actor
  now: string
  children: readonly MassIncidentChild[]
}): MassResolution {
  if (input.body.trim() === '') {
    const message = 'a solution needs a public reply'
    return { ok: false, error: { code: 'invalid', field: 'body', message } }
  }
  const resolved: ChildDecision[] = []
  const skipped: { id: string; reason: 'closed' | 'resolved' }[] = []
  for (const child of input.children) {
    const { status } = child.state
    if (status === 'closed' || status === 'resolved') {
      skipped.push({ id: child.id, reason: status })
      continue
    }
    const ctx = { now: input.now, autoCloseDueAt: child.autoCloseDueAt }
    const action = { type: 'reply', body: input.body, status: 'resolved' } as const
    const d = decide(child.state, action, input.actor, ctx)
    if (!d.ok) return d
    const events = d.events.map((e) =>
      e.type === 'public_reply' ? { ...e, data: { ...e.data, parentId: input.parentId } } : e,
    )
    resolved.push({ id: child.id, state: d.state, events })
  }
  return { ok: true, resolved, skipped }
}
