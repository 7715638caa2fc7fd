import type { Db } from '../../db/client.js'
import { findTicket, findTicketById, type TicketRow } from '../../tickets/store/read.js'
import type { InboundMessage } from './parse.js'
import { replyTokensIn } from './reply-address.js'
import { ticketOfReplyToken } from './store.js'

/** How a message was found to be about a ticket: its reply address, its thread, its subject. */
export type MatchedBy = 'reply_address' | 'thread' | 'subject'

/** Our Message-IDs: `<DEMO-42.<key>.<kind>.<hex>@domain>` and the thread's root `<DEMO-42@domain>`. */
const OUR_MESSAGE_ID = /^<([A-Z][A-Z0-9]{0,9}-\d{1,12})(?:\.[^@<>]{1,200})?@([^@<>]{1,255})>$/
const SUBJECT_REFERENCE = /\[([A-Z][A-Z0-9]{0,9}-\d{1,12})\]/g

/**
 * The ticket of this project a message is about, if any, looked for in this order: a reply
 * address (`support+<token>@…`: unguessable, so the surest), the Message-IDs it answers (ours
 * name the ticket, on one of our domains), then a `[DEMO-42]` in the subject.
 *
 * @example findTicketFor(db, { projectId, prefix: 'DEMO', domains }, message) // { ticket, by: 'thread' }
 */
export function findTicketFor(
  db: Db,
  project: { id: string; prefix: string; domains: Set<string> },
  m: InboundMessage,
): { ticket: TicketRow; by: MatchedBy } | null {
  const ours = (t: TicketRow | undefined) => (t && t.projectId === project.id ? t : undefined)
  for (const token of replyTokensIn(m.recipients)) {
    const id = ticketOfReplyToken(db, token)
    const ticket = ours(id ? findTicketById(db, id) : undefined)
    if (ticket) return { ticket, by: 'reply_address' }
  }
  for (const messageId of m.thread) {
    const match = OUR_MESSAGE_ID.exec(messageId)
    if (!match || !project.domains.has(match[2]!.toLowerCase())) continue
    const ticket = ours(findTicket(db, match[1]!))
    if (ticket) return { ticket, by: 'thread' }
  }
  for (const [, reference] of m.subject.matchAll(SUBJECT_REFERENCE)) {
    if (!reference!.startsWith(`${project.prefix}-`)) continue
    const ticket = ours(findTicket(db, reference!))
    if (ticket) return { ticket, by: 'subject' }
  }
  return null
}
