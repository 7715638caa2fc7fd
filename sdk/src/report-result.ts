import type { TicketCreated } from './contract/index.js'
import type { SdkError } from './errors.js'

/**
 * What `report()` tells the caller, honestly: sent (with the reference to show), queued (kept and
 * sent later), rejected for good, or failed.
 *
 * @example
 * const result = await snag.report({ description })
 * if (result.status === 'sent') say(`Your request is ${result.reference}`)
 * else if (result.status === 'queued') say('Saved; it will be sent when the connection is back')
 * else say(result.error.errors?.map((e) => e.message).join(', ') ?? result.error.code)
 */
export type ReportResult = (
  | ({ status: 'sent' } & Omit<TicketCreated, 'status'>)
  /** Kept in the outbox and sent when the network or the server is back (`persisted`: survives a reload). */
  | { status: 'queued'; outboxId: string; persisted: boolean; error: SdkError }
  /** Refused for good: by the server (4xx, with its field errors), by `beforeSend`, or empty. */
  | { status: 'rejected'; error: SdkError }
  /** Not sent and not kept: the outbox is switched off, or the SDK itself failed. */
  | { status: 'failed'; error: SdkError }
) & { screenshotError?: SdkError }

/**
 * A queued report's fate, told when the outbox settles it later.
 *
 * @example
 * snag.on((event) => event.kind === 'sent' && toast(`${event.ticket.reference} was sent`))
 */
export type OutboxEvent = { outboxId: string } & (
  { kind: 'sent'; ticket: TicketCreated } | { kind: 'rejected'; error: SdkError }
)
