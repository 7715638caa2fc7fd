import type { TicketEmail, TimelineEntry } from '@snagbox/sdk/contract'
import { label, t, when } from './i18n/index.js'

/** One line of the timeline: an event with the e-mails sent for it, or an e-mail of no event. */
export type TimelineItem =
  { entry: TimelineEntry; emails: TicketEmail[] } | { entry: null; emails: [TicketEmail] }

const oldestFirst = (a: TicketEmail, b: TicketEmail) =>
  a.createdAt.localeCompare(b.createdAt) || a.id - b.id

/**
 * The timeline with each e-mail under the event it was sent for (`eventId`), oldest first; one
 * of no event the timeline shows (a reminder) is a line of its own, placed by when it was made.
 *
 * @example
 * timelineItems(ticket.timeline, ticket.emails)[0] // { entry: created, emails: [received, new_ticket] }
 */
export function timelineItems(
  timeline: readonly TimelineEntry[],
  emails: readonly TicketEmail[],
): TimelineItem[] {
  const byEvent = new Map<number, TicketEmail[]>()
  const known = new Set(timeline.map((entry) => entry.id))
  const loose: TicketEmail[] = []
  for (const email of [...emails].sort(oldestFirst)) {
    if (email.eventId === null || !known.has(email.eventId)) loose.push(email)
    else byEvent.set(email.eventId, [...(byEvent.get(email.eventId) ?? []), email])
  }
  const items: TimelineItem[] = []
  for (const entry of timeline) {
    // An e-mail made before this event is placed before it; one made with it, after.
    while (loose[0] && loose[0].createdAt < entry.createdAt)
      items.push({ entry: null, emails: [loose.shift()!] })
    items.push({ entry, emails: byEvent.get(entry.id) ?? [] })
  }
  for (const email of loose) items.push({ entry: null, emails: [email] })
  return items
}

/** `resolved` → "Solution"; a kind this inbox doesn't know yet as it is. */
export const emailKind = (kind: string): string => label('mailKind', kind)

/**
 * Whether it arrived, in words: sent when, waiting, being retried after an error, given up on.
 * The time of day only when it went out the day it was made.
 */
export function emailState(email: TicketEmail): string {
  const error = email.lastError ?? '?'
  switch (email.state) {
    case 'sent': {
      const sentAt = email.sentAt ?? email.createdAt
      const sameDay = new Date(sentAt).toDateString() === new Date(email.createdAt).toDateString()
      return t('mail.sent', { at: when(sentAt, sameDay ? 'time' : 'datetime') })
    }
    case 'failed':
      return t('mail.failed', { n: email.attempts, error })
    default:
      return email.attempts ? t('mail.retrying', { n: email.attempts, error }) : t('mail.pending')
  }
}

/** An e-mail can be sent again once the sender is done with it: sent, or given up on. */
export const canResend = (email: TicketEmail) => email.state !== 'pending'
