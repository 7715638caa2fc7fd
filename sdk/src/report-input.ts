import type { AppInfo, Category, Environment, Reporter, TicketPayload } from './contract/index.js'
import type { SdkError } from './errors.js'
import type { LogBuffer } from './logs/log-buffer.js'
import type { ResolvedOptions } from './options.js'
import { attachScreenshot } from './screenshot/lazy.js'
import type { ScreenshotResult } from './screenshot/types.js'

/**
 * One problem report, as the host hands it to `report()`.
 *
 * @example
 * const input: ReportInput = { description: 'Cannot save', category: 'incident', blocking: true, screenshot: true }
 */
export interface ReportInput {
  description: string
  subject?: string
  category?: Category
  /** The problem stops the reporter's work (starts at priority `high`). */
  blocking?: boolean
  /** Merged over `setUser()` for this report. */
  reporter?: Reporter
  /** Merged over the client's `app` for this report. */
  app?: AppInfo
  /** Merged over `setContext()` for this report. */
  context?: Record<string, unknown>
  /**
   * `true` to capture the page now; a Blob, File or data URL the host already has (Electron's
   * `capturePage()`, a pasted file); or a finished {@link ScreenshotResult}.
   */
  screenshot?: boolean | Blob | string | ScreenshotResult
  /** `false` to leave the recent logs out of this report. */
  logs?: boolean
}

/** Puts a report together: the client's facts, the report's own, the logs and the picture. */
export async function buildPayload(
  input: ReportInput,
  o: Pick<ResolvedOptions, 'app' | 'user' | 'context' | 'screenshot' | 'logs'>,
  environment: Environment,
  logs: LogBuffer | null,
): Promise<{ payload: TicketPayload; screenshotError?: SdkError }> {
  const payload: TicketPayload = {
    category: input.category,
    blocking: input.blocking,
    subject: input.subject,
    description: input.description,
    reporter: { ...o.user, ...input.reporter },
    app: { ...o.app, ...input.app },
    environment,
    context: { ...o.context, ...input.context },
  }
  if (logs && o.logs && input.logs !== false) payload.logs = logs.snapshot()
  if (!input.screenshot) return { payload }
  const { dataUrl, error } = await attachScreenshot(input.screenshot, o.screenshot)
  payload.screenshot = dataUrl
  return { payload, screenshotError: error }
}
