import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { LinkedChild, LinkedTicket, Status } from '@snagbox/sdk/contract'
import type { Db } from '../../db/client.js'
import { ticketEvents, tickets } from '../../db/schema.js'
import type { TicketRow } from './read.js'

/** How many tickets each list of a ticket's links names; the counts say how many there are. */
export const LINKS_SHOWN = 50

/*
 * A link is kept on one side, in a column of the ticket that links: `parent_id` (indexed),
 * `duplicate_of_id`, `split_from_id`. The other side is found through the timeline of the ticket
 * linked to, indexed by ticket: a split's original records `split { ticketId }`, and the store
 * writes `linked { relation: 'duplicated_by', ticketId }` on the ticket a duplicate names. The
 * column stays the truth (a reopened duplicate names nothing any more); the events only say where
 * to look, so neither side is ever read by scanning every ticket.
 */

/** The tickets whose `column` names `id`, of those its timeline names: a condition on `tickets.id`. */
function namedBy(id: string, relation: 'duplicates' | 'splits'): SQL {
  const events =
    relation === 'splits'
      ? sql`${ticketEvents.type} = 'split'`
      : sql`${ticketEvents.type} = 'linked' AND json_extract(${ticketEvents.data}, '$.relation') = 'duplicated_by'`
  const column = relation === 'splits' ? tickets.splitFromId : tickets.duplicateOfId
  return and(
    inArray(
      tickets.id,
      sql`(SELECT json_extract(${ticketEvents.data}, '$.ticketId') FROM ${ticketEvents} WHERE ${ticketEvents.ticketId} = ${id} AND ${events})`,
    ),
    eq(column, id),
  )!
}

/**
 * The condition of a listing's link filter: the children of the mass incident `id`
 * (`?parent=`), its duplicates (`?duplicateOf=`), or the tickets split from it (`?splitFrom=`).
 */
export function linkedTo(id: string, relation: 'parent' | 'duplicateOf' | 'splitFrom'): SQL {
  if (relation === 'parent') return eq(tickets.parentId, id)
  return namedBy(id, relation === 'duplicateOf' ? 'duplicates' : 'splits')
}

const linkedColumns = {
  id: tickets.id,
  reference: tickets.reference,
  status: tickets.status,
  subject: tickets.subject,
}

const asLinked = (row: { id: string; reference: string; status: string; subject: string }) =>
  ({ ...row, status: row.status as Status }) satisfies LinkedTicket

/** The first `LINKS_SHOWN` tickets of a condition, oldest first, and (in one pass) how many there are. */
function firstOf(db: Db, where: SQL) {
  const rows = db
    .select({
      ...linkedColumns,
      reporterName: sql<unknown>`json_extract(${tickets.reporter}, '$.name')`,
      count: sql<number>`count(*) OVER ()`,
    })
    .from(tickets)
    .where(where)
    .orderBy(asc(tickets.number))
    .limit(LINKS_SHOWN)
    .all()
  return { rows: rows.map(({ count: _, ...r }) => r), count: rows[0]?.count ?? 0 }
}

/** One ticket by id, as a link names it; `null` when there is none. */
function linked(db: Db, id: string | null): LinkedTicket | null {
  if (!id) return null
  const row = db.select(linkedColumns).from(tickets).where(eq(tickets.id, id)).get()
  return row ? asLinked(row) : null
}

/** Every link of a ticket, both ways: what the agent API's ticket carries. */
export function linksOf(db: Db, row: TicketRow) {
  const children = firstOf(db, eq(tickets.parentId, row.id))
  const duplicates = firstOf(db, namedBy(row.id, 'duplicates'))
  const splitInto = firstOf(db, namedBy(row.id, 'splits'))
  const plain = ({ reporterName: _, ...r }: (typeof children.rows)[number]) => asLinked(r)
  return {
    parent: linked(db, row.parentId),
    splitFrom: linked(db, row.splitFromId),
    duplicateOf: linked(db, row.duplicateOfId),
    children: children.rows.map(({ reporterName, ...r }): LinkedChild => ({
      ...asLinked(r),
      reporterName: typeof reporterName === 'string' ? reporterName : null,
    })),
    duplicates: duplicates.rows.map(plain),
    splitInto: splitInto.rows.map(plain),
    linkCounts: {
      children: children.count,
      duplicates: duplicates.count,
      splitInto: splitInto.count,
    },
  }
}

/** The tickets split from a ticket, oldest first (the reporter's related requests). */
export function splitsOf(db: Db, id: string): TicketRow[] {
  return db
    .select()
    .from(tickets)
    .where(namedBy(id, 'splits'))
    .orderBy(asc(tickets.number))
    .limit(LINKS_SHOWN)
    .all()
}
