import { and, desc, eq, ne, or, sql, type SQL } from 'drizzle-orm'
import type { ReporterContext, RequestsOf, Status } from '@snagbox/sdk/contract'
import type { Db } from '../../db/client.js'
import { tickets } from '../../db/schema.js'
import type { TicketRow } from './read.js'
import { reporterPhrase } from './search.js'

/** How many of the other requests of a reporter (or organization) a ticket names, newest first. */
export const RECENT_SHOWN = 5

/**
 * The other requests of a ticket's reporter — the same e-mail address, or the same verified user
 * id of the host — and of its organization, in the ticket's project: how many, and the newest.
 * `email` is the ticket's reporter e-mail, lower-cased (`reporterEmailOf`).
 * E-mail and organization live in the reporter's JSON, so they are found through the full-text
 * index's `reporter` column and then compared exactly; the user id has its own index.
 */
export function reporterContextOf(db: Db, row: TicketRow, email: string | null): ReporterContext {
  const reporter = JSON.parse(row.reporter) as { organization?: unknown }
  const organization =
    typeof reporter.organization === 'string' ? reporter.organization.trim().toLowerCase() : ''
  const same = (path: string, value: string) =>
    and(
      reporterPhrase(tickets.id, value),
      sql`lower(trim(json_extract(${tickets.reporter}, ${path}))) = ${value}`,
    )!
  const byEmail = email ? same('$.email', email) : undefined
  const byUser = row.reporterUserId ? eq(tickets.reporterUserId, row.reporterUserId) : undefined
  const reporterWhere = byEmail && byUser ? or(byEmail, byUser) : (byEmail ?? byUser)
  return {
    sameReporter: reporterWhere ? requestsOf(db, row, reporterWhere) : null,
    sameOrganization: organization
      ? requestsOf(db, row, same('$.organization', organization))
      : null,
  }
}

/**
 * The requests of the ticket's project but itself that `where` holds: a count and the newest.
 * The project is a filter (`+project_id`), never the index to walk: the few candidates of `where`
 * lead, whatever the planner believes of a project it has no statistics of.
 */
function requestsOf(db: Db, row: TicketRow, where: SQL): RequestsOf {
  const all = and(sql`+${tickets.projectId} = ${row.projectId}`, ne(tickets.id, row.id), where)
  // One pass: the newest few, each with how many there are in all.
  const rows = db
    .select({
      id: tickets.id,
      reference: tickets.reference,
      status: tickets.status,
      subject: tickets.subject,
      createdAt: tickets.createdAt,
      count: sql<number>`count(*) OVER ()`,
    })
    .from(tickets)
    .where(all)
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(RECENT_SHOWN)
    .all()
  return {
    count: rows[0]?.count ?? 0,
    recent: rows.map(({ count: _, ...r }) => ({ ...r, status: r.status as Status })),
  }
}
