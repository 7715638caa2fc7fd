import { randomUUID } from 'node:crypto'
import { and, asc, eq, ne } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { projects, ticketEvents, tickets } from '../../db/schema.js'
import { autoCloseDueAt } from '../../calendar/working-days.js'
import { decide } from '../lifecycle/decide.js'
import { resolveMassIncident } from '../lifecycle/mass.js'
import {
  actorAgentId,
  type Actor,
  type Decision,
  type DecideContext,
  type RelationChange,
  type TicketState,
  type TimelineEvent,
} from '../lifecycle/types.js'
import { commit, type AppendedEvent, type StoreDeps } from './changes.js'
import { insertTicket, splitFields } from './create.js'
import { firstResponseDueAt } from './first-response.js'
import { TicketError } from './errors.js'
import { queueKey } from './queue-key.js'
import type { TicketRow } from './read.js'
import { indexEvent } from './search.js'

/** The state the lifecycle decides on, read from a row. */
function stateOf(row: TicketRow): TicketState {
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

type ProjectRow = typeof projects.$inferSelect

/** The project of a ticket, and the decide context it gives: the clock and its auto-close calendar. */
function contextFor(
  tx: Tx | Db,
  row: TicketRow,
  now: Date,
): { ctx: DecideContext; project: ProjectRow } {
  const project = tx.select().from(projects).where(eq(projects.id, row.projectId)).get()!
  const calendar = {
    timeZone: project.timeZone,
    holidays: JSON.parse(project.holidays) as string[],
  }
  const ctx: DecideContext = {
    now: now.toISOString(),
    autoCloseDueAt: (from) =>
      autoCloseDueAt(new Date(from), project.autoCloseDays, calendar).toISOString(),
  }
  return { ctx, project }
}

export interface DecisionInput {
  ticketId: string
  actor: Actor
  now: Date
  /** The version the caller saw; if the ticket changed since, nothing is written. */
  ifMatch?: number | null
  decide: (state: TicketState, ctx: DecideContext, row: TicketRow) => Decision
  /** What else the change writes, in its transaction, once it is decided (a reply's files). */
  write?: (tx: Tx, row: TicketRow) => void
}

/**
 * Applies a lifecycle decision to a ticket in one transaction: the new fields, a new version, the
 * timeline events, the search index and — when a mass incident is resolved — its open children.
 * Returns the ticket after the change; refusals are `TicketError`s (`not_found`, `stale`, or
 * the lifecycle's own).
 */
export function applyDecision(store: StoreDeps, input: DecisionInput): TicketRow {
  return commit(store, (tx) => {
    const { change } = decideIn(tx, input)
    return { result: change.changed[0]!, change }
  })
}

/**
 * Splits a new problem off a ticket: the new ticket (same reporter and environment) and the
 * original's `split` event in one transaction. Returns the new ticket and its reporter's token.
 */
export function splitTicket(
  store: StoreDeps,
  input: Omit<DecisionInput, 'decide'> & { subject: string; description: string },
): { ticket: TicketRow; reporterToken: string } {
  const newId = randomUUID()
  return commit(store, (tx) => {
    let split: ReturnType<typeof insertTicket> | undefined
    const { change } = decideIn(
      tx,
      {
        ...input,
        decide: (state, ctx) => decide(state, { type: 'split', ticketId: newId }, input.actor, ctx),
      },
      // The new ticket exists before the original's timeline names it.
      (original) => {
        split = insertTicket(tx, {
          id: newId,
          projectId: original.projectId,
          fields: splitFields(original, input.subject, input.description),
          actor: input.actor,
          eventData: { splitFrom: original.id, splitFromReference: original.reference },
          now: input.now.toISOString(),
        })
      },
    )
    return {
      result: { ticket: split!.row, reporterToken: split!.reporterToken },
      change: { ...change, created: [split!.row], events: [split!.event, ...change.events] },
    }
  })
}

/**
 * Reads the ticket, checks the version, decides, writes: the body of every lifecycle write.
 * `before` runs once the decision is taken, before anything of it is written.
 */
function decideIn(tx: Tx, input: DecisionInput, before?: (row: TicketRow) => void) {
  const row = tx.select().from(tickets).where(eq(tickets.id, input.ticketId)).get()
  if (!row) throw new TicketError({ code: 'not_found', ticket: input.ticketId })
  if (input.ifMatch != null && input.ifMatch !== row.version) {
    throw new TicketError({ code: 'stale', expected: input.ifMatch, actual: row.version })
  }
  const { ctx, project } = contextFor(tx, row, input.now)
  const decision = input.decide(stateOf(row), ctx, row)
  if (!decision.ok) throw new TicketError(decision.error)
  checkLinks(tx, row, decision.relations)
  before?.(row)
  const written = writeState(tx, project, row, decision, ctx.now)
  input.write?.(tx, written.row)
  const changed = [written.row]
  const events = [...written.events]
  const original = decision.relations.duplicateOfId
  if (original) {
    const other = markDuplicated(tx, project, original, row, input.actor, ctx.now)
    changed.push(other.row)
    events.push(...other.events)
  }
  const resolvedNow = row.status !== 'resolved' && decision.state.status === 'resolved'
  if (resolvedNow && row.category === 'mass_incident') {
    const reply = decision.events.find((e) => e.type === 'public_reply')
    for (const child of resolveChildren(tx, row, reply?.data, input.actor, input.now)) {
      changed.push(child.row)
      events.push(...child.events)
    }
  }
  return { change: { actor: input.actor, created: [], changed, events } }
}

/**
 * The rules of the data a new link keeps: its target is a ticket of the same project, and
 * following parents (or duplicates) from the target never comes back to the ticket — whatever
 * their categories are now, so a chain of mass incidents can't become a loop either.
 */
function checkLinks(tx: Tx, row: TicketRow, relations: RelationChange): void {
  const links = [
    ['parent', 'parentId', relations.parentId],
    ['duplicateOf', 'duplicateOfId', relations.duplicateOfId],
  ] as const
  for (const [field, column, targetId] of links) {
    if (!targetId) continue
    const find = (id: string) =>
      tx
        .select({
          id: tickets.id,
          reference: tickets.reference,
          projectId: tickets.projectId,
          next: tickets[column],
        })
        .from(tickets)
        .where(eq(tickets.id, id))
        .get()
    const target = find(targetId)
    if (!target) throw new TicketError({ code: 'not_found', ticket: targetId })
    if (target.projectId !== row.projectId)
      throw new TicketError({ code: 'cross_project', field, ticket: target.reference })
    const path = [row.reference]
    const seen = new Set<string>()
    let t: typeof target | undefined = target
    while (t && !seen.has(t.id)) {
      seen.add(t.id)
      path.push(t.reference)
      if (t.id === row.id) throw new TicketError({ code: 'cycle', field, path })
      t = t.next ? find(t.next) : undefined
    }
  }
}

/**
 * The other side of a duplicate: the ticket it duplicates records which ticket now names it
 * (internal: another reporter's request), so that its duplicates are found through its own
 * timeline (`links.ts`). A change of that ticket too, so that whoever has it open hears of it.
 */
function markDuplicated(
  tx: Tx,
  project: ProjectRow,
  originalId: string,
  duplicate: TicketRow,
  actor: Actor,
  now: string,
): Written {
  const row = tx.select().from(tickets).where(eq(tickets.id, originalId)).get()!
  const event: TimelineEvent = {
    type: 'linked',
    actor,
    visibility: 'internal',
    data: { relation: 'duplicated_by', ticketId: duplicate.id },
  }
  return writeState(tx, project, row, { state: stateOf(row), relations: {}, events: [event] }, now)
}

/**
 * Resolves the incident's open children with the data of its reply: its words, and the files it
 * names, which each child's entry names too — what lets the child's reporter open those files of
 * the incident (`attachmentData`), and no other.
 */
function resolveChildren(
  tx: Tx,
  parent: TicketRow,
  reply: Record<string, unknown> | undefined,
  actor: Actor,
  now: Date,
): Written[] {
  const rows = tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.parentId, parent.id), ne(tickets.status, 'closed')))
    .orderBy(asc(tickets.number))
    .all()
  const contexts = new Map(rows.map((r) => [r.id, contextFor(tx, r, now)]))
  const result = resolveMassIncident({
    parentId: parent.id,
    body: reply ? String(reply.body) : '',
    actor,
    now: now.toISOString(),
    children: rows.map((r) => ({
      id: r.id,
      state: stateOf(r),
      autoCloseDueAt: contexts.get(r.id)!.ctx.autoCloseDueAt,
    })),
  })
  if (!result.ok) throw new TicketError(result.error)
  const files =
    Array.isArray(reply?.attachments) && reply.attachments.length ? reply.attachments : null
  return result.resolved.map((child) => {
    const row = rows.find((r) => r.id === child.id)!
    const { project } = contexts.get(row.id)!
    const events = files
      ? child.events.map((e) =>
          e.type === 'public_reply' ? { ...e, data: { ...e.data, attachments: files } } : e,
        )
      : child.events
    return writeState(tx, project, row, { ...child, events, relations: {} }, now.toISOString())
  })
}

interface Written {
  row: TicketRow
  events: AppendedEvent[]
}

/**
 * Writes a decision's outcome to a ticket: the lifecycle fields and links, what the store keeps
 * from them (the queue key; the first response, by the first public reply of an agent or a token,
 * and its due time, again from the arrival when the priority changes before it), a new version,
 * the timeline events and their search rows.
 */
function writeState(
  tx: Tx,
  project: ProjectRow,
  row: TicketRow,
  outcome: { state: TicketState; relations: RelationChange; events: TimelineEvent[] },
  now: string,
): Written {
  const { state, relations, events } = outcome
  const answered =
    row.firstResponseAt ??
    (events.some((e) => e.type === 'public_reply' && actorAgentId(e.actor) !== null) ? now : null)
  const due =
    answered === null && state.priority !== row.priority
      ? firstResponseDueAt(project, row.createdAt, state.priority)
      : row.firstResponseDueAt
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
      queueKey: queueKey({
        status: state.status,
        priority: state.priority,
        createdAt: row.createdAt,
        id: row.id,
      }),
      firstResponseAt: answered,
      firstResponseDueAt: due,
      version: row.version + 1,
      updatedAt: now,
    })
    .where(eq(tickets.id, row.id))
    .returning()
    .get()
  const appended = appendEvents(tx, row.id, events, now)
  indexConversation(tx, appended)
  return { row: updated, events: appended }
}

/** Appends timeline events; an API token's events name the agent it belongs to. */
function appendEvents(
  tx: Tx,
  ticketId: string,
  events: TimelineEvent[],
  now: string,
): AppendedEvent[] {
  return events.map((e) => {
    const actorId = actorAgentId(e.actor)
    const data: Record<string, unknown> =
      e.actor.kind === 'token' ? { ...e.data, tokenId: e.actor.id } : e.data
    const { id } = tx
      .insert(ticketEvents)
      .values({
        ticketId,
        type: e.type,
        actorKind: e.actor.kind,
        actorId,
        visibility: e.visibility,
        data: JSON.stringify(data),
        createdAt: now,
      })
      .returning({ id: ticketEvents.id })
      .get()
    return {
      id,
      ticketId,
      type: e.type,
      actor: e.actor,
      visibility: e.visibility,
      data,
      createdAt: now,
    }
  })
}

/** Events whose text is searchable as the ticket's conversation. */
const CONVERSATION = new Set([
  'public_reply',
  'reporter_comment',
  'reopened',
  'withdrawn',
  'closed',
])

/**
 * Indexes the text of each new conversation event in a row of its own: a comment costs its own
 * length, not the whole conversation's again (which grew a long conversation's cost with the
 * square of its length).
 */
function indexConversation(tx: Tx, events: AppendedEvent[]): void {
  for (const e of events) {
    if (!CONVERSATION.has(e.type)) continue
    const d = e.data
    const text = [d.body, d.reason, d.comment].filter((t) => typeof t === 'string' && t).join('\n')
    if (text) indexEvent(tx, { eventId: e.id, text })
  }
}
