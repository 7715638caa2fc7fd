import { IMAGE_TYPES } from '@snagbox/sdk/contract'
import type { ScreenshotResult } from '@snagbox/sdk'
import type { Mark } from './screenshot-markup.js'

/** A picture: its bytes, an object URL of them, and what `report()` gets for it. */
export interface Picture {
  blob: Blob
  /** An object URL of `blob`; revoked when no shot shows it any more. */
  url: string
  /** The finished capture (masked, encoded), or a picture for the SDK to encode. */
  input: ScreenshotResult | Blob
}

/** The screenshot the form holds: the picture as it will be sent, and how it was made. */
export interface Shot extends Picture {
  /** Taken by the widget, or attached or pasted by the reporter. */
  origin: 'capture' | 'file'
  /**
   * The picture without the reporter's marks. The editor draws on it with `marks`, so every mark
   * stays editable (and undoable) until Send; `blob` is the two flattened.
   */
  plain: Picture
  /** The reporter's marks, in the picture's pixels. Marked up: a new capture must not replace it. */
  marks: Mark[]
}

const pictureOf = (input: Blob | ScreenshotResult): Picture => {
  const blob = input instanceof Blob ? input : (input as ScreenshotResult & { ok: true }).blob
  return { blob, url: URL.createObjectURL(blob), input }
}

/** A shot of a capture or a picture, without marks. */
export function shotOf(
  input: Blob | (ScreenshotResult & { ok: true }),
  origin: Shot['origin'],
): Shot {
  const plain = pictureOf(input)
  return { ...plain, origin, plain, marks: [] }
}

/** The same shot with other marks: `flattened` is the picture with them drawn on (none: the plain one). */
export function markedShot(shot: Shot, marks: Mark[], flattened: Blob | null): Shot {
  const picture = flattened && marks.length ? pictureOf(flattened) : shot.plain
  return { ...shot, ...picture, marks: picture === shot.plain ? [] : marks }
}

/** The object URLs `shot` shows that `next` does not, to be revoked. */
export const staleUrls = (shot: Shot | null, next: Shot | null): string[] =>
  shot
    ? [...new Set([shot.url, shot.plain.url])].filter(
        (url) => url !== next?.url && url !== next?.plain.url,
      )
    : []

/** Whether a file is a picture type a screenshot may be (PNG, JPEG, WebP). */
export const isImageType = (type: string) => (IMAGE_TYPES as readonly string[]).includes(type)

/** The first picture among pasted or dropped items, if any. */
export function imageFrom(data: DataTransfer | null): File | null {
  for (const file of data?.files ?? []) if (isImageType(file.type)) return file
  return null
}
