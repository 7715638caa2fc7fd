import { and, asc, eq, gt, gte, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm'
import type {
  Category,
  CloseReason,
  Priority,
  Status,
  TicketPage,
  TicketSummary,
} from '@snagbox/sdk/contract'
import type { Db } from '../../db/client.js'
import { agents, attachments, ticketEvents, tickets } from '../../db/schema.js'
import { toMatchQuery } from './search.js'

/** What the queue is filtered by: a checked `GET /api/v1/tickets` query. */
export interface ListQuery {
  /** `open` stands for every status but `closed`. */
  status: string[]
  category: string[]
  priority: string[]
  /** `me`, `none` or an agent id. */
  assignee: string | null
  q: string | null
  appVersion: string | null
  /** `Windows`, or a name and a version: `Windows 11`. */
  os: string | null
  updatedSince: string | null
  limit: number
  cursor: string | null
}

const REFERENCE = /^[A-Za-z][A-Za-z0-9]{0,9}-\d{1,9}$/

/**
 * The inbox listing: filters, full-text search and keyset pagination in the queue order. A page
 * ends at a queue key, so tickets created meanwhile never shift or repeat the pages that follow.
 */
export function listTickets(db: Db, query: ListQuery, agentId: string): TicketPage {
  const where: SQL[] = []
  const statuses = query.status.filter((s) => s !== 'open')
  if (query.status.includes('open')) {
    where.push(
      statuses.length
        ? sql`(${tickets.status} != 'closed' OR ${inArray(tickets.status, statuses)})`
        : ne(tickets.status, 'closed'),
    )
  } else if (statuses.length) {
    where.push(inArray(tickets.status, statuses))
  }
  if (query.category.length) where.push(inArray(tickets.category, query.category))
  if (query.priority.length) where.push(inArray(tickets.priority, query.priority))
  if (query.assignee === 'none') where.push(isNull(tickets.assigneeId))
  else if (query.assignee)
    where.push(eq(tickets.assigneeId, query.assignee === 'me' ? agentId : query.assignee))
  if (query.appVersion)
    where.push(sql`json_extract(${tickets.app}, '$.version') = ${query.appVersion}`)
  if (query.os) {
    const [name, ...version] = query.os.split(/\s+/)
    where.push(sql`lower(json_extract(${tickets.environment}, '$.os.name')) = lower(${name})`)
    if (version.length)
      where.push(sql`json_extract(${tickets.environment}, '$.os.version') = ${version.join(' ')}`)
  }
  if (query.updatedSince) where.push(gte(tickets.updatedAt, query.updatedSince))
  if (query.q) {
    const match = toMatchQuery(query.q)
    const byText = match
      ? sql`${tickets.id} IN (SELECT ${ticketEvents.ticketId} FROM ticket_search JOIN ${ticketEvents} ON ${ticketEvents.id} = ticket_search.rowid WHERE ticket_search MATCH ${match})`
      : undefined
    const byReference = REFERENCE.test(query.q)
      ? eq(tickets.reference, query.q.toUpperCase())
      : undefined
    const either = [byText, byReference].filter((c): c is SQL => !!c)
    where.push(either.length ? sql`(${sql.join(either, sql` OR `)})` : sql`0`)
  }
  if (query.cursor) where.push(gt(tickets.queueKey, query.cursor))

  const rows = db
    .select({
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
      hasScreenshot: sql<number>`EXISTS (SELECT 1 FROM ${attachments} WHERE ${attachments.ticketId} = ${tickets.id})`,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
      queueKey: tickets.queueKey,
    })
    .from(tickets)
    .leftJoin(agents, eq(agents.id, tickets.assigneeId))
    .where(and(...where))
    .orderBy(asc(tickets.queueKey))
    .limit(query.limit + 1)
    .all()

  const page = rows.slice(0, query.limit)
  const more = rows.length > query.limit
  return {
    items: page.map((r) => {
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
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      } satisfies TicketSummary
    }),
    nextCursor: more ? encodeCursor(page[page.length - 1]!.queueKey) : null,
  }
}

/** A page's cursor: where the next page starts in the queue, opaque to the client. */
function encodeCursor(queueKey: string): string {
  return Buffer.from(`v1:${queueKey}`).toString('base64url')
}

/** The queue key a cursor of `encodeCursor` stands for; `null` for anything else. */
export function decodeCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, 'base64url').toString()
  return text.startsWith('v1:') && text.length > 3 ? text.slice(3) : null
}
