import type { AppInfo, Category, LogEntry, Reporter } from './contract/index.js'
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
  /** Merged over `setContext()` for this report; `false` sends no context at all. */
  context?: Record<string, unknown> | false
  /**
   * `true` to capture the page now; a Blob, File or data URL the host already has (Electron's
   * `capturePage()`, a pasted file); or a finished {@link ScreenshotResult}.
   */
  screenshot?: boolean | Blob | string | ScreenshotResult
  /**
   * `false` to leave the recent logs out of this report; a list to send exactly those lines (e.g.
   * `preview()`'s, less the ones the reporter removed).
   */
  logs?: boolean | LogEntry[]
}
