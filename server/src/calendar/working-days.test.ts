import { describe, expect, it } from 'vitest'
import { autoCloseDueAt, CalendarError, isWorkingDay } from './working-days.js'
import type { WorkingCalendar } from './working-days.js'

const due = (resolvedAt: string, n: number, calendar: WorkingCalendar) =>
  autoCloseDueAt(new Date(resolvedAt), n, calendar).toISOString()

const moscow = { timeZone: 'Europe/Moscow', holidays: [] } // UTC+3 all year
const berlin = { timeZone: 'Europe/Berlin', holidays: [] }
const newYork = { timeZone: 'America/New_York', holidays: [] }

describe('auto-close due time on working days', () => {
  // Friday 2026-03-06 15:00 in Moscow.
  it.each([
    [0, '2026-03-06T12:00:00.000Z'], // at once
    [1, '2026-03-09T12:00:00.000Z'], // Monday 15:00
    [5, '2026-03-13T12:00:00.000Z'], // the next Friday 15:00
    [10, '2026-03-20T12:00:00.000Z'], // two weeks later
  ])('counts N = %i working days from a Friday at the same local time', (n, expected) => {
    expect(due('2026-03-06T12:00:00.000Z', n, moscow)).toBe(expected)
  })

  it('pushes the due time a day for each holiday on the way', () => {
    const calendar = { ...moscow, holidays: ['2026-03-09'] }
    expect(due('2026-03-06T12:00:00.000Z', 5, calendar)).toBe('2026-03-16T12:00:00.000Z')
    const two = { ...moscow, holidays: ['2026-03-09', '2026-03-12'] }
    expect(due('2026-03-06T12:00:00.000Z', 5, two)).toBe('2026-03-17T12:00:00.000Z')
  })

  it.each([
    [0, '2026-03-08T21:00:00.000Z'], // Monday 00:00 local
    [1, '2026-03-09T21:00:00.000Z'], // Tuesday 00:00
    [5, '2026-03-15T21:00:00.000Z'], // Monday a week later, 00:00
  ])('counts a Saturday resolution from Monday 00:00 (N = %i)', (n, expected) => {
    expect(due('2026-03-07T07:00:00.000Z', n, moscow)).toBe(expected)
  })

  it('counts a resolution on a holiday from the next working day', () => {
    const calendar = { ...moscow, holidays: ['2026-03-09'] } // a Monday
    expect(due('2026-03-09T10:00:00.000Z', 1, calendar)).toBe('2026-03-10T21:00:00.000Z')
  })

  it('uses the local date, not the UTC one', () => {
    // Friday 23:30 UTC is already Saturday 02:30 in Moscow: counted from Monday.
    expect(due('2026-03-06T23:30:00.000Z', 1, moscow)).toBe('2026-03-09T21:00:00.000Z')
    // Monday 01:00 in Moscow is still Sunday in UTC: a working day locally.
    expect(due('2026-03-08T22:00:00.000Z', 1, moscow)).toBe('2026-03-09T22:00:00.000Z')
  })

  it('crosses the year end and the New Year holidays', () => {
    const holidays = ['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07']
    const newYear = { ...moscow, holidays: [...holidays, '2027-01-08'] }
    // Tuesday 2026-12-29 12:00 → Wed 30 (1), Thu 31 (2), Mon 2027-01-11 (3).
    expect(due('2026-12-29T09:00:00.000Z', 3, newYear)).toBe('2027-01-11T09:00:00.000Z')
    expect(due('2026-12-31T09:00:00.000Z', 1, { timeZone: 'UTC', holidays: [] })).toBe(
      '2027-01-01T09:00:00.000Z',
    )
  })

  it('keeps the milliseconds', () => {
    expect(due('2026-03-06T12:00:00.123Z', 1, moscow)).toBe('2026-03-09T12:00:00.123Z')
  })
})

describe('auto-close due time across DST changes', () => {
  it('keeps the local time in Berlin when summer time starts (an hour less)', () => {
    // Friday 2026-03-27 15:00 CET; clocks go forward on Sunday the 29th.
    expect(due('2026-03-27T14:00:00.000Z', 5, berlin)).toBe('2026-04-03T13:00:00.000Z')
    const easter = { ...berlin, holidays: ['2026-04-03', '2026-04-06'] }
    expect(due('2026-03-27T14:00:00.000Z', 5, easter)).toBe('2026-04-07T13:00:00.000Z')
  })

  it('keeps the local time in Berlin when summer time ends (an hour more)', () => {
    // Friday 2026-10-23 15:00 CEST → Monday 15:00 CET.
    expect(due('2026-10-23T13:00:00.000Z', 1, berlin)).toBe('2026-10-26T14:00:00.000Z')
  })

  it('counts from local midnight in Berlin across the change', () => {
    // Saturday 2026-03-28, N = 0 → Monday 00:00 CEST.
    expect(due('2026-03-28T12:00:00.000Z', 0, berlin)).toBe('2026-03-29T22:00:00.000Z')
  })

  it.each([
    [1, '2026-03-09T13:00:00.000Z'],
    [5, '2026-03-13T13:00:00.000Z'],
    [10, '2026-03-20T13:00:00.000Z'],
  ])('keeps 09:00 in New York when DST starts (N = %i)', (n, expected) => {
    // Friday 2026-03-06 09:00 EST; DST starts Sunday the 8th.
    expect(due('2026-03-06T14:00:00.000Z', n, newYork)).toBe(expected)
  })

  it('keeps 17:30 in New York when DST ends', () => {
    // Friday 2026-10-30 17:30 EDT → Friday 2026-11-06 17:30 EST.
    expect(due('2026-10-30T21:30:00.000Z', 5, newYork)).toBe('2026-11-06T22:30:00.000Z')
  })

  it('moves a local time skipped by the change forward by the jump', () => {
    // Tehran jumped from 00:00 to 01:00 on Monday 2021-03-22.
    const tehran = { timeZone: 'Asia/Tehran', holidays: [] }
    // Friday 00:30 (+03:30) → Monday 00:30 does not exist → 01:30 (+04:30).
    expect(due('2021-03-18T21:00:00.000Z', 1, tehran)).toBe('2021-03-21T21:00:00.000Z')
    // Saturday, N = 0 → Monday 00:00 does not exist → 01:00 (+04:30).
    expect(due('2021-03-20T08:00:00.000Z', 0, tehran)).toBe('2021-03-21T20:30:00.000Z')
  })

  it('takes the first of a local time that happens twice, never one before the resolution', () => {
    // Tehran went from 24:00 back to 23:00 on Tuesday 2021-09-21: 23:30 happened twice.
    const tehran = { timeZone: 'Asia/Tehran', holidays: [] }
    // Monday 23:30 (+04:30) → Tuesday 23:30, first time (+04:30).
    expect(due('2021-09-20T19:00:00.000Z', 1, tehran)).toBe('2021-09-21T19:00:00.000Z')
    // Resolved at the second 23:30 (+03:30), N = 0: due then, not an hour earlier.
    expect(due('2021-09-21T20:00:00.000Z', 0, tehran)).toBe('2021-09-21T20:00:00.000Z')
  })

  it('never makes a later resolution due earlier, nor due before the resolution', () => {
    const calendar = { timeZone: 'America/New_York', holidays: ['2026-11-03', '2026-11-26'] }
    let last = 0
    const end = Date.parse('2026-12-02T00:00:00Z')
    for (let t = Date.parse('2026-10-28T00:00:00Z'); t < end; t += 1_800_000) {
      for (const n of [0, 1, 5]) {
        const d = autoCloseDueAt(new Date(t), n, calendar).getTime()
        expect(d).toBeGreaterThanOrEqual(t)
        if (n === 1) {
          expect(d).toBeGreaterThanOrEqual(last)
          last = d
        }
      }
    }
  })
})

describe('working calendar', () => {
  it('knows weekends and holidays', () => {
    const calendar = { holidays: ['2026-01-01'] }
    expect(isWorkingDay('2026-01-01', calendar)).toBe(false) // Thursday, holiday
    expect(isWorkingDay('2026-01-02', calendar)).toBe(true) // Friday
    expect(isWorkingDay('2026-01-03', calendar)).toBe(false) // Saturday
    expect(isWorkingDay('2026-01-04', calendar)).toBe(false) // Sunday
    expect(() => isWorkingDay('2026-1-5', calendar)).toThrow(CalendarError)
  })

  it.each([
    ['invalid_time_zone', new Date(), 5, { timeZone: 'Europe/Moskow', holidays: [] }],
    ['invalid_holiday', new Date(), 5, { timeZone: 'UTC', holidays: ['2026-02-30'] }],
    ['invalid_working_days', new Date(), -1, { timeZone: 'UTC', holidays: [] }],
    ['invalid_working_days', new Date(), 1.5, { timeZone: 'UTC', holidays: [] }],
    ['invalid_date', new Date('nope'), 5, { timeZone: 'UTC', holidays: [] }],
  ])('refuses to compute with bad settings: %s', (code, at, n, calendar) => {
    expect(() => autoCloseDueAt(at, n, calendar)).toThrow(expect.objectContaining({ code }))
    expect(() => autoCloseDueAt(at, n, calendar)).toThrow(CalendarError)
  })
})
