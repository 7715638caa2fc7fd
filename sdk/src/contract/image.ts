export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const
export type ImageType = (typeof IMAGE_TYPES)[number]

export interface ImageInfo {
  type: ImageType
  width: number
  height: number
}

/**
 * Tells a real PNG, JPEG or WebP from anything else by its magic bytes and reads its size from
 * the header. Returns `null` for every other input, including a truncated or forged header.
 *
 * @example
 * const info = sniffImage(bytes) // { type: 'image/png', width: 1280, height: 720 } or null
 */
export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  if (isPng(bytes)) return sized('image/png', readPngSize(bytes))
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return sized('image/jpeg', readJpegSize(bytes))
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return sized('image/webp', readWebpSize(bytes))
  }
  return null
}

type Size = [width: number, height: number] | null

function sized(type: ImageType, size: Size): ImageInfo | null {
  if (!size || size[0] < 1 || size[1] < 1) return null
  return { type, width: size[0], height: size[1] }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function isPng(b: Uint8Array): boolean {
  return b.length >= 8 && PNG_SIGNATURE.every((v, i) => b[i] === v)
}

function readPngSize(b: Uint8Array): Size {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null
  return [u32be(b, 16), u32be(b, 20)]
}

function readJpegSize(b: Uint8Array): Size {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]!
    // Fill bytes and standalone markers carry no length.
    if (marker === 0xff) {
      i += 1
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2
      continue
    }
    const length = (b[i + 2]! << 8) | b[i + 3]!
    if (length < 2) return null
    const isStartOfFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isStartOfFrame) {
      const height = (b[i + 5]! << 8) | b[i + 6]!
      const width = (b[i + 7]! << 8) | b[i + 8]!
      return [width, height]
    }
    i += 2 + length
  }
  return null
}

function readWebpSize(b: Uint8Array): Size {
  if (b.length < 30) return null
  const chunk = ascii(b, 12, 4)
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null
    return [((b[27]! << 8) | b[26]!) & 0x3fff, ((b[29]! << 8) | b[28]!) & 0x3fff]
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)
    return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1]
  }
  if (chunk === 'VP8X') {
    return [u24le(b, 24) + 1, u24le(b, 27) + 1]
  }
  return null
}

function ascii(b: Uint8Array, start: number, length: number): string {
  let s = ''
  for (let i = start; i < start + length && i < b.length; i++) s += String.fromCharCode(b[i]!)
  return s
}

function u32be(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!
}

function u24le(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)
}
