import { context2d, toBlob, type CreateSurface, type Surface } from './canvas.js'

export interface Encoded {
  blob: Blob
  width: number
  height: number
  type: 'image/webp' | 'image/jpeg'
}

const QUALITIES = [0.85, 0.7, 0.55, 0.4]
/** Below this width a screenshot stops being useful to support: better none than a smear. */
const MIN_WIDTH = 320

/**
 * Scales down to `maxWidth` and encodes under `maxBytes`: quality steps down first, then the size
 * (by a quarter each time). WebP where the browser can encode it (Safari < 14 silently gives PNG),
 * JPEG otherwise. `null` when even the smallest useful picture does not fit.
 */
export async function encode(
  source: Surface,
  o: { maxWidth: number; maxBytes: number; type: 'image/webp' | 'image/jpeg' },
  create: CreateSurface,
): Promise<Encoded | null> {
  let type = o.type
  const floor = Math.min(MIN_WIDTH, source.width)
  for (
    let width = Math.min(source.width, Math.round(o.maxWidth));
    ;
    width = Math.max(floor, Math.round(width * 0.75))
  ) {
    const height = Math.max(1, Math.round((source.height * width) / source.width))
    const surface = width === source.width ? source : resize(source, width, height, create)
    for (const quality of QUALITIES) {
      let blob = await toBlob(surface, type, quality)
      if (blob && blob.type !== type && type === 'image/webp') {
        type = 'image/jpeg'
        blob = await toBlob(surface, type, quality)
      }
      if (!blob || blob.type !== type) return null
      if (blob.size <= o.maxBytes) return { blob, width, height, type }
    }
    if (width <= floor) return null
  }
}

function resize(source: Surface, width: number, height: number, create: CreateSurface): Surface {
  const target = create(width, height)
  const ctx = context2d(target)
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(source as unknown as CanvasImageSource, 0, 0, width, height)
  return target
}
