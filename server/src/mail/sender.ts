import { backoff } from '@snagbox/sdk/contract'
import nodemailer from 'nodemailer'
import type { AppDeps } from '../deps.js'
import {
  dueMail,
  recordAttempt,
  type OutboxHeaders,
  type OutboxRow,
} from '../tickets/store/emails.js'
import { recordReminders } from './reminders.js'
import { filesToSend } from './reply-files.js'

/** Replies that say an address will never take the message: no point trying again. */
const PERMANENT = new Set([501, 550, 551, 553])

/**
 * Whether an SMTP error is a refusal of the message's size: reply 552, or the enhanced status
 * 5.3.4 (message too big for the system) or 5.2.3 (too big for the mailbox) with any reply code
 * (`523 5.3.4`, `554 5.2.3` are in use too). nodemailer gives the code as `responseCode` and the
 * server's reply as `response`.
 */
export function sizeRefused(err: unknown): boolean {
  const { responseCode, response } = (err ?? {}) as { responseCode?: unknown; response?: unknown }
  if (responseCode === 552) return true
  return typeof response === 'string' && /^\d{3}[ -]5\.(?:3\.4|2\.3)(?!\d)/.test(response)
}

export interface MailSender {
  /** Delivers what is due now; resolves with how many were sent. */
  run(): Promise<number>
  /** Stops, after the attempt in flight. */
  stop(): Promise<void>
}

/**
 * Delivers the recorded e-mails (and records the reminders that fell due) through the SMTP
 * server of `--smtp-url`: at once after a change
 * committed, then every few seconds for retries, with backoff, until `--mail-retry-hours` after
 * the e-mail was recorded. One refused for the size of its files goes again at once with links
 * instead ({@link sizeRefused}). An e-mail is marked sent only once the SMTP server took it; one taken
 * by the server just before a crash may be sent again after the restart (with the same Message-ID).
 *
 * @example const sender = startMailSender(deps); …; await sender.stop()
 */
export function startMailSender(
  deps: Pick<AppDeps, 'db' | 'config' | 'now' | 'changes'>,
  options: { intervalMs?: number; random?: () => number } = {},
): MailSender {
  const { db, config } = deps
  const transport = nodemailer.createTransport(config.mail.smtpUrl!)
  const random = options.random ?? Math.random
  let running: Promise<number> | null = null
  let again = false
  let stopped = false

  const send = async (row: OutboxRow): Promise<boolean> => {
    const headers = JSON.parse(row.headers) as OutboxHeaders
    const deliver = (body: ReturnType<typeof filesToSend>) =>
      transport.sendMail({
        from: row.sender,
        to: row.recipient,
        subject: row.subject,
        ...body,
        messageId: row.messageId,
        ...(headers.inReplyTo ? { inReplyTo: headers.inReplyTo } : {}),
        ...(headers.references ? { references: headers.references } : {}),
        ...(headers.replyTo ? { replyTo: headers.replyTo } : {}),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      })
    try {
      const body = headers.files
        ? filesToSend(db, row, headers.files)
        : { text: row.text, html: row.html, attachments: [] }
      try {
        await deliver(body)
      } catch (err) {
        // A receiving server that takes less than the files: the same e-mail at once, each file
        // its link, rather than retries of a message it will never take.
        if (!headers.files || !body.attachments.length || !sizeRefused(err)) throw err
        await deliver(filesToSend(db, row, headers.files, false))
      }
      recordAttempt(db, row.id, { sent: true, at: deps.now() })
      return true
    } catch (err) {
      const { responseCode, message } = err as { responseCode?: number; message?: string }
      const now = deps.now()
      const wait = backoff(row.attempts, 30_000, 3_600_000, random)
      const giveUpAt = Date.parse(row.createdAt) + config.mail.retryHours * 3_600_000
      const retry =
        !PERMANENT.has(responseCode ?? 0) && now.getTime() + wait <= giveUpAt
          ? new Date(now.getTime() + wait)
          : null
      recordAttempt(db, row.id, { sent: false, error: message ?? String(err), retryAt: retry })
      return false
    }
  }

  const drain = async (): Promise<number> => {
    let sent = 0
    do {
      again = false
      for (const row of dueMail(db, deps.now(), 50)) {
        if (stopped) return sent
        if (await send(row)) sent++
      }
    } while (again && !stopped)
    return sent
  }

  const run = (): Promise<number> => {
    if (running) {
      again = true
      return running
    }
    running = drain().finally(() => (running = null))
    return running
  }

  const quiet = () => run().catch((err: unknown) => console.error('Snagbox mail sender:', err))
  // A committed change only wakes the sender; the reminders that fell due are looked for on the
  // timer, not on every write.
  const tick = () => {
    try {
      recordReminders(db, config, deps.now())
    } catch (err) {
      console.error('Snagbox mail reminders:', err)
    }
    void quiet()
  }
  const unsubscribe = deps.changes.subscribe(() => void quiet())
  const timer = setInterval(tick, options.intervalMs ?? 5_000)
  timer.unref()
  tick()

  return {
    run,
    async stop() {
      stopped = true
      unsubscribe()
      clearInterval(timer)
      await running
      transport.close()
    },
  }
}
