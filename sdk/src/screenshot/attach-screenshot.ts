import { sdkError, type SdkError } from '../errors.js'
import type { ScreenshotInput } from './attach.js'
import type { ScreenshotOptions } from './types.js'

/** The screenshot of a report as a data URL; the capture code loads only for reports that have one. */
export async function attachScreenshot(
  shot: ScreenshotInput,
  options: ScreenshotOptions,
): Promise<{ dataUrl?: string; error?: SdkError }> {
  try {
    return await (await import('./attach.js')).attach(shot, options)
  } catch (cause) {
    return { error: sdkError('screenshot_failed', { message: String(cause) }) }
  }
}

/**
 * The decoder a screenshot's upload needs, from the capture code: every capture loads it (so a
 * report queued offline keeps its picture); one sent from the outbox after a reload loads it then.
 */
export const screenshotDecoder = async () => (await import('./attach.js')).dataUrlToBlob
