import { signal } from '@preact/signals'
import { pickLanguage, type Language } from '@snagbox/sdk/contract'
import { en, type MessageKey, type Messages } from './en.js'
import { ru } from './ru.js'

const MESSAGES: Record<Language, Messages> = { en, ru }
const STORAGE_KEY = 'snagbox.inbox.lang'

/**
 * The agent's choice if made, else the browser's language; English when neither is known.
 *
 * @example
 * initialLanguage(null, ['de-DE', 'ru-RU']) // 'ru'
 */
export function initialLanguage(saved: string | null, languages: readonly string[]): Language {
  return pickLanguage([saved, ...languages])
}

export const lang = signal<Language>('en')

/** The string for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const text: string = MESSAGES[lang.value][key]
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
}

/** A label for a value of the API (`status.resolved`), or the raw value when there is none. */
export function label(prefix: string, value: string | null | undefined): string {
  if (!value) return ''
  const key = `${prefix}.${value}` as MessageKey
  return key in en ? t(key) : value
}

/**
 * The locale dates are written in: the browser's own when it speaks the inbox's language (so
 * `en-GB` keeps its day-first dates), else the inbox's language itself.
 *
 * @example
 * dateLocale('ru', ['en-US']) // 'ru'
 */
export function dateLocale(current: Language, languages: readonly string[]): string {
  return languages.find((tag) => tag.toLowerCase().split('-')[0] === current) ?? current
}

/**
 * A timestamp as the agent reads it, in the inbox's language; only the time with `time`, only
 * the day and month (`5 Dec`) with `day`.
 */
export function when(iso: string, part: 'datetime' | 'time' | 'day' = 'datetime'): string {
  const languages =
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])
  const date = new Date(iso)
  const locale = dateLocale(lang.value, languages)
  if (part === 'day') return date.toLocaleDateString(locale, { day: 'numeric', month: 'short' })
  return part === 'time' ? date.toLocaleTimeString(locale) : date.toLocaleString(locale)
}

export function initLang(): void {
  let saved: string | null = null
  try {
    saved = localStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage may be off; the browser's language is used then.
  }
  lang.value = initialLanguage(
    saved,
    navigator.languages?.length ? navigator.languages : [navigator.language],
  )
  document.documentElement.lang = lang.value
}

export function setLang(next: Language): void {
  lang.value = next
  document.documentElement.lang = next
  try {
    localStorage.setItem(STORAGE_KEY, next)
  } catch {
    // Not remembered; the choice still holds for this page.
  }
}
