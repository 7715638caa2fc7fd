import {
  CalendarError,
  isWorking,
  validateWorkingCalendar,
  type WorkingCalendar,
} from './working-days.js'
import { dayOf, DAY, fromWall, toWall } from './zone.js'

/** A project's working calendar with its working day's hours, `HH:MM` in its time zone. */
export interface WorkingHoursCalendar extends WorkingCalendar {
  workingHours: { start: string; end: string }
}

const HOUR = 3_600_000
const clock = (time: string) => (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * 60_000

/**
 * When `hours` working hours have passed since `from`: only the time within the working day's
 * hours on working days (Monday to Friday, minus the holidays) counts, in the project's time zone —
 * the clock of a first-response target.
 *
 * - Within working hours, the time runs: 1 hour from 10:15 on a working day is 11:15.
 * - Before the working day starts, it starts at its start; after it ends, or on a weekend or a
 *   holiday, at the start of the next working day (Friday 17:30, 1 hour, 09:00–18:00 → Monday
 *   09:30; Saturday, 1 hour → Monday 10:00).
 * - A target that ends exactly as a working day ends is due then (17:00 + 1 hour → 18:00), not
 *   the next morning.
 * - The hours are wall-clock hours: across a DST change a working day is still 09:00 to 18:00.
 *
 * Throws a {@link CalendarError} for a bad date, zone, holiday or number of hours.
 *
 * @example
 * workingHoursLater(new Date('2026-03-06T14:30:00Z'), 1, {
 *   timeZone: 'Europe/Moscow', holidays: [], workingHours: { start: '09:00', end: '18:00' } })
 * // 2026-03-09T06:30:00.000Z — Friday 17:30 in Moscow, due Monday 09:30
 */
export function workingHoursLater(from: Date, hours: number, calendar: WorkingHoursCalendar): Date {
  const instant = from.getTime()
  if (Number.isNaN(instant)) throw new CalendarError('invalid_date', 'from is not a date')
  if (!Number.isFinite(hours) || hours < 0)
    throw new CalendarError('invalid_working_days', 'hours must be a number of hours, 0 or more')
  const error = validateWorkingCalendar(calendar)[0]
  if (error) throw new CalendarError('invalid_holiday', `${error.path} ${error.message}`)
  const start = clock(calendar.workingHours.start)
  const end = clock(calendar.workingHours.end)
  if (!(start < end))
    throw new CalendarError('invalid_date', 'working hours must start before they end')

  const holidays = new Set(calendar.holidays)
  const wall = toWall(instant, calendar.timeZone)
  let day = dayOf(wall)
  let time = wall - day * DAY
  let left = Math.round(hours * HOUR)
  for (;;) {
    if (!isWorking(day, holidays) || time >= end) {
      day++
      time = start
      continue
    }
    time = Math.max(time, start)
    if (left <= end - time) break
    left -= end - time
    day++
    time = start
  }
  const due = day * DAY + time + left
  return due === wall ? new Date(instant) : new Date(fromWall(due, calendar.timeZone))
}
