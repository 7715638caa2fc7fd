// Wall-clock arithmetic in an IANA time zone with nothing but Intl. A "wall" value is the local
// date and time written as if it were UTC milliseconds, so calendar steps are plain arithmetic
// (`wall + DAY` is the same time tomorrow) and only the way in and out needs the zone's rules.

export const DAY = 86_400_000

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Throws a RangeError for a zone the runtime doesn't know. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The local wall-clock time of an instant in a zone, as wall milliseconds. */
export function toWall(instant: number, timeZone: string): number {
  const p: Record<string, string> = {}
  for (const { type, value } of formatter(timeZone).formatToParts(instant)) p[type] = value
  const n = (type: string) => Number(p[type])
  const year = p.era === 'BC' ? 1 - n('year') : n('year')
  // `% 24`: some engines still write midnight as 24 with h23.
  const wall = Date.UTC(year, n('month') - 1, n('day'), n('hour') % 24, n('minute'), n('second'))
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear undoes that.
  const fixed = year >= 0 && year < 100 ? new Date(wall).setUTCFullYear(year) : wall
  return fixed + (((instant % 1000) + 1000) % 1000)
}

const offsetAt = (instant: number, timeZone: string) => toWall(instant, timeZone) - instant

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a DST jump forward is moved
 * forward by the jump (02:30 → 03:30); a time that happens twice is its first occurrence. These
 * are the `compatible` rules of Temporal and of most calendars.
 */
export function fromWall(wall: number, timeZone: string): number {
  // The offsets a day either side cover any single transition near this wall time.
  const before = offsetAt(wall - DAY, timeZone)
  const after = offsetAt(wall + DAY, timeZone)
  const fits = [wall - before, wall - after].filter((i) => toWall(i, timeZone) === wall)
  if (fits.length > 0) return Math.min(...fits)
  return wall - before
}

/** The wall-clock day number (days since 1970-01-01) of a wall value. */
export const dayOf = (wall: number) => Math.floor(wall / DAY)

/** `YYYY-MM-DD` of a day number. */
export const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: number) => new Date(day * DAY).getUTCDay()
