import { en, type MessageKey, type Messages } from './en.js'
import { ru } from './ru.js'

export type { MessageKey, Messages }

/** The languages the widget ships. */
export const LANGUAGES = { en, ru } satisfies Record<string, Messages>
export type Language = keyof typeof LANGUAGES

/** Translates a key, filling `{name}` placeholders. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

/**
 * The language to show: the host's choice if the widget has it, else the first of the browser's
 * languages the widget has, else English.
 */
export function pickLanguage(requested: string | undefined, preferred: readonly string[]): Language {
  for (const tag of [requested, ...preferred]) {
    const base = tag?.toLowerCase().split(/[-_]/)[0]
    if (base && base in LANGUAGES) return base as Language
  }
  return 'en'
}

/** A translator over the language's dictionary, with the host's overrides on top. */
export function createTranslate(language: Language, overrides: Partial<Messages> = {}): Translate {
  const messages: Messages = { ...LANGUAGES[language], ...overrides }
  return (key, vars) => messages[key].replace(/\{(\w+)\}/g, (all, name: string) => String(vars?.[name] ?? all))
}
