import type { Language } from '@snagbox/sdk/contract'
import { en, type MessageKey, type Messages } from './en.js'
import { ru } from './ru.js'

/**
 * The widget's texts in every language Snagbox speaks: the contract's `LANGUAGES` decide which
 * one is shown, so a language added there without a dictionary here fails the type check.
 */
export const DICTIONARIES: Record<Language, Messages> = { en, ru }

/** Translates a key, filling `{name}` placeholders. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

/** A translator over the language's dictionary, with the host's overrides on top. */
export function createTranslate(language: Language, overrides: Partial<Messages> = {}): Translate {
  const messages: Messages = { ...DICTIONARIES[language], ...overrides }
  return (key, vars) =>
    messages[key].replace(/\{(\w+)\}/g, (all, name: string) => String(vars?.[name] ?? all))
}
