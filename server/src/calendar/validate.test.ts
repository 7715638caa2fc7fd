import { describe, expect, it } from 'vitest'
import { isIsoDate, isTimeZone, validateWorkingCalendar } from './validate.js'

describe('working calendar settings', () => {
  it('accepts IANA zones and their aliases, nothing else', () => {
    for (const tz of ['Europe/Moscow', 'America/New_York', 'UTC', 'Europe/Kiev']) {
      expect(isTimeZone(tz)).toBe(true)
    }
    for (const tz of ['', 'Mars/Olympus', 'Europe/Moskow', 'GMT+25', 42, null]) {
      expect(isTimeZone(tz)).toBe(false)
    }
  })

  it('accepts real dates written YYYY-MM-DD only', () => {
    for (const d of ['2026-01-01', '2028-02-29', '2026-12-31']) expect(isIsoDate(d)).toBe(true)
    const bad = ['2026-02-29', '2026-13-01', '2026-1-1', '01.01.2026', '2026-01-01T00:00', 20260101]
    for (const d of bad) {
      expect(isIsoDate(d)).toBe(false)
    }
  })

  it('names every bad setting by its path', () => {
    const errors = validateWorkingCalendar({
      timeZone: 'Europe/Moskow',
      holidays: ['2026-01-01', '2026-13-01', 7],
      autoCloseWorkingDays: 2.5,
    })
    expect(errors.map((e) => e.path)).toEqual([
      'timeZone',
      'holidays[1]',
      'holidays[2]',
      'autoCloseWorkingDays',
    ])
  })

  it('accepts good settings, 0 and 365 working days included', () => {
    for (const n of [0, 5, 365]) {
      const settings = { timeZone: 'Europe/Berlin', holidays: ['2026-12-25'] }
      expect(validateWorkingCalendar({ ...settings, autoCloseWorkingDays: n })).toEqual([])
    }
    expect(validateWorkingCalendar({ timeZone: 'UTC', holidays: [] })).toEqual([])
  })

  it('refuses a holiday list that is not a list, and out-of-range counts', () => {
    expect(validateWorkingCalendar({ timeZone: 'UTC', holidays: '2026-01-01' })).toEqual([
      { path: 'holidays', message: 'must be a list of dates written YYYY-MM-DD' },
    ])
    for (const n of [-1, 366, '5', null]) {
      const settings = { timeZone: 'UTC', holidays: [], autoCloseWorkingDays: n }
      const errors = validateWorkingCalendar(settings)
      expect(errors.map((e) => e.path)).toEqual(['autoCloseWorkingDays'])
    }
  })
})
