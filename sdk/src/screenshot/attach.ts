import { blobToDataUrl } from '../data-url.js'
import type { SdkError } from '../errors.js'
import { capture } from './capture.js'
import type { ScreenshotOptions, ScreenshotResult } from './types.js'

/** What `report({ screenshot })` accepts: capture now, the host's own picture, or a finished capture. */
export type ScreenshotInput = true | Blob | string | ScreenshotResult

/** Turns a report's screenshot into the data URL its payload (and the outbox) carries. */
export async function attach(
  shot: ScreenshotInput,
  options: ScreenshotOptions,
): Promise<{ dataUrl?: string; error?: SdkError }> {
  const result =
    shot === true
      ? await capture(options)
      : typeof shot === 'string' || shot instanceof Blob
        ? await capture({ ...options, image: shot })
        : shot
  return result.ok ? { dataUrl: await blobToDataUrl(result.blob) } : { error: result.error }
}

/** For the upload of a report's screenshot: loaded with this, so the core does without it. */
export { dataUrlToBlob } from '../data-url.js'
