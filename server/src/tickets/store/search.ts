import { sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'

/**
 * Writes a ticket's row of the full-text index (FTS5 `ticket_search`), replacing what was there.
 * `searchId` is the id of the ticket's `created` event; `conversation` is the public replies and
 * the reporter's comments, one per line.
 */
export function indexTicket(
  tx: Tx,
  doc: { searchId: number; subject: string; description: string; conversation?: string },
): void {
  tx.run(sql`DELETE FROM ticket_search WHERE rowid = ${doc.searchId}`)
  tx.run(sql`INSERT INTO ticket_search (rowid, subject, description, conversation)
    VALUES (${doc.searchId}, ${doc.subject}, ${doc.description}, ${doc.conversation ?? ''})`)
}

/**
 * Turns what a person typed into an FTS5 query that can't fail: every word becomes a quoted
 * term (the last one a prefix), so operators, quotes and SQL in the input are just text.
 * Returns `null` when nothing searchable is left.
 *
 * @example toMatchQuery('export "fails') // '"export" "fails"*'
 */
export function toMatchQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .match(/[\p{L}\p{N}_]+/gu)
    ?.slice(0, 16)
  if (!words?.length) return null
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ')
}
