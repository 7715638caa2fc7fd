import type {
  ReporterRequest,
  ReporterStreamEvent,
  ReporterTicket,
  TimelineEntry,
} from '../contract/index.js'
import type { SdkError } from '../errors.js'

/**
 * One of the reporter's requests, as `myRequests()` lists it.
 *
 * @example
 * for (const r of (await snag.myRequests()).items)
 *   if (r.state === 'sent') show(r.reference, r.statusText, r.unread)
 *   else if (r.state === 'queued') show('not sent yet', r.subject)
 */
export type MyRequest =
  /** Sent, as the server tells it now: the status in words, the last change, what is unread. */
  | ({ state: 'sent' } & ReporterRequest)
  /** Sent, but the server did not tell of it this time (it could not be reached). */
  | { state: 'remembered'; reference: string; statusUrl: string; createdAt: string }
  /** Waiting in the outbox, so no reference yet: it gets one once the outbox delivers it. */
  | { state: 'queued'; outboxId: string; subject: string; createdAt: string }

/**
 * What `myRequests()` answers: every request this client remembers, queued ones first, then the
 * most recently changed; with a signed-in user (`setUser` with a `signature`), theirs from any
 * device too.
 *
 * @example
 * const { items, error } = await snag.myRequests()
 * if (error) console.warn('showing what this browser remembers:', error.code)
 */
export interface MyRequests {
  items: MyRequest[]
  /**
   * `verified`: the signed-in user's requests of every device are in the list; `not_verified`:
   * the server refused the user's signature (only this client's are); `null`: no signed-in user.
   */
  identity: 'verified' | 'not_verified' | null
  /** Why the server's view is missing: then the items are only what this client remembers. */
  error?: SdkError
}

/**
 * A request opened with `request(reference)`, or why it could not be.
 *
 * @example
 * const opened = await snag.request('DEMO-42')
 * if (opened.ok && opened.request.ticket.allowedActions.includes('confirm')) await opened.request.confirm()
 */
export type RequestResult = { ok: true; request: OpenRequest } | { ok: false; error: SdkError }

/**
 * One of the reporter's requests, open: what its status page shows, and what the reporter can
 * do there. Opening (and refreshing) it marks what support wrote as seen. Each action answers
 * with the request as it is after it.
 *
 * @example
 * const opened = await snag.request('DEMO-42')
 * if (opened.ok) await opened.request.comment('It happens on the second monitor only')
 */
export interface OpenRequest {
  reference: string
  statusUrl: string
  /** The public timeline, the status, the actions allowed now (`allowedActions`). */
  ticket: ReporterTicket
  /** The reporter's own screenshot, when the report had one. */
  screenshotUrl: string | null
  refresh(): Promise<RequestResult>
  /** An answer or a comment (a request waiting on the reporter goes back to work). */
  comment(body: string): Promise<RequestResult>
  /** The solution works: the request closes. */
  confirm(): Promise<RequestResult>
  /** The solution does not work, and why: the request goes back to work. */
  reopen(reason: string): Promise<RequestResult>
  /** No longer needed. */
  withdraw(reason?: string): Promise<RequestResult>
}

/**
 * What `on('reply', fn)` hears: support wrote on one of the reporter's requests.
 *
 * @example
 * snag.on('reply', (e) => badge(e.request.unread, e.reference))
 */
export interface ReplyEvent {
  reference: string
  /** The request as it is now, its unread count included. */
  request: ReporterStreamEvent['request']
  /** What support wrote, oldest first: replies, questions, solutions, closes with their reason. */
  entries: TimelineEntry[]
}
