/** The longest ago said in words ("3 days ago"); anything older is its date. */
const WEEK = 7 * 86_400

/**
 * When something happened, as the reporter would say it in `lang`: "just now", "5 minutes ago",
 * "yesterday", and from a week on its date. A time a little ahead (clocks differ) is "just now".
 *
 * @example
 * relativeTime('2026-11-24T10:00:00Z', Date.parse('2026-11-24T10:05:00Z'), 'en', 'just now') // '5 minutes ago'
 */
export function relativeTime(iso: string, now: number, lang: string, justNow: string): string {
  const ago = (now - Date.parse(iso)) / 1000
  if (!(ago >= 45)) return justNow
  const words = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })
  if (ago < 3_600) return words.format(-Math.round(ago / 60), 'minute')
  if (ago < 86_400) return words.format(-Math.round(ago / 3_600), 'hour')
  if (ago < WEEK) return words.format(-Math.round(ago / 86_400), 'day')
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso))
}

/** The date and time in the reporter's own time zone, for the title of a relative time. */
export const fullTime = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
