import { eq } from 'drizzle-orm'
import {
  ticketPaths,
  type AgentTicket,
  type Category,
  type CloseReason,
  type Priority,
  type ReporterTicket,
  type Status,
} from '@snagbox/sdk/contract'
import type { Db } from '../../db/client.js'
import { agents } from '../../db/schema.js'
import { mailOfTicket } from './emails.js'
import { allowedActions } from '../lifecycle/allowed.js'
import {
  childrenOf,
  projectOf,
  referencesOf,
  screenshotMeta,
  timeline,
  type TicketRow,
} from './read.js'

// The views answer with the contract's shapes; the row's text columns hold only its values.
const lifecycleOf = (row: TicketRow) => ({
  status: row.status as Status,
  closeReason: row.closeReason as CloseReason | null,
  category: row.category as Category,
})

/** The whole ticket as an agent sees it: every field, the timeline with internal notes, links. */
export function agentView(db: Db, row: TicketRow, publicUrl: string) {
  const project = projectOf(db, row)
  const refs = referencesOf(db, [row.parentId, row.splitFromId, row.duplicateOfId])
  const link = (id: string | null) => (id ? { id, reference: refs.get(id) ?? null } : null)
  const assignee = row.assigneeId
    ? (db
        .select({ id: agents.id, name: agents.name, email: agents.email })
        .from(agents)
        .where(eq(agents.id, row.assigneeId))
        .get() ?? null)
    : null
  const shot = screenshotMeta(db, row.id)
  return {
    id: row.id,
    reference: row.reference,
    project: { id: project.id, name: project.name, prefix: project.prefix },
    ...lifecycleOf(row),
    priority: row.priority as Priority,
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
    emails: mailOfTicket(db, row.id),
    screenshot: shot
      ? {
          url: `${publicUrl}${ticketPaths.ticket(row.reference, '/screenshot')}`,
          contentType: shot.contentType,
          width: shot.width,
          height: shot.height,
          bytes: shot.bytes,
        }
      : null,
    allowedActions: allowedActions(row.status as Status, 'agent'),
    timeline: timeline(db, row.id, 'agent'),
  } satisfies AgentTicket
}

/** What the reporter may see: no internal notes, no agent e-mail, no host context or logs. */
export function reporterView(db: Db, row: TicketRow) {
  const refs = referencesOf(db, [row.duplicateOfId, row.splitFromId])
  return {
    reference: row.reference,
    ...lifecycleOf(row),
    subject: row.subject,
    description: row.description,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    autoCloseDueAt: row.autoCloseDueAt,
    duplicateOf: row.duplicateOfId ? (refs.get(row.duplicateOfId) ?? null) : null,
    splitFrom: row.splitFromId ? (refs.get(row.splitFromId) ?? null) : null,
    allowedActions: allowedActions(row.status as Status, 'reporter').map((a) => a.action),
    timeline: timeline(db, row.id, 'reporter'),
  } satisfies ReporterTicket
}
