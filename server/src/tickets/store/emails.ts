import { and, asc, desc, eq, gte, lt, lte, sql } from 'drizzle-orm'
import type { TicketEmail } from '@snagbox/sdk/contract'
import type { Db, Tx } from '../../db/client.js'
import { mailOutbox } from '../../db/schema.js'

// The ticket's e-mails: recorded with the change that causes them, delivered after (mail/sender).

/** One e-mail to record: what it says, to whom, and what it answers in the ticket's thread. */
export interface NewMail {
  /** At most one e-mail is ever recorded per key (`<event>:<kind>:<recipient>`). */
  dedupeKey: string
  ticketId: string
  eventId: number | null
  /** What it is about (`received`, `resolved`, `new_ticket`, …: mail/messages.ts). */
  kind: string
  audience: 'reporter' | 'agent'
  recipient: string
  sender: string
  mail: { subject: string; text: string; html: string }
  messageId: string
  headers: OutboxHeaders
}

/**
 * What the row keeps beside the rendered message, as JSON: the threading headers and — the outbox
 * has no column of its own for them — the files of the agent's reply, by id, read when it is sent.
 */
export interface OutboxHeaders {
  inReplyTo?: string
  references?: string[]
  replyTo?: string
  files?: OutboxFiles
}

/** A reply's files as its e-mail has them: the language they were worded in, and each file. */
export interface OutboxFiles {
  lang: string
  list: OutboxFile[]
}

/** One file of a reply in its e-mail. */
export interface OutboxFile {
  /** The attachment's id, and the ticket that keeps it (a mass incident's, in its children's). */
  id: string
  ticketId: string
  /** Its name as the e-mail gives it, safe for a header. */
  name: string
  bytes: number
  /** Attached to the e-mail; else only its link (`url`, opened with the e-mail's status token). */
  attached: boolean
  url: string
}

/** An e-mail of a ticket as agents see it: to whom, about what, and whether it arrived. */
export type MailRecord = TicketEmail

/**
 * Records an e-mail in the caller's transaction, for the sender to deliver once it committed.
 * `false` when one with the same key was recorded already (a change seen twice sends once).
 */
export function enqueueMail(tx: Tx, entry: NewMail, now: Date): boolean {
  const at = now.toISOString()
  const inserted = tx
    .insert(mailOutbox)
    .values({
      dedupeKey: entry.dedupeKey,
      ticketId: entry.ticketId,
      eventId: entry.eventId,
      kind: entry.kind,
      audience: entry.audience,
      recipient: entry.recipient,
      sender: entry.sender,
      subject: entry.mail.subject,
      text: entry.mail.text,
      html: entry.mail.html,
      messageId: entry.messageId,
      headers: JSON.stringify(entry.headers),
      nextAttemptAt: at,
      createdAt: at,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .run()
  return inserted.changes > 0
}

export type OutboxRow = typeof mailOutbox.$inferSelect

/**
 * Whether an e-mail was recorded under a cause's key (`reminder:<ticket>:<due>`), for any kind and
 * recipient: a range of the unique index on `dedupe_key` (`:` sorts just before `;`).
 */
export function mailRecordedFor(db: Db, key: string): boolean {
  return !!db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(gte(mailOutbox.dedupeKey, `${key}:`), lt(mailOutbox.dedupeKey, `${key};`)))
    .get()
}

/** The e-mails due for a (first or next) attempt, oldest first. */
export function dueMail(db: Db, now: Date, limit: number): OutboxRow[] {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.state, 'pending'), lte(mailOutbox.nextAttemptAt, now.toISOString())))
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
    .limit(limit)
    .all()
}

/** After an attempt: delivered, to be tried again at `retryAt`, or given up on (`retryAt` null). */
export function recordAttempt(
  db: Db,
  id: number,
  outcome: { sent: true; at: Date } | { sent: false; error: string; retryAt: Date | null },
): void {
  const attempts = sql`${mailOutbox.attempts} + 1`
  db.update(mailOutbox)
    .set(
      outcome.sent
        ? {
            state: 'sent',
            attempts,
            sentAt: outcome.at.toISOString(),
            lastError: null,
          }
        : {
            state: outcome.retryAt ? 'pending' : 'failed',
            attempts,
            lastError: outcome.error.slice(0, 500),
            ...(outcome.retryAt ? { nextAttemptAt: outcome.retryAt.toISOString() } : {}),
          },
    )
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.state, 'pending')))
    .run()
}

/** A ticket's e-mails, newest first. */
export function mailOfTicket(db: Db | Tx, ticketId: string): MailRecord[] {
  return db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      audience: sql<'reporter' | 'agent'>`${mailOutbox.audience}`,
      to: mailOutbox.recipient,
      subject: mailOutbox.subject,
      state: mailOutbox.state,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      sentAt: mailOutbox.sentAt,
      createdAt: mailOutbox.createdAt,
      eventId: mailOutbox.eventId,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.ticketId, ticketId))
    .orderBy(desc(mailOutbox.id))
    .all()
}

/**
 * Records one e-mail of a ticket again, to be sent anew (its own Message-ID); `undefined` when
 * the ticket has no such e-mail.
 */
export function resendMail(
  db: Db,
  ticketId: string,
  id: number,
  now: Date,
): MailRecord | undefined {
  return db.transaction((tx) => {
    const row = tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.ticketId, ticketId)))
      .get()
    if (!row) return undefined
    const headers = JSON.parse(row.headers) as NewMail['headers']
    enqueueMail(
      tx,
      {
        dedupeKey: `resend:${row.id}:${now.getTime()}`,
        ticketId,
        eventId: row.eventId,
        kind: row.kind,
        audience: row.audience as NewMail['audience'],
        recipient: row.recipient,
        sender: row.sender,
        mail: { subject: row.subject, text: row.text, html: row.html },
        messageId: row.messageId.replace(/@/, `.r${now.getTime()}@`),
        headers,
      },
      now,
    )
    return mailOfTicket(tx, ticketId)[0]
  })
}
