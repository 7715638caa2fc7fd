import type { Language } from '@snagbox/sdk/contract'
import { lang } from '../i18n/index.js'
import { ticketEn, type TicketKey, type TicketMessages } from './en.js'
import { ticketRu } from './ru.js'

export type { TicketKey }

// The ticket page's own strings load with its chunk, not with every agent's inbox.js.
const MESSAGES: Record<Language, TicketMessages> = { en: ticketEn, ru: ticketRu }

/** A ticket page string in the inbox's language, with `{name}` placeholders filled in. */
export function tt(key: TicketKey, values: Record<string, string | number> = {}): string {
  const text: string = MESSAGES[lang.value][key]
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
}

/** Names in a list as the inbox's language joins them: `the reporter and Alex Morgan`. */
export const listOf = (names: readonly string[]): string =>
  new Intl.ListFormat(lang.value, { type: 'conjunction' }).format(names)
