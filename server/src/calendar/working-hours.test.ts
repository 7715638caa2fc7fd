import { describe, expect, it } from 'vitest'
import { CalendarError } from './working-days.js'
import { workingHoursLater, type WorkingHoursCalendar } from './working-hours.js'

const nineToSix = { start: '09:00', end: '18:00' }
const utc: WorkingHoursCalendar = { timeZone: 'UTC', holidays: [], workingHours: nineToSix }
const moscow: WorkingHoursCalendar = { ...utc, timeZone: 'Europe/Moscow' } // UTC+3 all year
const later = (from: string, hours: number, calendar = utc) =>
  workingHoursLater(new Date(from), hours, calendar).toISOString()

describe('working hours later', () => {
  // 2026-03-02 is a Monday.
  it.each([
    ['within the working day', '2026-03-02T10:15:00.000Z', 1, '2026-03-02T11:15:00.000Z'],
    ['from before it starts', '2026-03-02T07:00:00.000Z', 1, '2026-03-02T10:00:00.000Z'],
    ['to its very end', '2026-03-02T17:00:00.000Z', 1, '2026-03-02T18:00:00.000Z'],
    ['from after it ends', '2026-03-02T19:00:00.000Z', 1, '2026-03-03T10:00:00.000Z'],
    ['over the night', '2026-03-02T14:00:00.000Z', 8, '2026-03-03T13:00:00.000Z'],
    ['over several days', '2026-03-02T09:00:00.000Z', 16, '2026-03-03T16:00:00.000Z'],
    ['over the weekend', '2026-03-06T17:30:00.000Z', 1, '2026-03-09T09:30:00.000Z'],
    ['from a Saturday', '2026-03-07T12:00:00.000Z', 1, '2026-03-09T10:00:00.000Z'],
    ['half an hour', '2026-03-02T09:45:00.000Z', 0.5, '2026-03-02T10:15:00.000Z'],
    ['none at all, in working hours', '2026-03-02T11:00:00.000Z', 0, '2026-03-02T11:00:00.000Z'],
    ['none at all, after them', '2026-03-02T20:00:00.000Z', 0, '2026-03-03T09:00:00.000Z'],
  ])('counts %s', (_, from, hours, expected) => {
    expect(later(from, hours)).toBe(expected)
  })

  it('counts in the project’s time zone', () => {
    // Friday 17:30 in Moscow: one working hour is Monday 09:30 there.
    expect(later('2026-03-06T14:30:00.000Z', 1, moscow)).toBe('2026-03-09T06:30:00.000Z')
  })

  it('skips holidays', () => {
    const calendar = { ...utc, holidays: ['2026-03-03', '2026-03-04'] }
    expect(later('2026-03-02T17:00:00.000Z', 2, calendar)).toBe('2026-03-05T10:00:00.000Z')
  })

  it('keeps wall-clock working hours across a change to summer time', () => {
    const berlin = { ...utc, timeZone: 'Europe/Berlin' }
    // Friday 2026-03-27 17:00 CET; Monday 2026-03-30 10:00 CEST.
    expect(later('2026-03-27T16:00:00.000Z', 2, berlin)).toBe('2026-03-30T08:00:00.000Z')
  })

  it('takes a working day that ends at midnight', () => {
    const late = { ...utc, workingHours: { start: '20:00', end: '24:00' } }
    expect(later('2026-03-02T23:00:00.000Z', 2, late)).toBe('2026-03-03T21:00:00.000Z')
  })

  it('refuses what should have been checked before it was stored', () => {
    for (const [hours, calendar] of [
      [-1, utc],
      [Number.NaN, utc],
      [1, { ...utc, timeZone: 'Mars/Olympus' }],
      [1, { ...utc, holidays: ['2026-13-01'] }],
      [1, { ...utc, workingHours: { start: '18:00', end: '09:00' } }],
    ] as const) {
      expect(() => workingHoursLater(new Date(), hours, calendar)).toThrow(CalendarError)
    }
  })
})
