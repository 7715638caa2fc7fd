import type { Language } from '@snagbox/sdk/contract'
import { lang } from '../i18n/index.js'
import { adminEn, type AdminKey, type AdminMessages } from './messages-en.js'
import { adminRu } from './messages-ru.js'

// The admin screens' strings load with them, not with every agent's inbox.js.
const MESSAGES: Record<Language, AdminMessages> = { en: adminEn, ru: adminRu }

/** An admin screen's string in the inbox's language, with `{name}` placeholders filled in. */
export function at(key: AdminKey, values: Record<string, string | number> = {}): string {
  const text: string = MESSAGES[lang.value][key]
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
}

/** A label for a value of the admin API (`scope.read_write`), or the value itself. */
export function alabel(prefix: string, value: string): string {
  const key = `${prefix}.${value}` as AdminKey
  return key in adminEn ? at(key) : value
}
