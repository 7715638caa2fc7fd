import { describe, expect, it } from 'vitest'
import { dataUrl, jpegHeader, png, webpHeader } from '../../../server/test/images.js'
import { sniffImage } from './image.js'

describe('sniffImage', () => {
  it('reads the type and size of PNG, JPEG and WebP', () => {
    expect(sniffImage(png(321, 123))).toEqual({ type: 'image/png', width: 321, height: 123 })
    expect(sniffImage(jpegHeader(1920, 1080))).toEqual({
      type: 'image/jpeg',
      width: 1920,
      height: 1080,
    })
    expect(sniffImage(webpHeader(1280, 720))).toEqual({
      type: 'image/webp',
      width: 1280,
      height: 720,
    })
  })

  it('reads lossy and extended WebP headers', () => {
    const lossy = Buffer.alloc(30)
    lossy.write('RIFF', 0)
    lossy.write('WEBP', 8)
    lossy.write('VP8 ', 12)
    lossy.set([0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01], 23) // 640 × 480
    expect(sniffImage(lossy)).toEqual({ type: 'image/webp', width: 640, height: 480 })
    const extended = Buffer.alloc(30)
    extended.write('RIFF', 0)
    extended.write('WEBP', 8)
    extended.write('VP8X', 12)
    extended.set([0x7f, 0x07, 0x00, 0x37, 0x04, 0x00], 24) // 1920 × 1080
    expect(sniffImage(extended)).toEqual({ type: 'image/webp', width: 1920, height: 1080 })
  })

  it('refuses everything else, whatever it claims to be', () => {
    const fakes = [
      Buffer.from(''),
      Buffer.from('GIF89a\x01\x00\x01\x00'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.from(dataUrl('image/png', png(1, 1))),
      png(8, 8).subarray(0, 20),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]),
      Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt '),
      png(0, 5),
    ]
    for (const bytes of fakes) expect(sniffImage(bytes)).toBeNull()
  })
})
