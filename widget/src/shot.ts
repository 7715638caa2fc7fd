import { IMAGE_TYPES } from '@snagbox/sdk/contract'
import type { ScreenshotResult } from '@snagbox/sdk'

/** The screenshot the form holds. */
export interface Shot {
  blob: Blob
  /** An object URL of `blob` for the preview; revoked when the shot is replaced. */
  url: string
  /** What `report()` gets: the finished capture (masked, encoded), or a picture for the SDK to encode. */
  input: ScreenshotResult | Blob
  /** Taken by the widget, or attached or pasted by the reporter. */
  origin: 'capture' | 'file'
  /** The reporter marked it up: a new capture must not replace their work. */
  edited: boolean
}

export function shotOf(input: ScreenshotResult & { ok: true }): Shot
export function shotOf(input: Blob, origin: Shot['origin'], edited: boolean): Shot
export function shotOf(
  input: Blob | (ScreenshotResult & { ok: true }),
  origin: Shot['origin'] = 'capture',
  edited = false,
): Shot {
  const blob = input instanceof Blob ? input : input.blob
  return { blob, url: URL.createObjectURL(blob), input, origin, edited }
}

/** Whether a file is a picture type a screenshot may be (PNG, JPEG, WebP). */
export const isImageType = (type: string) => (IMAGE_TYPES as readonly string[]).includes(type)

/** The first picture among pasted or dropped items, if any. */
export function imageFrom(data: DataTransfer | null): File | null {
  for (const file of data?.files ?? []) if (isImageType(file.type)) return file
  return null
}
