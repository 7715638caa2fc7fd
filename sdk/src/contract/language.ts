/** The languages every Snagbox surface speaks: widget, status page, inbox, e-mail. */
export const LANGUAGES = ['en', 'ru'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * The first of `candidates` (language tags, best first: an explicit choice, then the browser's or
 * `Accept-Language`'s) that Snagbox speaks, by its base language; English when none is.
 *
 * @example
 * pickLanguage([undefined, 'ru-RU', 'en']) // 'ru'
 */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): Language {
  for (const tag of candidates) {
    const base = tag?.trim().toLowerCase().split(/[-_]/)[0]
    if ((LANGUAGES as readonly string[]).includes(base ?? '')) return base as Language
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
