import type { FieldError } from '@snagbox/sdk/contract'

/** The longest auto-close wait a project may set: a year of working days is already absurd. */
export const MAX_WORKING_DAYS = 365

/**
 * Whether the runtime knows this IANA time zone (aliases such as `UTC` or `Europe/Kiev` too).
 *
 * @example
 * isTimeZone('Europe/Berlin') // true
 * isTimeZone('Mars/Olympus') // false
 */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false
  if (KNOWN_ZONES.has(value)) return true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    KNOWN_ZONES.add(value)
    return true
  } catch {
    return false
  }
}

/** Zones the runtime knew: a formatter costs a tenth of a millisecond, and a ticket asks often. */
const KNOWN_ZONES = new Set<string>()

/**
 * Whether a string is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isIsoDate('2028-02-29') // true
 * isIsoDate('2026-02-29') // false
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/**
 * Validates a project's auto-close settings before they are stored; an empty list means valid.
 * The paths are the settings' names, so the list can go straight into a problem document.
 *
 * @example
 * validateWorkingCalendar({ timeZone: 'Europe/Moskow', holidays: ['2026-13-01'] })
 * // [{ path: 'timeZone', message: 'is not a known IANA time zone' },
 * //  { path: 'holidays[0]', message: 'is not a date written YYYY-MM-DD' }]
 */
export function validateWorkingCalendar(settings: {
  timeZone: unknown
  holidays: unknown
  autoCloseWorkingDays?: unknown
}): FieldError[] {
  const errors: FieldError[] = []
  if (!isTimeZone(settings.timeZone)) {
    errors.push({ path: 'timeZone', message: 'is not a known IANA time zone' })
  }
  if (!Array.isArray(settings.holidays)) {
    errors.push({ path: 'holidays', message: 'must be a list of dates written YYYY-MM-DD' })
  } else {
    settings.holidays.forEach((h, i) => {
      if (isIsoDate(h)) return
      errors.push({ path: `holidays[${i}]`, message: 'is not a date written YYYY-MM-DD' })
    })
  }
  if ('autoCloseWorkingDays' in settings) {
    const n = settings.autoCloseWorkingDays
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      const message = `must be a whole number from 0 to ${MAX_WORKING_DAYS}`
      errors.push({ path: 'autoCloseWorkingDays', message })
    }
  }
  return errors
}
