import { dayOf, DAY, fromWall, isoDay, toWall, weekday } from './zone.js'
import { isIsoDate, validateWorkingCalendar } from './validate.js'

export { isIsoDate, isTimeZone, MAX_WORKING_DAYS, validateWorkingCalendar } from './validate.js'

/** A project's working calendar: Monday to Friday in its time zone, minus its holidays. */
export interface WorkingCalendar {
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string
  /** Local dates that are not working days, `YYYY-MM-DD`. */
  holidays: readonly string[]
}

export type CalendarErrorCode =
  'invalid_time_zone' | 'invalid_holiday' | 'invalid_working_days' | 'invalid_date'

/** Thrown for settings that should have been validated before they were stored. */
export class CalendarError extends RangeError {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CalendarError'
  }
}

const CODES: Record<string, CalendarErrorCode> = {
  timeZone: 'invalid_time_zone',
  holidays: 'invalid_holiday',
  autoCloseWorkingDays: 'invalid_working_days',
}

/**
 * Whether a local date is a working day: Monday to Friday and not a holiday.
 *
 * @example
 * isWorkingDay('2026-01-01', { holidays: ['2026-01-01'] }) // false
 * isWorkingDay('2026-01-02', { holidays: ['2026-01-01'] }) // true (a Friday)
 */
export function isWorkingDay(date: string, calendar: Pick<WorkingCalendar, 'holidays'>): boolean {
  if (!isIsoDate(date)) throw new CalendarError('invalid_date', `${date} is not a YYYY-MM-DD date`)
  const day = dayOf(Date.parse(`${date}T00:00:00Z`))
  return isWorking(day, new Set(calendar.holidays))
}

/** Whether a wall-clock day number is a working day: Monday to Friday and not a holiday. */
export function isWorking(day: number, holidays: ReadonlySet<string>): boolean {
  const wd = weekday(day)
  return wd !== 0 && wd !== 6 && !holidays.has(isoDay(day))
}

/**
 * When a resolved ticket closes itself: `workingDays` working days after `resolvedAt`, at the
 * same local time of day, in the project's time zone.
 *
 * - Resolved on a working day at local time T: due at T on the N-th working day after that day
 *   (Friday 15:00, N = 5, no holidays → the next Friday 15:00). Each holiday on the way adds a day.
 * - Resolved on a weekend or holiday: counted as if resolved at 00:00 on the next working day
 *   (Saturday, N = 5 → Monday a week later, 00:00). No working time passes in between, so a
 *   later resolution is never due earlier.
 * - N = 0: due at once, or at 00:00 of the next working day when resolved outside one.
 * - The due time is a local wall-clock time: across a DST change it stays 15:00 locally, so the
 *   real interval is an hour longer or shorter. A local time skipped by the change moves forward
 *   by the jump; one that happens twice is its first occurrence.
 *
 * Throws a {@link CalendarError} for a bad date, count, zone or holiday: validate settings with
 * {@link validateWorkingCalendar} before storing them.
 *
 * @example
 * autoCloseDueAt(new Date('2026-03-27T14:00:00Z'), 5, { timeZone: 'Europe/Berlin', holidays: [] })
 * // 2026-04-03T13:00:00.000Z — Friday 15:00 in Berlin both times, summer time in between
 */
export function autoCloseDueAt(
  resolvedAt: Date,
  workingDays: number,
  calendar: WorkingCalendar,
): Date {
  const instant = resolvedAt.getTime()
  if (Number.isNaN(instant)) throw new CalendarError('invalid_date', 'resolvedAt is not a date')
  const error = validateWorkingCalendar({ ...calendar, autoCloseWorkingDays: workingDays })[0]
  if (error) {
    const setting = error.path.replace(/\[\d+\]$/, '')
    throw new CalendarError(CODES[setting] ?? 'invalid_holiday', `${error.path} ${error.message}`)
  }

  const holidays = new Set(calendar.holidays)
  const wall = toWall(instant, calendar.timeZone)
  let day = dayOf(wall)
  let time = wall - day * DAY
  const next = (d: number) => {
    let n = d + 1
    while (!isWorking(n, holidays)) n++
    return n
  }
  if (!isWorking(day, holidays)) {
    day = next(day)
    time = 0
  }
  for (let i = 0; i < workingDays; i++) day = next(day)
  if (day * DAY + time === wall) return new Date(instant)
  return new Date(fromWall(day * DAY + time, calendar.timeZone))
}

/**
 * The same local time one working day before `due` (weekends and holidays skipped): when a
 * reporter is reminded that a resolved request is about to close itself.
 *
 * @example
 * oneWorkingDayBefore(new Date('2026-12-07T09:00:00Z'), { timeZone: 'UTC', holidays: [] })
 * // 2026-12-04T09:00:00.000Z — Monday's due time, reminded on Friday
 */
export function oneWorkingDayBefore(due: Date, calendar: WorkingCalendar): Date {
  const holidays = new Set(calendar.holidays)
  const wall = toWall(due.getTime(), calendar.timeZone)
  let day = dayOf(wall) - 1
  while (!isWorking(day, holidays)) day--
  return new Date(fromWall(day * DAY + (wall - dayOf(wall) * DAY), calendar.timeZone))
}
