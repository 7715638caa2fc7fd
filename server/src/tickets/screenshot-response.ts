import type { Context } from 'hono'
import type { Db } from '../db/client.js'
import { ApiError } from '../errors.js'
import { screenshotData, type TicketRow } from './store/read.js'

/** The screenshot with its real type, shown inline and never sniffed into something else. */
export function screenshotResponse(c: Context, db: Db, row: TicketRow) {
  const shot = screenshotData(db, row.id)
  if (!shot) throw new ApiError(404, 'not_found', `${row.reference} has no screenshot`)
  const extension = shot.contentType.split('/')[1]
  c.header('Content-Type', shot.contentType)
  c.header('Content-Disposition', `inline; filename="${row.reference}.${extension}"`)
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Cache-Control', 'private, max-age=3600')
  c.header('Content-Security-Policy', "default-src 'none'; sandbox")
  return c.body(new Uint8Array(shot.data))
}
