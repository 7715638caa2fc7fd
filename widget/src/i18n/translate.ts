import type { MessageKey, Messages } from './en.js'

/** Translates a key, filling `{name}` placeholders. */
export type Translate<K extends string = MessageKey> = (
  key: K,
  vars?: Record<string, string | number>,
) => string

/**
 * A translator over a dictionary (the dialog's, or the launcher's), with the host's overrides on
 * top; an override of another dictionary's key is simply not asked for.
 */
export function createTranslate<K extends string>(
  dictionary: Record<K, string>,
  overrides: Partial<Messages> = {},
): Translate<K> {
  const messages = { ...dictionary, ...overrides } as Record<K, string>
  return (key, vars) =>
    messages[key].replace(/\{(\w+)\}/g, (all, name: string) => String(vars?.[name] ?? all))
}
