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

/**
 * Fetches what a capture needs — the capture code and its renderer (snapdom's is about 82 KB gzip)
 * — without capturing, so the first capture starts at once. Call it when a report is likely: the
 * pointer over your "Report a problem" button, a help menu opening. Resolves `true` once all is
 * at hand, `false` when a part could not be fetched now (a capture tries again); never rejects.
 *
 * @example
 * helpButton.addEventListener('pointerenter', () => void prepareScreenshot(), { once: true })
 */
export async function prepareScreenshot(options: ScreenshotOptions = {}): Promise<boolean> {
  try {
    await Promise.all([screenshotDecoder(), (await import('./capture.js')).prepare(options)])
    return true
  } catch {
    return false
  }
}
