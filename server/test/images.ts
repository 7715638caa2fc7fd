import { randomUUID } from 'node:crypto'
import { png } from '../../bench/png.mjs'
import { loadConfig } from '../src/config.js'
import type { Db } from '../src/db/client.js'
import { checkScreenshot } from '../src/tickets/intake-body.js'
import { ticketEvents } from '../src/db/schema.js'
import { addAttachment, attachmentEntry } from '../src/tickets/store/create.js'

export { png }

/** The smallest JPEG header that carries a size (SOI, APP0, SOF0). */
export function jpegHeader(width: number, height: number): Buffer {
  return Buffer.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0x00,
    0x01,
    0x01,
    0x00,
    0x00,
    0x01,
    0x00,
    0x01,
    0x00,
    0x00,
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
    0xff,
    0xd9,
  ])
}

/** A lossless WebP header (RIFF, VP8L) of the given size. */
export function webpHeader(width: number, height: number): Buffer {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14)
  const vp8l = Buffer.from([
    0x2f,
    bits & 0xff,
    (bits >> 8) & 0xff,
    (bits >> 16) & 0xff,
    (bits >>> 24) & 0xff,
    0,
    0,
    0,
    0,
    0,
  ])
  const chunkHeader = Buffer.concat([Buffer.from('VP8L'), Buffer.from([vp8l.length, 0, 0, 0])])
  const body = Buffer.concat([Buffer.from('WEBP'), chunkHeader, vp8l])
  const size = Buffer.alloc(4)
  size.writeUInt32LE(body.length)
  return Buffer.concat([Buffer.from('RIFF'), size, body])
}

export const dataUrl = (type: string, bytes: Buffer) =>
  `data:${type};base64,${bytes.toString('base64')}`

/** Keeps a small image as an attachment of a ticket (as an e-mailed reply's); its id. */
export function attachTo(h: { db: Db }, ticketId: string): string {
  const id = randomUUID()
  const image = checkScreenshot(png(4, 4), loadConfig().limits)
  const file = { id, name: 'shot.png', ...image }
  // As a reporter's e-mailed reply with an image leaves it: the file and the entry naming it.
  h.db.transaction((tx) => {
    addAttachment(tx, ticketId, file, new Date())
    tx.insert(ticketEvents)
      .values({
        ticketId,
        type: 'reporter_comment',
        actorKind: 'reporter',
        data: JSON.stringify({
          body: '(images only)',
          via: 'email',
          attachments: [attachmentEntry(file)],
        }),
        createdAt: new Date().toISOString(),
      })
      .run()
  })
  return id
}
