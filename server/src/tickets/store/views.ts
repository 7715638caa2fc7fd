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
import { agents, tickets } from '../../db/schema.js'
import { mailOfTicket } from './emails.js'
import { allowedActions } from '../lifecycle/allowed.js'
import { isOverdue } from './first-response.js'
import { linksOf, splitsOf } from './links.js'
import { reporterContextOf } from './reporter-context.js'
import { waitingSince } from './waiting-since.js'
import {
  findTicketById,
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

/**
 * The whole ticket as an agent sees it: every field, the timeline with internal notes, links,
 * the reporter's other requests, and its times (`now`: whether its first response is late).
 */
export function agentView(db: Db, row: TicketRow, publicUrl: string, now: Date) {
  const project = projectOf(db, row)
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
    ...linksOf(db, row),
    firstResponseDueAt: row.firstResponseDueAt,
    firstResponseAt: row.firstResponseAt,
    firstResponseOverdue: isOverdue(row, now),
    waitingSince: db
      .select({ since: waitingSince() })
      .from(tickets)
      .where(eq(tickets.id, row.id))
      .get()!.since,
    reopenCount: row.reopenCount,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    autoCloseDueAt: row.autoCloseDueAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    emails: mailOfTicket(db, row.id),
    reporterContext: reporterContextOf(db, row, reporterEmailOf(row)),
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
    related: relatedOf(db, row),
    hasScreenshot: !!screenshotMeta(db, row.id),
    allowedActions: allowedActions(row.status as Status, 'reporter').map((a) => a.action),
    timeline: timeline(db, row.id, 'reporter'),
  } satisfies ReporterTicket
}

/** The e-mail of a ticket's reporter, lower-cased; `null` when none was given. */
export function reporterEmailOf(row: TicketRow): string | null {
  const email = (JSON.parse(row.reporter) as { email?: unknown }).email
  return typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : null
}

/**
 * The requests linked to a ticket that concern its reporter: the one it duplicates, the one it was
 * split from, those split from it; `yours` when the reporter is the same (by e-mail address, or
 * a split, which keeps its reporter).
 */
export function relatedOf(db: Db, row: TicketRow): ReporterTicket['related'] {
  const mine = reporterEmailOf(row)
  const linked = (
    other: TicketRow | undefined,
    relation: ReporterTicket['related'][number]['relation'],
  ) => {
    if (!other) return []
    const same = relation !== 'duplicate_of' || (!!mine && reporterEmailOf(other) === mine)
    return [{ reference: other.reference, relation, status: other.status as Status, yours: same }]
  }
  const byId = (id: string | null) => (id ? findTicketById(db, id) : undefined)
  return [
    ...linked(byId(row.duplicateOfId), 'duplicate_of'),
    ...linked(byId(row.splitFromId), 'split_from'),
    ...splitsOf(db, row.id).flatMap((split) => linked(split, 'split_into')),
  ]
}
