import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import type { Db, Tx } from '../db/client.js'
import { projects, ticketEvents, tickets } from '../db/schema.js'
import { ApiError } from '../errors.js'
import { actorAgentId, type Actor, type Decision, type DecideContext, type LifecycleError, type TicketState, type TimelineEvent } from './lifecycle.js'
import { resolveMassIncident } from './lifecycle-mass.js'
import { queueKey } from './queue-key.js'
import { indexTicket } from './search.js'
import type { TicketRow } from './store-read.js'
import { autoCloseDueAt } from './working-days.js'

export interface Change {
  /** The ticket after the change. */
  ticket: TicketRow
  /** Every ticket the change touched (the ticket, children of a mass incident), for live updates. */
  touched: string[]
}

/** The state the lifecycle decides on, read from a row. */
export function stateOf(row: TicketRow): TicketState {
  return {
    status: row.status as TicketState['status'],
    closeReason: row.closeReason as TicketState['closeReason'],
    assigneeId: row.assigneeId,
    reopenCount: row.reopenCount,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    autoCloseDueAt: row.autoCloseDueAt,
    category: row.category as TicketState['category'],
    priority: row.priority as TicketState['priority'],
    parentId: row.parentId,
  }
}

/** The decide context of a ticket: the clock and its project's auto-close calendar. */
export function contextFor(tx: Tx | Db, row: TicketRow, now: Date): DecideContext {
  const project = tx.select().from(projects).where(eq(projects.id, row.projectId)).get()!
  const calendar = { timeZone: project.timeZone, holidays: JSON.parse(project.holidays) as string[] }
  return {
    now: now.toISOString(),
    autoCloseDueAt: (from) => autoCloseDueAt(new Date(from), project.autoCloseDays, calendar).toISOString(),
  }
}

/** The HTTP answer to a lifecycle refusal: 409 naming what is allowed, 400 for a missing field. */
export function lifecycleProblem(error: LifecycleError): ApiError {
  switch (error.code) {
    case 'illegal_transition': {
      const names = error.allowed.map((a) => (a.status ? `${a.action} (${a.status})` : a.closeReason && a.action === 'close' ? `close (${a.closeReason})` : a.action))
      return new ApiError(409, 'illegal_transition', `"${error.action}" is not allowed while the ticket is ${error.from}; allowed: ${names.join(', ') || 'nothing'}`, undefined, {}, { from: error.from, allowed: error.allowed })
    }
    case 'invalid':
      return new ApiError(400, 'invalid_payload', `${error.field} ${error.message}`, [{ path: error.field, message: error.message }])
    case 'no_change':
      return new ApiError(409, 'no_change', `The request changes nothing: ${error.message}`)
    case 'not_due':
      return new ApiError(409, 'conflict', `The ticket is not due to auto-close (due ${error.dueAt ?? 'never'})`)
  }
}

/**
 * Applies a lifecycle decision to a ticket in one transaction: the new fields, a new version, the
 * timeline events, the search index and — when a mass incident is resolved — its open children.
 * `ifMatch` is the version the caller saw; if the ticket changed since, nothing is written (412).
 */
export function applyDecision(
  db: Db,
  input: {
    ticketId: string
    actor: Actor
    now: Date
    ifMatch?: number | null
    decide: (state: TicketState, ctx: DecideContext, row: TicketRow) => Decision
    /** Extra writes in the same transaction, after the decision was taken (e.g. a split's new ticket). */
    before?: (tx: Tx, row: TicketRow) => void
  },
): Change {
  return db.transaction(
    (tx) => {
      const row = tx.select().from(tickets).where(eq(tickets.id, input.ticketId)).get()
      if (!row) throw new ApiError(404, 'not_found', 'No such ticket')
      if (input.ifMatch != null && input.ifMatch !== row.version) {
        throw new ApiError(412, 'precondition_failed', `The ticket changed since version ${input.ifMatch}; it is at version ${row.version}. Reload it and try again.`)
      }
      const ctx = contextFor(tx, row, input.now)
      const decision = input.decide(stateOf(row), ctx, row)
      if (!decision.ok) throw lifecycleProblem(decision.error)
      input.before?.(tx, row)
      const updated = writeState(tx, row, decision.state, decision.relations, decision.events, ctx.now)
      const touched = [row.id]
      const resolvedNow = row.status !== 'resolved' && decision.state.status === 'resolved'
      if (resolvedNow && row.category === 'mass_incident') {
        const reply = decision.events.find((e) => e.type === 'public_reply')
        touched.push(...resolveChildren(tx, row, reply ? String((reply.data as { body: string }).body) : '', input.actor, input.now))
      }
      return { ticket: updated, touched }
    },
    { behavior: 'immediate' },
  )
}

function resolveChildren(tx: Tx, parent: TicketRow, body: string, actor: Actor, now: Date): string[] {
  const rows = tx.select().from(tickets).where(and(eq(tickets.parentId, parent.id), ne(tickets.status, 'closed'))).orderBy(asc(tickets.number)).all()
  const result = resolveMassIncident({
    parentId: parent.id,
    body,
    actor,
    now: now.toISOString(),
    children: rows.map((r) => ({ id: r.id, state: stateOf(r), autoCloseDueAt: contextFor(tx, r, now).autoCloseDueAt })),
  })
  if (!result.ok) throw lifecycleProblem(result.error)
  for (const child of result.resolved) {
    const row = rows.find((r) => r.id === child.id)!
    writeState(tx, row, child.state, {}, child.events, now.toISOString())
  }
  return result.resolved.map((c) => c.id)
}

function writeState(
  tx: Tx,
  row: TicketRow,
  state: TicketState,
  relations: { parentId?: string; duplicateOfId?: string | null },
  events: TimelineEvent[],
  now: string,
): TicketRow {
  const updated = tx
    .update(tickets)
    .set({
      status: state.status,
      closeReason: state.closeReason,
      assigneeId: state.assigneeId,
      reopenCount: state.reopenCount,
      resolvedAt: state.resolvedAt,
      closedAt: state.closedAt,
      autoCloseDueAt: state.autoCloseDueAt,
      category: state.category,
      priority: state.priority,
      ...(relations.parentId !== undefined ? { parentId: relations.parentId } : {}),
      ...(relations.duplicateOfId !== undefined ? { duplicateOfId: relations.duplicateOfId } : {}),
      queueKey: queueKey({ status: state.status, priority: state.priority, createdAt: row.createdAt, id: row.id }),
      version: row.version + 1,
      updatedAt: now,
    })
    .where(eq(tickets.id, row.id))
    .returning()
    .get()
  appendEvents(tx, row.id, events, now)
  if (events.some((e) => CONVERSATION.has(e.type))) reindex(tx, updated)
  return updated
}

/** Appends timeline events; an API token's events name the agent it belongs to. */
export function appendEvents(tx: Tx, ticketId: string, events: TimelineEvent[], now: string): void {
  for (const e of events) {
    const actorId = actorAgentId(e.actor)
    const data = e.actor.kind === 'token' ? { ...e.data, tokenId: e.actor.id } : e.data
    tx.insert(ticketEvents).values({ ticketId, type: e.type, actorKind: e.actor.kind, actorId, visibility: e.visibility, data: JSON.stringify(data), createdAt: now }).run()
  }
}

/** Events whose text is searchable as the ticket's conversation. */
const CONVERSATION = new Set(['public_reply', 'reporter_comment', 'reopened', 'withdrawn', 'closed'])

function reindex(tx: Tx, row: TicketRow): void {
  const events = tx
    .select({ id: ticketEvents.id, type: ticketEvents.type, data: ticketEvents.data })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, row.id), inArray(ticketEvents.type, ['created', ...CONVERSATION])))
    .orderBy(asc(ticketEvents.id))
    .all()
  const created = events.find((e) => e.type === 'created')
  if (!created) return
  const conversation = events
    .map((e) => JSON.parse(e.data) as Record<string, unknown>)
    .map((d) => [d.body, d.reason, d.comment].filter((t) => typeof t === 'string' && t).join('\n'))
    .filter(Boolean)
    .join('\n')
  indexTicket(tx, { searchId: created.id, subject: row.subject, description: row.description, conversation })
}
