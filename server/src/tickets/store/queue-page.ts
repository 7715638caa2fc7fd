import { and, asc, eq, gt, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm'
import type {
  Category,
  CloseReason,
  Priority,
  Status,
  TicketPage,
  TicketSummary,
} from '@snagbox/sdk/contract'
import type { Db } from '../../db/client.js'
import { agents, attachments, tickets } from '../../db/schema.js'
import { isOverdue } from './first-response.js'
import { conditionsOf, type Lister, type ListQuery } from './list.js'
import { waitingSince } from './waiting-since.js'

/*
 * A page of the queue, by keyset. In queue order a page ends at a queue key. Sorted by the first
 * response's due time, the queue is two runs: the open tickets still awaiting their first
 * response, soonest due first (through the partial index on the due time of the unanswered), then
 * all the others in queue order; a page ends at a due time and id in the first run, at a queue key
 * in the second. Either way, tickets created meanwhile never shift or repeat the pages that follow.
 */

/** Open and not answered yet, with a due time: the first run of the due-time order. */
const AWAITING = and(
  isNull(tickets.firstResponseAt),
  isNotNull(tickets.firstResponseDueAt),
  ne(tickets.status, 'closed'),
)!
const NOT_AWAITING = or(
  isNotNull(tickets.firstResponseAt),
  isNull(tickets.firstResponseDueAt),
  eq(tickets.status, 'closed'),
)!

/**
 * The inbox listing: filters, full-text search and keyset pagination, in queue order or by the
 * first response's due time, of the lister's projects only.
 */
export function listTickets(db: Db, query: ListQuery, lister: Lister, now: Date): TicketPage {
  const where = conditionsOf(db, query, lister)
  if (!where) return { items: [], nextCursor: null }
  const cursor = query.cursor
  const byQueue = (extra: SQL[], limit: number) =>
    rowsOf(db, [...where, ...extra], [asc(tickets.queueKey)], limit)
  let rows: Row[]
  if (query.sort === 'queue') {
    rows = byQueue(cursor ? [gt(tickets.queueKey, cursor)] : [], query.limit + 1)
  } else {
    const due = cursor ? dueCursorOf(cursor) : null
    const awaiting =
      cursor && !due
        ? []
        : rowsOf(
            db,
            [...where, AWAITING, ...(due ? [after(due)] : [])],
            [asc(tickets.firstResponseDueAt), asc(tickets.id)],
            query.limit + 1,
          )
    const rest =
      awaiting.length > query.limit
        ? []
        : byQueue(
            [NOT_AWAITING, ...(cursor && !due ? [gt(tickets.queueKey, cursor)] : [])],
            query.limit + 1 - awaiting.length,
          )
    rows = [...awaiting, ...rest]
  }
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  const more = rows.length > query.limit
  return {
    items: page.map((r) => summaryOf(r, now)),
    nextCursor: more && last ? cursorAfter(query.sort, last) : null,
  }
}

/** After a page's last ticket: its queue key, or — in the first run — its due time and id. */
function cursorAfter(sort: ListQuery['sort'], last: Row): string {
  const inFirstRun =
    sort === 'first_response_due' &&
    last.firstResponseAt === null &&
    last.firstResponseDueAt !== null &&
    last.status !== 'closed'
  return encodeCursor(inFirstRun ? `d${last.firstResponseDueAt}|${last.id}` : last.queueKey)
}

/** Past a due time and id, in the first run's order. */
const after = ({ due, id }: { due: string; id: string }) =>
  or(
    gt(tickets.firstResponseDueAt, due),
    and(eq(tickets.firstResponseDueAt, due), gt(tickets.id, id)),
  )!

/** The due time and id of a first-run cursor's text; `null` for a queue key. */
function dueCursorOf(text: string): { due: string; id: string } | null {
  if (!text.startsWith('d')) return null
  const [due = '', id = ''] = text.slice(1).split('|')
  return { due, id }
}

const columns = {
  id: tickets.id,
  reference: tickets.reference,
  status: tickets.status,
  closeReason: tickets.closeReason,
  category: tickets.category,
  priority: tickets.priority,
  blocking: tickets.blocking,
  subject: tickets.subject,
  reporter: tickets.reporter,
  app: tickets.app,
  os: sql<string | null>`json_extract(${tickets.environment}, '$.os')`,
  assigneeId: tickets.assigneeId,
  assigneeName: agents.name,
  hasScreenshot: sql<number>`EXISTS (SELECT 1 FROM ${attachments} WHERE ${attachments.ticketId} = ${tickets.id} AND ${attachments.kind} = 'screenshot')`,
  firstResponseDueAt: tickets.firstResponseDueAt,
  firstResponseAt: tickets.firstResponseAt,
  waitingSince: waitingSince(),
  autoCloseDueAt: tickets.autoCloseDueAt,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  queueKey: tickets.queueKey,
}

type Row = Awaited<ReturnType<typeof rowsOf>>[number]

function rowsOf(db: Db, where: SQL[], order: SQL[], limit: number) {
  return db
    .select(columns)
    .from(tickets)
    .leftJoin(agents, eq(agents.id, tickets.assigneeId))
    .where(and(...where))
    .orderBy(...order)
    .limit(limit)
    .all()
}

/** The queue's items of these tickets, in no particular order. */
export function summariesOf(db: Db, ids: string[], now: Date): TicketSummary[] {
  if (!ids.length) return []
  return rowsOf(db, [inArray(tickets.id, ids)], [asc(tickets.queueKey)], ids.length).map((r) =>
    summaryOf(r, now),
  )
}

function summaryOf(r: Row, now: Date): TicketSummary {
  const reporter = JSON.parse(r.reporter) as TicketSummary['reporter']
  const app = JSON.parse(r.app) as TicketSummary['app']
  const os = (r.os ? JSON.parse(r.os) : {}) as TicketSummary['os']
  return {
    id: r.id,
    reference: r.reference,
    status: r.status as Status,
    closeReason: r.closeReason as CloseReason | null,
    category: r.category as Category,
    priority: r.priority as Priority,
    blocking: r.blocking,
    subject: r.subject,
    reporter: {
      name: reporter.name,
      email: reporter.email,
      organization: reporter.organization,
    },
    app: { name: app.name, version: app.version, build: app.build },
    os: { name: os.name ?? null, version: os.version ?? null, bitness: os.bitness ?? null },
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
    hasScreenshot: !!r.hasScreenshot,
    firstResponseDueAt: r.firstResponseDueAt,
    firstResponseAt: r.firstResponseAt,
    firstResponseOverdue: isOverdue(r, now),
    waitingSince: r.waitingSince,
    autoCloseDueAt: r.autoCloseDueAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

/** A page's cursor: where the next page starts, opaque to the client. */
function encodeCursor(text: string): string {
  return Buffer.from(`v1:${text}`).toString('base64url')
}

/**
 * What a cursor of `encodeCursor` stands for — a queue key, or `d<due>|<id>` in the first run of
 * the due-time order — and whether it belongs to that order; `null` for anything else.
 */
export function decodeCursor(cursor: string): { text: string; dueOrder: boolean } | null {
  const decoded = Buffer.from(cursor, 'base64url').toString()
  if (!decoded.startsWith('v1:') || decoded.length <= 3) return null
  const text = decoded.slice(3)
  return { text, dueOrder: text.startsWith('d') }
}
