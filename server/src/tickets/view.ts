import { eq } from 'drizzle-orm'
import type { Context } from 'hono'
import { ApiError } from '../errors.js'
import type { Db } from '../db/client.js'
import { agents } from '../db/schema.js'
import { allowedActions } from './lifecycle.js'
import { childrenOf, projectOf, referencesOf, screenshotData, screenshotMeta, timeline, type TicketRow } from './store-read.js'

/** The ETag of a ticket: its version, which every change bumps. */
export const etagOf = (row: Pick<TicketRow, 'version'>) => `"${row.version}"`

/** `If-Match: "7"` (or `W/"7"`) → 7; absent or `*` → null; anything else → NaN (never matches). */
export function parseIfMatch(header: string | undefined): number | null {
  if (!header || header.trim() === '*') return null
  // Compared as the opaque tag it is: "01" is not the "1" we gave out.
  const match = /^(?:W\/)?"(0|[1-9]\d{0,15})"$/.exec(header.trim())
  return match ? Number(match[1]) : Number.NaN
}

/** The whole ticket as an agent sees it: every field, the timeline with internal notes, links. */
export function agentView(db: Db, row: TicketRow, publicUrl: string) {
  const project = projectOf(db, row)
  const refs = referencesOf(db, [row.parentId, row.splitFromId, row.duplicateOfId])
  const link = (id: string | null) => (id ? { id, reference: refs.get(id) ?? null } : null)
  const assignee = row.assigneeId
    ? db.select({ id: agents.id, name: agents.name, email: agents.email }).from(agents).where(eq(agents.id, row.assigneeId)).get() ?? null
    : null
  const shot = screenshotMeta(db, row.id)
  return {
    id: row.id,
    reference: row.reference,
    project: { id: project.id, name: project.name, prefix: project.prefix },
    status: row.status,
    closeReason: row.closeReason,
    category: row.category,
    priority: row.priority,
    blocking: row.blocking,
    subject: row.subject,
    description: row.description,
    reporter: JSON.parse(row.reporter),
    app: JSON.parse(row.app),
    environment: JSON.parse(row.environment),
    context: JSON.parse(row.context),
    logs: JSON.parse(row.logs),
    assignee,
    parent: link(row.parentId),
    splitFrom: link(row.splitFromId),
    duplicateOf: link(row.duplicateOfId),
    children: row.category === 'mass_incident' ? childrenOf(db, row.id) : [],
    reopenCount: row.reopenCount,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    autoCloseDueAt: row.autoCloseDueAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    screenshot: shot
      ? { url: `${publicUrl}/api/v1/tickets/${row.reference}/screenshot`, contentType: shot.contentType, width: shot.width, height: shot.height, bytes: shot.bytes }
      : null,
    allowedActions: allowedActions(row.status as never, 'agent'),
    timeline: timeline(db, row.id, 'agent'),
  }
}

/** What the reporter may see: no internal notes, no agent e-mail, no host context or logs. */
export function reporterView(db: Db, row: TicketRow) {
  const refs = referencesOf(db, [row.duplicateOfId, row.splitFromId])
  return {
    reference: row.reference,
    status: row.status,
    closeReason: row.closeReason,
    category: row.category,
    subject: row.subject,
    description: row.description,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    autoCloseDueAt: row.autoCloseDueAt,
    duplicateOf: row.duplicateOfId ? refs.get(row.duplicateOfId) ?? null : null,
    splitFrom: row.splitFromId ? refs.get(row.splitFromId) ?? null : null,
    allowedActions: allowedActions(row.status as never, 'reporter').map((a) => a.action),
    timeline: timeline(db, row.id, 'reporter'),
  }
}

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
