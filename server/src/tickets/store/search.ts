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

/**
 * The tickets that hold every word of `input` somewhere — subject, description or any event of
 * their conversation, not necessarily in one row — as a condition on `ticketId`; `null` when
 * nothing searchable is left.
 */
export function textMatch(ticketId: SQLWrapper, input: string): SQL | null {
  const terms = toMatchTerms(input)
  if (!terms) return null
  const holding = (term: string) =>
    sql`${ticketId} IN (SELECT ${ticketEvents.ticketId} FROM ticket_search JOIN ${ticketEvents} ON ${ticketEvents.id} = ticket_search.rowid WHERE ticket_search MATCH ${term})`
  return sql`(${sql.join(terms.map(holding), sql` AND `)})`
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
