import {
  entryText,
  isFromSupport,
  type CloseReason,
  type ReporterChange,
  type ReporterRequest,
  type Status,
  type TimelineEntry,
} from '@snagbox/sdk/contract'
import type { Db } from '../db/client.js'
import type { TicketRow } from '../tickets/store/read.js'
import { markSeen } from '../tickets/store/reporter-requests.js'
import type { Lang } from './i18n.js'
import { entryTitle, statusText } from './words.js'

const EXCERPT_CHARS = 200

/** A request as the reporter's list shows it, from its reporter timeline (oldest first). */
export function requestSummary(
  ticket: TicketRow,
  entries: TimelineEntry[],
  lang: Lang,
): Omit<ReporterRequest, 'token' | 'statusUrl'> {
  const status = ticket.status as Status
  const closeReason = ticket.closeReason as CloseReason | null
  return {
    reference: ticket.reference,
    subject: ticket.subject,
    status,
    closeReason,
    statusText: statusText(lang, status, closeReason),
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    lastChange: changeOf(lastChange(entries), lang),
    unread: entries.filter((e) => e.id > ticket.reporterSeenEventId && isFromSupport(e)).length,
  }
}

/**
 * The entry that tells the latest change: the first of the last write's entries (a reply before
 * the status change it made, a withdrawal before the close). A timeline begins with `created`.
 */
function lastChange(entries: TimelineEntry[]): TimelineEntry {
  const at = entries.at(-1)!.createdAt
  return entries.find((e) => e.createdAt === at)!
}

function changeOf(entry: TimelineEntry, lang: Lang): ReporterChange {
  const text = entryText(entry)
  const kind = entry.actor.kind
  return {
    type: entry.type,
    text: entryTitle(lang, entry),
    by: kind === 'reporter' || kind === 'system' ? kind : 'support',
    name: kind === 'reporter' ? null : entry.actor.name,
    excerpt:
      text && text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : (text ?? null),
    at: entry.createdAt,
  }
}

/**
 * The reporter has seen the request as `entries` show it (opened it): nothing of it is unread
 * any more. Writes only when there is something new to mark.
 */
export function seen(db: Db, ticket: TicketRow, entries: TimelineEntry[]): void {
  const newest = entries.at(-1)?.id ?? 0
  if (newest > ticket.reporterSeenEventId) markSeen(db, ticket.id, newest)
}
