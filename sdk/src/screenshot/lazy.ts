import { sdkError, type SdkError } from '../errors.js'
import type { ScreenshotInput } from './attach.js'
import type { ScreenshotOptions, ScreenshotResult } from './types.js'

/**
 * Captures the visible part of the page as a WebP (or JPEG) under a byte budget, with password
 * fields, card fields and `[data-snagbox-mask]` blacked out and `[data-snagbox-ignore]` left out.
 * The capture code and its renderer load on first use. Never throws: check `ok`.
 *
 * @example
 * const shot = await captureScreenshot({ engine: 'html2canvas', mask: '.iban' })
 * if (shot.ok) upload(shot.blob) // image/webp, ≤ 1920 px wide, ≤ 1.5 MB
 * else console.warn(shot.error.code) // 'screenshot_timeout', 'screenshot_permission_denied', …
 */
export async function captureScreenshot(options: ScreenshotOptions = {}): Promise<ScreenshotResult> {
  try {
    return await (await import('./capture.js')).capture(options)
  } catch (cause) {
    return { ok: false, error: sdkError('screenshot_failed', { message: String(cause) }) }
  }
}

/** The screenshot of a report as a data URL; the capture code loads only for reports that have one. */
export async function attachScreenshot(shot: ScreenshotInput, options: ScreenshotOptions): Promise<{ dataUrl?: string; error?: SdkError }> {
  try {
    return await (await import('./attach.js')).attach(shot, options)
  } catch (cause) {
    return { error: sdkError('screenshot_failed', { message: String(cause) }) }
  }
}

/**
 * The decoder a screenshot's upload needs, from the capture code: a report that has a screenshot
 * loaded it already; one sent from the outbox after a reload loads it then.
 */
export const screenshotDecoder = async () => (await import('./attach.js')).dataUrlToBlob
