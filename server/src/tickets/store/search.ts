import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { ticketEvents } from '../../db/schema.js'

/*
 * The full-text index (FTS5 `ticket_search`, migration 0002) holds one row per searchable timeline
 * event, its rowid the event's id: the ticket's `created` event carries the subject and the
 * description, and each public reply, reporter comment and reason its own text in `conversation`.
 * A comment is indexed once, at its own length, however long the conversation before it; a row
 * leads to its ticket through `ticket_events`.
 *
 * Databases indexed before kept one row per ticket, its `created` event's, rewritten with the
 * whole conversation at each reply. Those rows need no rebuilding: nothing writes them again, the
 * text they hold still finds their ticket, and every later event gets a row of its own.
 */

/** Writes the row of a ticket's `created` event: its subject and description. */
export function indexTicket(
  tx: Tx,
  doc: { searchId: number; subject: string; description: string },
): void {
  indexRow(tx, doc.searchId, doc.subject, doc.description, '')
}

/** Writes the row of one conversation event (a reply, a comment, a reason): its text, once. */
export function indexEvent(tx: Tx, doc: { eventId: number; text: string }): void {
  indexRow(tx, doc.eventId, '', '', doc.text)
}

function indexRow(tx: Tx, rowid: number, subject: string, description: string, text: string) {
  tx.run(sql`DELETE FROM ticket_search WHERE rowid = ${rowid}`)
  tx.run(sql`INSERT INTO ticket_search (rowid, subject, description, conversation)
    VALUES (${rowid}, ${subject}, ${description}, ${text})`)
}

/** Index rows a word may match and still count as rare: few enough to check one by one. */
const RARE_ROWS = 1_000

/** How many index rows a term matches, counted up to `RARE_ROWS + 1`. */
function rowsMatching(db: Pick<Tx, 'get'>, term: string): number {
  return (
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM (SELECT 1 FROM ticket_search WHERE ticket_search MATCH ${term} LIMIT ${RARE_ROWS + 1})`,
    )?.n ?? 0
  )
}

/**
 * The tickets that hold every word of `input` somewhere — subject, description or any event of
 * their conversation, not necessarily in one row — as a condition on `ticketId`; `null` when
 * nothing searchable is left.
 *
 * With a rare word among several (a number, a name), its few tickets are the candidates and each
 * other word is looked for only in a candidate's own rows (FTS5 seeks them by rowid): a common word
 * then costs nothing. With only common words, each word's tickets are intersected.
 */
export function textMatch(db: Pick<Tx, 'get'>, ticketId: SQLWrapper, input: string): SQL | null {
  const terms = toMatchTerms(input)
  if (!terms) return null
  const ticketsOf = (term: string) =>
    sql`SELECT ${ticketEvents.ticketId} FROM ticket_search JOIN ${ticketEvents} ON ${ticketEvents.id} = ticket_search.rowid WHERE ticket_search MATCH ${term}`
  const counted =
    terms.length > 1 ? terms.map((term) => ({ term, rows: rowsMatching(db, term) })) : []
  const rarest = counted.sort((a, b) => a.rows - b.rows)[0]
  if (!rarest || rarest.rows > RARE_ROWS) {
    return sql`(${sql.join(
      terms.map((term) => sql`${ticketId} IN (${ticketsOf(term)})`),
      sql` AND `,
    )})`
  }
  const others = counted.filter((t) => t !== rarest).map((t) => t.term)
  const holds = (term: string) =>
    sql`EXISTS (SELECT 1 FROM ticket_search WHERE ticket_search MATCH ${term} AND ticket_search.rowid IN (SELECT own.id FROM ticket_events AS own WHERE own.ticket_id = candidate.ticket_id))`
  // The candidates are a subquery of their own, so the other words are checked once per
  // candidate, never once per ticket the outer query walks in queue order.
  return sql`${ticketId} IN (SELECT candidate.ticket_id FROM (${ticketsOf(rarest.term)}) AS candidate WHERE ${sql.join(others.map(holds), sql` AND `)})`
}

/**
 * Turns what a person typed into FTS5 queries that can't fail: every word (at most 16) becomes a
 * quoted term, the last one a prefix, so operators, quotes and SQL in the input are just text.
 * Returns `null` when nothing searchable is left.
 *
 * @example toMatchTerms('export "fails') // ['"export"', '"fails"*']
 */
export function toMatchTerms(input: string): string[] | null {
  const words = input
    .normalize('NFKC')
    .match(/[\p{L}\p{N}_]+/gu)
    ?.slice(0, 16)
  if (!words?.length) return null
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`)
}
