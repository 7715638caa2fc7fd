import { and, inArray, ne, or, sql, type SQL } from 'drizzle-orm'
import type { SimilarTicket } from '@snagbox/sdk/contract'
import type { Db } from '../../db/client.js'
import { ticketEvents, tickets } from '../../db/schema.js'
import { summariesOf } from './queue-page.js'
import type { TicketRow } from './read.js'
import { RARE_ROWS, rowsMatching, wordsOf } from './search.js'

/** How many similar tickets are suggested. */
export const SIMILAR_SHOWN = 10
/** The words of a ticket weighed for their rarity: the subject's first, then the description's. */
const WORDS_WEIGHED = 24
/** The rarest words asked for, any of them. */
const WORDS_ASKED = 6
/** The closest open tickets of the project kept before the links are checked. */
const CANDIDATES = 200

/**
 * Open tickets of the same project that may be the same problem, found by full-text search of
 * subjects and descriptions for the ticket's rarest words (an error code, a file name, the name of
 * a screen); the same app version and OS first, then the closest; never the ticket itself nor a
 * ticket linked to it, either way.
 *
 * Each word is counted in the index first (up to `RARE_ROWS` rows), so a common word costs
 * nothing. A ticket is similar when the rare words it shares weigh as much as the rarest one
 * (a word's weight falls with the rows it is in): one word in common with a thousand others is
 * not enough. With only common words, the newest tickets holding the two rarest together are.
 *
 * @example similarTickets(db, row, new Date()) // [{ reference: 'DEMO-17', sameEnvironment: true, … }]
 */
export function similarTickets(db: Db, row: TicketRow, now: Date): SimilarTicket[] {
  const scored = candidatesOf(
    db,
    row.projectId,
    `${row.subject}\n${row.description.slice(0, 4000)}`,
  )
  if (!scored.length) return []
  const mine = environmentOf(row)
  const open = db
    .select({
      id: tickets.id,
      number: tickets.number,
      version: sql<unknown>`json_extract(${tickets.app}, '$.version')`,
      os: sql<unknown>`lower(json_extract(${tickets.environment}, '$.os.name'))`,
      osVersion: sql<unknown>`json_extract(${tickets.environment}, '$.os.version')`,
    })
    .from(tickets)
    .where(
      and(
        inArray(
          tickets.id,
          scored.map((r) => r.id),
        ),
        // Not itself nor what it links to, nor what links to it.
        ne(tickets.id, row.id),
        ...[row.parentId, row.duplicateOfId, row.splitFromId]
          .filter((id): id is string => !!id)
          .map((id) => ne(tickets.id, id)),
        ...[tickets.parentId, tickets.duplicateOfId, tickets.splitFromId].map((column) =>
          or(sql`${column} IS NULL`, ne(column, row.id))!,
        ),
      ),
    )
    .all()
  const score = new Map(scored.map((r) => [r.id, r.score]))
  const same = new Set(
    open
      .filter(
        (t) =>
          !!mine.version &&
          !!mine.os &&
          t.version === mine.version &&
          t.os === mine.os &&
          (t.osVersion ?? null) === mine.osVersion,
      )
      .map((t) => t.id),
  )
  const order = open
    .sort(
      (a, b) =>
        Number(same.has(b.id)) - Number(same.has(a.id)) ||
        score.get(b.id)! - score.get(a.id)! ||
        a.number - b.number,
    )
    .slice(0, SIMILAR_SHOWN)
    .map((t) => t.id)
  const items = new Map(summariesOf(db, order, now).map((t) => [t.id, t]))
  return order.map((id) => ({ ...items.get(id)!, sameEnvironment: same.has(id) }))
}

/**
 * The open tickets of a project whose subject or description is like `text`, each with how alike
 * (higher: more), the closest `CANDIDATES`.
 */
function candidatesOf(db: Db, projectId: string, text: string): { id: string; score: number }[] {
  const words = [...new Set(wordsOf(text.toLowerCase()).filter((w) => w.length >= 3))].slice(
    0,
    WORDS_WEIGHED,
  )
  const term = (word: string) => `{subject description} : "${word}"`
  // The ticket's own row holds each word: another ticket's makes it 2 or more.
  const counted = words
    .map((word) => ({ word, rows: rowsMatching(db, term(word)) }))
    .filter((w) => w.rows >= 2)
    .sort((a, b) => a.rows - b.rows)
  const rare = counted
    .filter((w) => w.rows <= RARE_ROWS)
    .slice(0, WORDS_ASKED)
    .map((w) => ({ ...w, weight: Math.log((RARE_ROWS + 1) / w.rows) }))
  const common = counted.slice(0, 2)
  let rows: SQL
  if (rare.length) {
    const hits = sql.join(
      rare.map(
        (w) =>
          sql`SELECT rowid, ${w.weight} AS weight FROM ticket_search WHERE ticket_search MATCH ${term(w.word)}`,
      ),
      sql` UNION ALL `,
    )
    rows = sql`SELECT rowid, sum(weight) AS score FROM (${hits}) GROUP BY rowid HAVING score >= ${rare[0]!.weight - 1e-9}`
  } else if (common.length) {
    // Ranking thousands of matches costs more than it tells: the newest that hold both words.
    const both = common.map((w) => term(w.word)).join(' AND ')
    rows = sql`SELECT rowid, rowid AS score FROM ticket_search WHERE ticket_search MATCH ${both} ORDER BY rowid DESC LIMIT ${RARE_ROWS}`
  } else {
    return []
  }
  // The matches lead (CROSS JOIN keeps the order), whatever the planner believes of a project.
  return db.all(
    sql`SELECT e.ticket_id AS id, m.score AS score FROM (${rows}) AS m
      CROSS JOIN ${ticketEvents} AS e ON e.id = m.rowid
      CROSS JOIN ${tickets} AS t ON t.id = e.ticket_id
      WHERE t.project_id = ${projectId} AND t.status != 'closed'
      ORDER BY m.score DESC LIMIT ${CANDIDATES}`,
  )
}

/** The app version and OS of a ticket, as `sameEnvironment` compares them. */
function environmentOf(row: TicketRow) {
  const app = JSON.parse(row.app) as { version?: unknown }
  const os = (JSON.parse(row.environment) as { os?: { name?: unknown; version?: unknown } }).os
  return {
    version: typeof app.version === 'string' ? app.version : null,
    os: typeof os?.name === 'string' ? os.name.toLowerCase() : null,
    osVersion: typeof os?.version === 'string' ? os.version : null,
  }
}
