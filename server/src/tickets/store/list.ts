import { and, eq, gte, inArray, isNull, ne, notInArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { projects as projectRows, tickets } from '../../db/schema.js'
import { linkedTo } from './links.js'
import { findTicket } from './read.js'
import { reporterMatch, searchMatch } from './search.js'

/** What the queue is filtered by: a checked `GET /api/v1/tickets` query. */
export interface ListQuery {
  /** `open` stands for every status but `closed`. */
  status: string[]
  category: string[]
  priority: string[]
  /** Only critical or blocking tickets: the regulations' "blocking problems first". */
  urgent: boolean
  /** `me`, `none` or an agent id. */
  assignee: string | null
  q: string | null
  /** Words of the reporter's name, e-mail or organization. */
  reporter: string | null
  appVersion: string | null
  /** `Windows`, or a name and a version: `Windows 11`. */
  os: string | null
  updatedSince: string | null
  /** `queue`: open first, by priority, then age; `first_response_due`: the soonest due first. */
  sort: 'queue' | 'first_response_due'
  /** The children of a mass incident, its duplicates, the tickets split from it: a reference or id. */
  parent: string | null
  duplicateOf: string | null
  splitFrom: string | null
  limit: number
  /** Where the page starts (`decodeCursor`). */
  cursor: string | null
}

/** Who lists: the agent (for `assignee=me`) and the projects it works in (`all` for an admin). */
export interface Lister {
  agentId: string
  projects: 'all' | readonly string[]
}

/**
 * The tickets a lister's projects hold, as few words as possible: `all` when they are every
 * project there is (each ticket belongs to one: a foreign key), so no ticket needs its project
 * read; else the projects, sorted.
 */
export function scopeOf(db: Db, projects: Lister['projects']): 'all' | string[] {
  if (projects === 'all') return 'all'
  if (!projects.length) return []
  const outside = db
    .select({ id: projectRows.id })
    .from(projectRows)
    .where(notInArray(projectRows.id, [...projects]))
    .limit(1)
    .get()
  return outside ? [...projects].sort() : 'all'
}

/**
 * The conditions of a listing (without its cursor): the lister's projects and the query's filters,
 * for a page in queue order or for a count of them all (the search is planned for each).
 * `null` when the lister sees nothing at all (an agent without projects).
 */
export function conditionsOf(
  db: Db,
  query: Omit<ListQuery, 'limit' | 'cursor'>,
  lister: Lister,
  use: 'page' | 'count' = 'page',
): SQL[] | null {
  const { agentId } = lister
  const projects = scopeOf(db, lister.projects)
  if (projects !== 'all' && !projects.length) return null
  const where: SQL[] = []
  if (projects !== 'all') where.push(inProjects(db, projects))
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
  if (query.urgent) where.push(sql`(${tickets.priority} = 'critical' OR ${tickets.blocking} = 1)`)
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
  for (const relation of ['parent', 'duplicateOf', 'splitFrom'] as const) {
    const ref = query[relation]
    if (!ref) continue
    const target = findTicket(db, ref)
    where.push(target ? linkedTo(target.id, relation) : sql`0`)
  }
  if (query.reporter) where.push(reporterMatch(tickets.id, query.reporter) ?? sql`0`)
  if (query.q) where.push(searchMatch(db, query.q, use))
  return where
}

/** How many tickets a listing holds (all its pages): what a view's count says. */
export function countTickets(
  db: Db,
  query: Omit<ListQuery, 'limit' | 'cursor'>,
  lister: Lister,
): number {
  const where = conditionsOf(db, query, lister, 'count')
  if (!where) return 0
  return db
    .select({ n: sql<number>`count(*)` })
    .from(tickets)
    .where(and(...where))
    .get()!.n
}

/** Up to how many tickets a scope is read through the project index and sorted. */
const FEW_TICKETS = 2000

/**
 * The lister's projects as a condition, with the plan that pages well. No index leads with the
 * project in queue order, and SQLite's planner, which can't know how the tickets are spread over
 * the projects, picks either way at random: reading every ticket of the scope through the project
 * index and sorting them all for each page (a quarter of a second at a million tickets), or
 * walking the queue index past a small project's rare tickets. So the plan is chosen here, by a
 * count that stops at `FEW_TICKETS`: a scope of few tickets goes through the project index
 * (`likelihood` says the condition is selective; the sort is small), a larger one in queue order
 * through the queue indexes, the project a filter (`+project_id` keeps the planner off the
 * project index), stopping once the page is full. Measured at a million tickets: every page of
 * a big project, a small one (0.1 %), a tiny one or two big ones in about 2 ms.
 */
export function inProjects(db: Db, projects: readonly string[]): SQL {
  const ids = [...projects]
  const { n } = db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${tickets} WHERE ${inArray(tickets.projectId, ids)} LIMIT ${FEW_TICKETS})`,
  )
  return n < FEW_TICKETS
    ? sql`likelihood(${inArray(tickets.projectId, ids)}, 0.0001)`
    : inArray(sql`+${tickets.projectId}`, ids)
}
