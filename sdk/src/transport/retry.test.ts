import { describe, expect, it } from 'vitest'
import { backoff } from '../contract/index.js'
import { parseRetryAfter } from './retry.js'

describe('backoff', () => {
  it('doubles from the base up to the cap, jittered between half and all of it', () => {
    expect([0, 1, 2, 3, 10].map((n) => backoff(n, 500, 4000, () => 0))).toEqual([
      250, 500, 1000, 2000, 2000,
    ])
    expect([0, 1, 2, 3, 10].map((n) => backoff(n, 500, 4000, () => 0.999999))).toEqual([
      500, 1000, 2000, 4000, 4000,
    ])
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000)
  })
  it('ignores what is missing, unreadable or past', () => {
    expect(parseRetryAfter(null, now)).toBeNull()
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBeNull()
  })
})
