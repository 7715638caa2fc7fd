import { sdkError } from '../errors.js'
import { screenshotDecoder } from './attach-screenshot.js'
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
export async function captureScreenshot(
  options: ScreenshotOptions = {},
): Promise<ScreenshotResult> {
  // What a report needs to carry this picture comes along now, while the network is surely here:
  // a report sent (or queued) after the connection drops must not lose its screenshot.
  screenshotDecoder().catch(() => {})
  try {
    return await (await import('./capture.js')).capture(options)
  } catch (cause) {
    return { ok: false, error: sdkError('screenshot_failed', { message: String(cause) }) }
  }
}
