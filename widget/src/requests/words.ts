import type { CloseReason, Status, TimelineEntry } from '@snagbox/sdk/contract'
import type { Translate } from '../i18n/translate.js'
import type { RequestsKey } from '../i18n/requests-en.js'

export type RequestsTranslate = Translate<RequestsKey>

/** The timeline entries the reporter sees that have words of their own (`event_<type>`). */
const EVENTS = new Set([
  'created',
  'public_reply',
  'reporter_comment',
  'reopened',
  'confirmed',
  'withdrawn',
  'closed',
  'auto_closed',
  'split',
  'linked',
])

/** The status in words, a closed request with why: `Closed: you withdrew it`. */
export function statusWords(t: RequestsTranslate, status: Status, closeReason: CloseReason | null) {
  const words = t(`status_${status}`)
  return status === 'closed' && closeReason
    ? t('statusWhy', { status: words, why: t(`close_${closeReason}`) })
    : words
}

/** What a timeline entry (or a request's last change) tells, in the reporter's words. */
export function entryWords(t: RequestsTranslate, entry: Pick<TimelineEntry, 'type' | 'data'>) {
  if (entry.type === 'status_changed') {
    const to = entry.data.to as Status
    return t('event_status_changed', { status: t(`status_${to}`) })
  }
  // An entry of a kind this version does not know yet is still shown, by its type.
  return EVENTS.has(entry.type) ? t(`event_${entry.type}` as RequestsKey) : entry.type
}
