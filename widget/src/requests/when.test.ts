import { describe, expect, it } from 'vitest'
import { fullTime, relativeTime } from './when.js'

const now = Date.parse('2026-11-24T12:00:00.000Z')
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString()

describe('relative times', () => {
  it('says them as the reporter would, in English and in Russian', () => {
    expect(relativeTime(ago(10), now, 'en', 'just now')).toBe('just now')
    expect(relativeTime(ago(-30), now, 'en', 'just now')).toBe('just now')
    expect(relativeTime(ago(5 * 60), now, 'en', 'just now')).toBe('5 minutes ago')
    expect(relativeTime(ago(3 * 3600), now, 'en', 'just now')).toBe('3 hours ago')
    expect(relativeTime(ago(30 * 3600), now, 'en', 'just now')).toBe('yesterday')
    expect(relativeTime(ago(5 * 60), now, 'ru', 'только что')).toBe('5 минут назад')
    expect(relativeTime(ago(2 * 86_400), now, 'ru', 'только что')).toBe('позавчера')
  })

  it('gives the date from a week on, and the full time in the reporter’s zone for a title', () => {
    expect(relativeTime('2026-11-01T09:00:00.000Z', now, 'en', 'just now')).toMatch(/Nov 1, 2026/)
    expect(fullTime('2026-11-01T09:00:00.000Z', 'ru')).toMatch(/1 нояб\. 2026/)
  })
})
