import type { Context } from 'hono'
import { IMAGE_TYPES } from '@snagbox/sdk/contract'
import type { Db } from '../db/client.js'
import { ApiError } from '../errors.js'
import { attachmentData, screenshotData, type TicketRow } from './store/read.js'

/** A stored image with its real type, shown inline, never sniffed into something else. */
function imageResponse(c: Context, image: { contentType: string; data: Buffer }, name: string) {
  const extension = image.contentType.split('/')[1]
  c.header('Content-Type', image.contentType)
  c.header('Content-Disposition', `inline; filename="${name}.${extension}"`)
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Cache-Control', 'private, max-age=3600')
  c.header('Content-Security-Policy', "default-src 'none'; sandbox")
  return c.body(new Uint8Array(image.data))
}

/** The ticket's screenshot. */
export function screenshotResponse(c: Context, db: Db, row: TicketRow) {
  const shot = screenshotData(db, row.id)
  if (!shot) throw new ApiError(404, 'not_found', `${row.reference} has no screenshot`)
  return imageResponse(c, shot, row.reference)
}

/**
 * A file that came with a message on the ticket (an image of an e-mailed reply, a file of an
 * agent's reply): an image inline, as the screenshot is; anything else only as a download of
 * `application/octet-stream`, never shown, sniffed or run as a page.
 */
export function attachmentResponse(
  c: Context,
  db: Db,
  row: TicketRow,
  id: string,
  audience: 'agent' | 'reporter',
) {
  const file = /^[0-9a-f-]{36}$/.test(id) ? attachmentData(db, row.id, id, audience) : undefined
  if (!file) throw new ApiError(404, 'not_found', `${row.reference} has no attachment ${id}`)
  if ((IMAGE_TYPES as readonly string[]).includes(file.contentType))
    return imageResponse(c, file, `${row.reference}-${id.slice(0, 8)}`)
  const name = file.name ?? `${row.reference}-${id.slice(0, 8)}`
  c.header('Content-Type', 'application/octet-stream')
  c.header(
    'Content-Disposition',
    `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`,
  )
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Cache-Control', 'private, max-age=3600')
  c.header('Content-Security-Policy', "default-src 'none'; sandbox")
  return c.body(new Uint8Array(file.data))
}
