import { context2d, type CreateSurface } from './canvas.js'

const SAMPLE = 24

/** True when every sampled pixel is the same colour: an empty first capture (Safari), a cleared WebGL buffer. */
export function isUniform(data: ArrayLike<number>): boolean {
  for (let i = 4; i < data.length; i++) if (data[i] !== data[i % 4]) return false
  return true
}

/** Samples a picture at 24 × 24: enough to tell a rendering from an empty one, cheap for any size. */
export function sample(image: CanvasImageSource, create: CreateSurface): Uint8ClampedArray {
  const ctx = context2d(create(SAMPLE, SAMPLE))
  ctx.drawImage(image, 0, 0, SAMPLE, SAMPLE)
  return ctx.getImageData(0, 0, SAMPLE, SAMPLE).data
}

/** Every sampled pixel fully transparent: nothing was drawn (a WebGL canvas without `preserveDrawingBuffer`). */
export function isTransparent(data: ArrayLike<number>): boolean {
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return false
  return true
}
