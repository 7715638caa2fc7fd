import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { TimelineEntry } from '@snagbox/sdk/contract'
import type { Db } from '../../db/client.js'
import {
  agents,
  attachments,
  projects,
  reporterTokens,
  ticketEvents,
  tickets,
} from '../../db/schema.js'

export type TicketRow = typeof tickets.$inferSelect

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A ticket by its reference (`DEMO-42`, any case) or its id. */
export function findTicket(db: Db, ref: string): TicketRow | undefined {
  if (ref.length > 60) return undefined
  const condition = UUID.test(ref)
    ? eq(tickets.id, ref.toLowerCase())
    : eq(tickets.reference, ref.toUpperCase())
  return db.select().from(tickets).where(condition).get()
}

export function findTicketById(db: Db, id: string): TicketRow | undefined {
  return db.select().from(tickets).where(eq(tickets.id, id)).get()
}

export function projectOf(db: Db, ticket: TicketRow) {
  return db.select().from(projects).where(eq(projects.id, ticket.projectId)).get()!
}

export interface ScreenshotMeta {
  id: string
  contentType: string
  width: number
  height: number
  bytes: number
}

export function screenshotMeta(db: Db, ticketId: string): ScreenshotMeta | undefined {
  return db
    .select({
      id: attachments.id,
      contentType: attachments.contentType,
      width: attachments.width,
      height: attachments.height,
      bytes: attachments.bytes,
    })
    .from(attachments)
    .where(and(eq(attachments.ticketId, ticketId), eq(attachments.kind, 'screenshot')))
    .get()
}

export function screenshotData(
  db: Db,
  ticketId: string,
): { contentType: string; data: Buffer } | undefined {
  return db
    .select({ contentType: attachments.contentType, data: attachments.data })
    .from(attachments)
    .where(and(eq(attachments.ticketId, ticketId), eq(attachments.kind, 'screenshot')))
    .get()
}

/**
 * A file that came with a message on the ticket (an image of an e-mailed reply, a file of an
 * agent's reply), by its id, with the name its timeline entry gives it. The reporter gets only
 * the files of entries it may see. A mass incident's child reaches the files its solution entry
 * names (kept with the incident, `parentId`), and no other file of the incident.
 */
export function attachmentData(
  db: Db,
  ticketId: string,
  id: string,
  audience: 'agent' | 'reporter',
): { contentType: string; data: Buffer; name: string | null } | undefined {
  const named = db.get<{ name: unknown; owner: string } | undefined>(
    sql`SELECT json_extract(f.value, '$.name') AS name,
        CASE WHEN e.type = 'public_reply' AND json_type(e.data, '$.parentId') = 'text'
          THEN json_extract(e.data, '$.parentId') ELSE e.ticket_id END AS owner
      FROM ${ticketEvents} AS e, json_each(e.data, '$.attachments') AS f
      WHERE e.ticket_id = ${ticketId} AND json_extract(f.value, '$.id') = ${id}
        ${audience === 'reporter' ? sql`AND e.visibility = 'public'` : sql``}
      LIMIT 1`,
  )
  if (!named) return undefined
  const file = db
    .select({ contentType: attachments.contentType, data: attachments.data })
    .from(attachments)
    .where(
      and(
        eq(attachments.ticketId, named.owner),
        eq(attachments.id, id),
        eq(attachments.kind, 'attachment'),
      ),
    )
    .get()
  return file && { ...file, name: typeof named.name === 'string' ? named.name : null }
}

/**
 * A ticket's timeline, oldest first. The reporter's view drops internal events and carries no id
 * of an agent, an API token or a ticket: people by name, linked tickets by reference.
 */
export function timeline(
  db: Db,
  ticketId: string,
  audience: 'agent' | 'reporter',
): TimelineEntry[] {
  const rows = db
    .select()
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.id))
    .all()
    .filter((r) => audience === 'agent' || (r.visibility === 'public' && !AGENTS_WORK.has(r.type)))
    .map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }))
  // Actors, and the people an `assigned` event moved the ticket between.
  const mentioned = rows.flatMap((r) =>
    r.type === 'assigned' ? [r.actorId, r.data.from, r.data.to] : [r.actorId],
  )
  const agentIds = [...new Set(mentioned.filter((id): id is string => typeof id === 'string'))]
  const people = agentIds.length
    ? db
        .select({ id: agents.id, name: agents.name, email: agents.email })
        .from(agents)
        .where(inArray(agents.id, agentIds))
        .all()
    : []
  const byId = new Map(people.map((p) => [p.id, p]))
  const linked = referencesOf(
    db,
    rows.flatMap((r) => [...LINKS.keys()].map((key) => stringOr(r.data[key]))),
  )
  return rows.map((r) => {
    const person = r.actorId ? byId.get(r.actorId) : undefined
    const actor =
      audience === 'agent'
        ? {
            kind: r.actorKind,
            id: r.actorId,
            name: person?.name ?? null,
            email: person?.email ?? null,
          }
        : {
            kind: r.actorKind === 'token' ? 'agent' : r.actorKind,
            id: null,
            name: person?.name ?? null,
          }
    const data = r.data
    if (r.type === 'assigned') {
      data.fromName = typeof data.from === 'string' ? (byId.get(data.from)?.name ?? null) : null
      data.toName = typeof data.to === 'string' ? (byId.get(data.to)?.name ?? null) : null
    }
    return {
      id: r.id,
      type: r.type,
      visibility: r.visibility,
      actor,
      data: audience === 'agent' ? agentData(data, linked) : reporterData(r.type, data, linked),
      createdAt: r.createdAt,
    }
  })
}

/** How support organises its work: not the reporter's concern, so not on the reporter's timeline. */
const AGENTS_WORK = new Set(['assigned', 'priority_changed', 'category_changed'])

/**
 * Event data that holds another ticket's id, and the names its reference goes by: in the
 * reporter's view (instead of the id) and in the agent's (beside it).
 */
const LINKS = new Map([
  ['ticketId', { reporter: 'reference', agent: 'reference' }],
  ['duplicateOf', { reporter: 'duplicateOf', agent: 'duplicateOfReference' }],
  ['splitFrom', { reporter: 'splitFrom', agent: 'splitFromReference' }],
  ['parentId', { reporter: 'parent', agent: 'parentReference' }],
])
const stringOr = (value: unknown) => (typeof value === 'string' ? value : null)
/** What the reporter typed or was told, kept whatever it looks like. */
const TEXT = new Set(['body', 'reason', 'comment'])

/**
 * An event's data as the reporter sees it: linked tickets by reference (`DEMO-7`, or `null` if
 * gone), agents by name only, no API token; and no other value that looks like an id.
 */
function reporterData(
  type: string,
  data: Record<string, unknown>,
  references: Map<string, string>,
): Record<string, unknown> {
  const seen: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) {
    const link = LINKS.get(key)
    if (link) {
      seen[link.reporter] = typeof value === 'string' ? (references.get(value) ?? null) : null
    } else if (key === 'tokenId' || (type === 'assigned' && (key === 'from' || key === 'to'))) {
      continue
    } else if (TEXT.has(key) || !(typeof value === 'string' && UUID.test(value))) {
      seen[key] = value
    }
  }
  return seen
}

/**
 * An event's data as an agent sees it: all of it, each linked ticket's reference beside its id
 * (`split { ticketId, reference }`), so no entry names a ticket by its id alone.
 */
function agentData(
  data: Record<string, unknown>,
  references: Map<string, string>,
): Record<string, unknown> {
  const named = { ...data }
  for (const [key, { agent }] of LINKS) {
    const value = data[key]
    if (typeof value === 'string') named[agent] = references.get(value) ?? null
  }
  return named
}

/** References of linked tickets, by id, for showing links as `DEMO-7` rather than ids. */
export function referencesOf(db: Db, ids: (string | null)[]): Map<string, string> {
  const wanted = ids.filter((id): id is string => !!id)
  if (!wanted.length) return new Map()
  const rows = db
    .select({ id: tickets.id, reference: tickets.reference })
    .from(tickets)
    .where(inArray(tickets.id, wanted))
    .all()
  return new Map(rows.map((r) => [r.id, r.reference]))
}

/** The ticket a reporter token's hash belongs to, with the stored hash (for a constant-time check). */
export function reporterTokenRow(
  db: Db,
  tokenHash: string,
): { tokenHash: string; ticketId: string } | undefined {
  return db
    .select({ tokenHash: reporterTokens.tokenHash, ticketId: reporterTokens.ticketId })
    .from(reporterTokens)
    .where(eq(reporterTokens.tokenHash, tokenHash))
    .get()
}

/** Resolved tickets whose auto-close time has come, the longest overdue first. */
export function dueForAutoClose(
  db: Db,
  now: Date,
  limit = 1000,
): { id: string; reference: string }[] {
  return db
    .select({ id: tickets.id, reference: tickets.reference })
    .from(tickets)
    .where(and(eq(tickets.status, 'resolved'), lte(tickets.autoCloseDueAt, now.toISOString())))
    .orderBy(asc(tickets.autoCloseDueAt))
    .limit(limit)
    .all()
}
