import { describe, expect, it } from 'vitest'
import { dueOf } from './ticket-times.js'

const NOW = Date.parse('2026-03-02T10:00:00Z')
const base = {
  status: 'new' as const,
  firstResponseAt: null,
  firstResponseDueAt: '2026-03-02T14:00:00Z',
  firstResponseOverdue: false,
  autoCloseDueAt: null,
}

describe("what the queue's Due column says", () => {
  it('gives the first response due until the first public reply, late once past', () => {
    expect(dueOf(base, NOW)).toEqual({ kind: 'due', at: '2026-03-02T14:00:00Z' })
    expect(dueOf({ ...base, firstResponseOverdue: true }, NOW)?.kind).toBe('late')
    // The list came before it was due; the clock has passed it since.
    expect(dueOf(base, Date.parse('2026-03-02T14:00:01Z'))?.kind).toBe('late')
    expect(dueOf({ ...base, status: 'in_progress' }, NOW)?.kind).toBe('due')
  })

  it('says nothing once answered, for a closed ticket, or without a target', () => {
    expect(dueOf({ ...base, firstResponseAt: '2026-03-02T11:00:00Z' }, NOW)).toBeNull()
    expect(dueOf({ ...base, status: 'closed', firstResponseOverdue: true }, NOW)).toBeNull()
    expect(dueOf({ ...base, firstResponseDueAt: null }, NOW)).toBeNull()
  })

  it('gives the day a resolved ticket closes by itself', () => {
    const resolved = {
      ...base,
      status: 'resolved' as const,
      autoCloseDueAt: '2026-03-09T10:00:00Z',
    }
    expect(dueOf(resolved, NOW)).toEqual({ kind: 'closes', at: '2026-03-09T10:00:00Z' })
    expect(dueOf({ ...resolved, autoCloseDueAt: null }, NOW)).toBeNull()
  })
})
