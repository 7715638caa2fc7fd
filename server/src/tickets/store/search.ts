import { eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { Reporter } from '@snagbox/sdk/contract'
import type { Tx } from '../../db/client.js'
import { ticketEvents, tickets } from '../../db/schema.js'

/*
 * The full-text index (FTS5 `ticket_search`, migrations 0002 and 0013) holds one row per
 * searchable timeline event, its rowid the event's id: the ticket's `created` event carries the
 * subject, the description, the reporter (name, e-mail, organization) and the context's values, and
 * each public reply, reporter comment and reason its own text in `conversation`. A comment is
 * indexed once, at its own length, however long the conversation before it; a row leads to its
 * ticket through `ticket_events`.
 *
 * Databases indexed before kept one row per ticket, its `created` event's, rewritten with the
 * whole conversation at each reply. Those rows need no rebuilding: nothing writes them again, the
 * text they hold still finds their ticket, and every later event gets a row of its own.
 */

/** What a ticket's `created` row holds. */
export interface TicketDoc {
  searchId: number
  subject: string
  description: string
  reporter: Reporter
  context: Record<string, unknown>
}

/** Writes the row of a ticket's `created` event: its subject, description, reporter and context. */
export function indexTicket(tx: Tx, doc: TicketDoc): void {
  indexRow(tx, doc.searchId, {
    subject: doc.subject,
    description: doc.description,
    reporter: reporterText(doc.reporter),
    context: contextText(doc.context),
  })
}

/** Writes the row of one conversation event (a reply, a comment, a reason): its text, once. */
export function indexEvent(tx: Tx, doc: { eventId: number; text: string }): void {
  indexRow(tx, doc.eventId, { conversation: doc.text })
}

function indexRow(
  tx: Tx,
  rowid: number,
  row: Partial<Record<'subject' | 'description' | 'conversation' | 'reporter' | 'context', string>>,
) {
  tx.run(sql`DELETE FROM ticket_search WHERE rowid = ${rowid}`)
  tx.run(sql`INSERT INTO ticket_search (rowid, subject, description, conversation, reporter, context)
    VALUES (${rowid}, ${row.subject ?? ''}, ${row.description ?? ''}, ${row.conversation ?? ''}, ${row.reporter ?? ''}, ${row.context ?? ''})`)
}

/** The reporter as the index holds it: name, e-mail and organization, a line each (as 0013 wrote them). */
function reporterText(reporter: Reporter): string {
  return [reporter.name, reporter.email, reporter.organization]
    .filter((v): v is string => typeof v === 'string')
    .join('\n')
}

/** The context's values, strings and numbers at any depth, not its keys (as 0013 wrote them). */
function contextText(context: unknown): string {
  if (typeof context === 'string') return context
  if (typeof context === 'number') return Number.isFinite(context) ? String(context) : ''
  if (typeof context !== 'object' || context === null) return ''
  return Object.values(context).map(contextText).filter(Boolean).join(' ')
}

/** The tickets of the index rows an FTS5 query matches. */
const ticketsOf = (query: string) =>
  sql`SELECT ${ticketEvents.ticketId} FROM ticket_search JOIN ${ticketEvents} ON ${ticketEvents.id} = ticket_search.rowid WHERE ticket_search MATCH ${query}`

/**
 * The tickets whose reporter — name, e-mail or organization — holds every word of `input` (the
 * last one as a prefix), as a condition on `ticketId`; `null` when nothing searchable is left.
 *
 * @example reporterMatch(tickets.id, 'anna kvant') // Anna Petrova of Kvant Energo
 */
export function reporterMatch(ticketId: SQLWrapper, input: string): SQL | null {
  const terms = toMatchTerms(input)
  if (!terms) return null
  return sql`${ticketId} IN (${ticketsOf(`reporter : (${terms.join(' AND ')})`)})`
}

/**
 * The tickets whose reporter holds `text` word for word, in order (an e-mail address, an
 * organization's name): candidates for an exact comparison, found through the index.
 *
 * @example reporterPhrase(tickets.id, 'anna@kvant.example') // "anna kvant example"
 */
export function reporterPhrase(ticketId: SQLWrapper, text: string): SQL {
  const words = wordsOf(text)
  if (!words.length) return sql`0`
  return sql`${ticketId} IN (${ticketsOf(`reporter : "${words.join(' ')}"`)})`
}

/** Index rows a word may match and still count as rare: few enough to check one by one. */
export const RARE_ROWS = 1_000

/** How many index rows a term matches, counted up to `RARE_ROWS + 1`. */
export function rowsMatching(db: Pick<Tx, 'get'>, term: string): number {
  return (
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM (SELECT 1 FROM ticket_search WHERE ticket_search MATCH ${term} LIMIT ${RARE_ROWS + 1})`,
    )?.n ?? 0
  )
}

const REFERENCE = /^[A-Za-z][A-Za-z0-9]{0,9}-\d{1,9}$/

type Counted = { term: string; rows: number }

/**
 * The queue's search box as a condition on `tickets`: the tickets that hold every word of `input`
 * somewhere — subject, description, reporter, context or any event of their conversation, not
 * necessarily in one row — and, when `input` is a reference (`demo-12`), that ticket.
 *
 * With a rare word (a number, a name), its few tickets are the candidates and each other word is
 * looked for only in a candidate's own rows (FTS5 seeks them by rowid): a common word then costs
 * nothing. With only common words, their tickets are intersected first, as the tickets' rowids.
 * For a `page`, `+rowid` keeps SQLite walking the queue's own index in order, testing each entry
 * against that set without reading its row, so only the page's rows are read; driven by the first
 * word's list instead, it read and sorted every ticket holding that word for a page of 25 (15,000
 * of 100,000 tickets for `ошибка принтер`, which no ticket holds both of). For a `count`, the set
 * drives: each of its tickets is read once, never a ticket outside it.
 *
 * @example searchMatch(db, 'printer offline', 'page') // tickets with "printer" and "offline…"
 */
export function searchMatch(db: Pick<Tx, 'get'>, input: string, use: 'page' | 'count'): SQL {
  const reference = REFERENCE.test(input) ? input.toUpperCase() : null
  const byReference = reference ? [eq(tickets.reference, reference)] : []
  const terms = toMatchTerms(input)
  if (!terms) return byReference[0] ?? sql`0`
  const [rarest, ...others] = terms
    .map((term) => ({ term, rows: rowsMatching(db, term) }))
    .sort((a, b) => a.rows - b.rows) as [Counted, ...Counted[]]
  if (rarest.rows <= RARE_ROWS) {
    const candidates = ticketsOf(rarest.term)
    const found = others.length
      ? sql`${tickets.id} IN (SELECT candidate.ticket_id FROM (${candidates}) AS candidate WHERE ${sql.join(
          others.map((t) => holds(t.term)),
          sql` AND `,
        )})`
      : sql`${tickets.id} IN (${candidates})`
    return sql`(${sql.join([found, ...byReference], sql` OR `)})`
  }
  const all = sql.join(
    terms.map((term) => ticketsOf(term)),
    sql` INTERSECT `,
  )
  const rowids = [
    sql`SELECT found.rowid FROM ${tickets} AS found WHERE found.id IN (${all})`,
    ...(reference
      ? [sql`SELECT named.rowid FROM ${tickets} AS named WHERE named.reference = ${reference}`]
      : []),
  ]
  const rowid = use === 'page' ? sql`+${tickets}.rowid` : sql`${tickets}.rowid`
  return sql`${rowid} IN (${sql.join(rowids, sql` UNION ALL `)})`
}

/**
 * Whether a candidate (`candidate.ticket_id`) holds `term` in one of its own rows. The
 * candidates are a subquery of their own, so this is checked once per candidate, never once per
 * ticket the outer query walks in queue order.
 */
const holds = (term: string) =>
  sql`EXISTS (SELECT 1 FROM ticket_search WHERE ticket_search MATCH ${term} AND ticket_search.rowid IN (SELECT own.id FROM ticket_events AS own WHERE own.ticket_id = candidate.ticket_id))`

/**
 * Turns what a person typed into FTS5 queries that can't fail: each word (at most 16 in all)
 * becomes a quoted term, the last one a prefix, so operators, quotes and SQL in the input are just
 * text. Words joined by anything but a space (an e-mail address, `tenant-7`, `4.30.34`) stay one
 * term, a phrase: found as written, in order. Returns `null` when nothing searchable is left.
 *
 * @example toMatchTerms('export "fails') // ['"export"', '"fails"*']
 * @example toMatchTerms('anna@kvant.example') // ['"anna kvant example"*']
 */
export function toMatchTerms(input: string): string[] | null {
  let left = 16
  const phrases = input
    .normalize('NFKC')
    .split(/\s+/)
    .map((chunk) => {
      const words = wordsOf(chunk).slice(0, Math.max(0, left))
      left -= words.length
      return words
    })
    .filter((words) => words.length)
  if (!phrases.length) return null
  return phrases.map((words, i) => `"${words.join(' ')}"${i === phrases.length - 1 ? '*' : ''}`)
}

/** The words of a text, letters and digits only: nothing in them means anything to FTS5. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').match(/[\p{L}\p{N}_]+/gu) ?? []
}
