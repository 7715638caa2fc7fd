import { randomBytes } from 'node:crypto'
import { and, count, eq, gt, isNotNull } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { inboundMail, projects, ticketReplyTokens } from '../../db/schema.js'

// The mailbox reader's own tables: the tickets' reply tokens and the messages already read.

/** The token of a ticket's reply address, made with the first e-mail that needs it. */
export function replyTokenFor(tx: Tx, ticketId: string, now: string): string {
  const found = tx
    .select({ token: ticketReplyTokens.token })
    .from(ticketReplyTokens)
    .where(eq(ticketReplyTokens.ticketId, ticketId))
    .get()
  if (found) return found.token
  const token = randomBytes(16).toString('hex')
  tx.insert(ticketReplyTokens).values({ ticketId, token, createdAt: now }).run()
  return token
}

/** The ticket a reply token belongs to. */
export function ticketOfReplyToken(db: Db, token: string): string | undefined {
  return db
    .select({ ticketId: ticketReplyTokens.ticketId })
    .from(ticketReplyTokens)
    .where(eq(ticketReplyTokens.token, token))
    .get()?.ticketId
}

/** A message of a project's mailbox, as the processed-record names it. */
export interface MessageRef {
  projectId: string
  /** `user@host:port/MAILBOX`. */
  mailbox: string
  /** The Message-ID, or `uid:<UIDVALIDITY>:<UID>`. */
  messageKey: string
  uid: number
}

export type Outcome = 'comment' | 'note' | 'ticket' | 'ignored' | 'refused'

/** Whether the message was read already (whatever became of it). */
export function wasRead(db: Db, ref: MessageRef): boolean {
  return !!db
    .select({ id: inboundMail.id })
    .from(inboundMail)
    .where(
      and(
        eq(inboundMail.projectId, ref.projectId),
        eq(inboundMail.mailbox, ref.mailbox),
        eq(inboundMail.messageKey, ref.messageKey),
      ),
    )
    .get()
}

/**
 * Records what became of a message: in the transaction of the ticket change it made (so one
 * never stands without the other), or alone when it made none. A message recorded already
 * throws inside a change's transaction (rolling it back) and is left as it was otherwise.
 */
export function recordRead(
  db: Db | Tx,
  ref: MessageRef,
  what: { sender: string; outcome: Outcome; reason?: string | null; ticketId?: string | null },
  now: Date,
  inChange = false,
): void {
  const insert = db.insert(inboundMail).values({
    projectId: ref.projectId,
    mailbox: ref.mailbox,
    messageKey: ref.messageKey,
    uid: ref.uid,
    sender: what.sender,
    outcome: what.outcome,
    reason: what.reason?.slice(0, 500) ?? null,
    ticketId: what.ticketId ?? null,
    createdAt: now.toISOString(),
  })
  if (inChange) insert.run()
  else insert.onConflictDoNothing().run()
}

/** How many tickets a sender opened by e-mail in a project since `since`. */
export function ticketsOpenedBy(db: Db, projectId: string, sender: string, since: Date): number {
  return db
    .select({ n: count() })
    .from(inboundMail)
    .where(
      and(
        eq(inboundMail.projectId, projectId),
        eq(inboundMail.sender, sender),
        eq(inboundMail.outcome, 'ticket'),
        gt(inboundMail.createdAt, since.toISOString()),
      ),
    )
    .get()!.n
}

export type MailboxProject = Pick<
  typeof projects.$inferSelect,
  'id' | 'prefix' | 'massIncidentPriority' | 'mailFrom'
> & { imapUrl: string }

/** The projects that read a mailbox, with its URL as stored (password included). */
export function projectsWithMailbox(db: Db): MailboxProject[] {
  return db
    .select({
      id: projects.id,
      prefix: projects.prefix,
      massIncidentPriority: projects.massIncidentPriority,
      mailFrom: projects.mailFrom,
      imapUrl: projects.imapUrl,
    })
    .from(projects)
    .where(isNotNull(projects.imapUrl))
    .all() as MailboxProject[]
}
