import type { CloseReason, Status, TimelineEntry } from '@snagbox/sdk/contract'
import { MESSAGES, type Lang } from './i18n.js'

// What the status page says of a request and of its timeline entries, for the page and the
// reporter's list alike.

/** Why a closed request was closed, in words (`you withdrew it`); `null` for an open one. */
export function closedWhy(lang: Lang, status: Status, closeReason: CloseReason | null) {
  return status === 'closed' && closeReason
    ? (MESSAGES[lang].closeReason[closeReason] ?? closeReason)
    : null
}

/** The status in words; a closed request says why: `Closed — you withdrew it`. */
export function statusText(lang: Lang, status: Status, closeReason: CloseReason | null): string {
  const why = closedWhy(lang, status, closeReason)
  const words = MESSAGES[lang].status[status] ?? status
  return why ? `${words} — ${why}` : words
}

/** What a timeline entry tells: `Support replied`, `Status changed to “In progress”`. */
export function entryTitle(lang: Lang, entry: TimelineEntry): string {
  const t = MESSAGES[lang]
  if (entry.type !== 'status_changed') return t.events[entry.type] ?? entry.type
  const to = String(entry.data.to)
  return `${t.events.status_changed} ${t.quote(t.status[to] ?? to)}`
}

/** Who made an entry, in words: `You`, `Support · Ann`, `Snagbox`. */
export function entryAuthor(lang: Lang, entry: TimelineEntry): string {
  const t = MESSAGES[lang]
  if (entry.actor.kind === 'reporter') return t.you
  if (entry.actor.kind === 'system') return t.system
  return entry.actor.name ? `${t.support} · ${entry.actor.name}` : t.support
}
