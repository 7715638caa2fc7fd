/** The languages every Snagbox surface speaks: widget, status page, inbox, e-mail. */
export const LANGUAGES = ['en', 'ru'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * The language Snagbox speaks that a language tag names, by its base language; `undefined` when
 * it speaks none (or the tag is not a string).
 *
 * @example
 * supportedLanguage('ru-RU') // 'ru'
 */
export function supportedLanguage(tag: unknown): Language | undefined {
  const base = typeof tag === 'string' ? tag.trim().toLowerCase().split(/[-_]/)[0] : undefined
  return (LANGUAGES as readonly (string | undefined)[]).includes(base)
    ? (base as Language)
    : undefined
}

/**
 * The first of `candidates` (language tags, best first: an explicit choice, then the browser's or
 * `Accept-Language`'s) that Snagbox speaks, by its base language; English when none is.
 *
 * @example
 * pickLanguage([undefined, 'ru-RU', 'en']) // 'ru'
 */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): Language {
  for (const tag of candidates) {
    const lang = supportedLanguage(tag)
    if (lang) return lang
  }
  return 'en'
}

/**
 * The language tags of an `Accept-Language` header, best first (by `q`, then by order); tags
 * with `q=0` are left out.
 *
 * @example
 * acceptedLanguages('en;q=0.5, ru') // ['ru', 'en']
 */
export function acceptedLanguages(header: string | null | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';')
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1)
      return { tag: tag!.trim(), q: Number.isFinite(q) ? q : 0, i }
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag)
}
