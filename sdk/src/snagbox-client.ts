import type { AppInfo, Reporter, TicketPayload } from './contract/index.js'
import type { CollectedEnvironment } from './environment/types.js'
import type { ReportInput } from './report-input.js'
import type { OutboxEvent, ReportResult } from './report-result.js'
import type { MyRequests, ReplyEvent, RequestResult } from './requests/types.js'
import type { ScreenshotOptions, ScreenshotResult } from './screenshot/types.js'

/**
 * The SDK client `createClient()` returns.
 *
 * @example
 * const snag: SnagboxClient = createClient({ endpoint, projectKey })
 * snag.setContext({ screen: 'orders' })
 * await snag.report({ description: 'Totals are wrong' })
 */
export interface SnagboxClient {
  report(input: ReportInput): Promise<ReportResult>
  /**
   * The payload `report(input)` would send now — environment, app, reporter, context and the
   * recent logs — without its screenshot and before `beforeSend`: what to show the reporter
   * before they send. Sends nothing.
   */
  preview(input: ReportInput): Promise<TicketPayload>
  collectEnvironment(): Promise<CollectedEnvironment>
  captureScreenshot(options?: ScreenshotOptions): Promise<ScreenshotResult>
  /**
   * Fetches ahead, without using them, the parts a report loads on first use: the user-agent
   * parser and, unless `screenshot: false`, the capture code and its renderer (82 KB gzip). Call
   * it when a report is likely (the pointer over the host's "Report a problem" button), and the
   * first one waits for no download; a report offline later has them too. `true` once all is at
   * hand, `false` when a part could not be fetched now (it is tried again when needed); never
   * rejects.
   */
  prepare(options?: { screenshot?: boolean }): Promise<boolean>
  /** Merges into the app facts (`{ version, build }`). */
  setApp(app: AppInfo): void
  /**
   * The reporter of every next report; `null` forgets them. With the host's `id` of its signed-in
   * user and the `signature` its backend made of it, the user's requests are theirs on any device.
   */
  setUser(user: Reporter | null): void
  /** Merges into the host's context. */
  setContext(context: Record<string, unknown>): void
  /** Sends the queued reports now. */
  flush(): Promise<void>
  /** Reports waiting in the outbox. */
  pending(): Promise<number>
  /**
   * Listens for queued reports being settled later: `sent` with the ticket (its reference and
   * status link) once the outbox delivers it, or `rejected`. Returns the unsubscribe function.
   */
  on(listener: (event: OutboxEvent) => void): () => void
  /**
   * Listens for support writing on one of the reporter's requests (a reply, a question, a
   * solution), live while a listener is there. Returns the unsubscribe function.
   */
  on(event: 'reply', listener: (event: ReplyEvent) => void): () => void
  /**
   * The reporter's requests: every one this client sent (queued ones too), with their status in
   * words and what support wrote since the reporter last looked; with a signed-in user, theirs
   * from any device. Never rejects: without the server, what this client remembers.
   */
  myRequests(): Promise<MyRequests>
  /** Opens one of the reporter's requests by its reference: its timeline, and what to do on it. */
  request(reference: string): Promise<RequestResult>
  /** Stops listening, recording logs and retrying; queued reports stay for the next start. */
  close(): void
}
