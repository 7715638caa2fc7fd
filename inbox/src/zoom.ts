// The lightbox's geometry, pure: an image of a natural size drawn at `scale`, its top left
// corner at (x, y) in the frame that shows it (CSS transform-origin 0 0).

export interface View {
  scale: number
  x: number
  y: number
}
export interface Size {
  w: number
  h: number
}

/** From a twentieth of the image to eight times its pixels. */
export const MIN_SCALE = 0.05
export const MAX_SCALE = 8

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/**
 * The image where it can be seen: centred along a side the frame is longer on, else kept from
 * leaving an empty margin on that side.
 *
 * @example
 * clampView({ scale: 1, x: 500, y: 0 }, { w: 800, h: 600 }, { w: 400, h: 300 }) // x: 0
 */
export function clampView(view: View, image: Size, frame: Size): View {
  const scale = clamp(view.scale, MIN_SCALE, MAX_SCALE)
  const side = (at: number, length: number, room: number) =>
    length <= room ? (room - length) / 2 : clamp(at, room - length, 0)
  return {
    scale,
    x: side(view.x, image.w * scale, frame.w),
    y: side(view.y, image.h * scale, frame.h),
  }
}

/** The whole image in the frame, centred, never enlarged past its own pixels. */
export function fitView(image: Size, frame: Size): View {
  const scale = clamp(Math.min(frame.w / image.w, frame.h / image.h, 1), MIN_SCALE, MAX_SCALE)
  return clampView({ scale, x: 0, y: 0 }, image, frame)
}

/**
 * Zoomed by `factor` around the point (px, py) of the frame: what is under that point stays
 * under it (the cursor of a wheel, the middle of a pinch).
 *
 * @example
 * zoomAt({ scale: 1, x: 0, y: 0 }, 2, 100, 100) // { scale: 2, x: -100, y: -100 }
 */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = clamp(view.scale * factor, MIN_SCALE, MAX_SCALE)
  const ratio = scale / view.scale
  return { scale, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio }
}
