import { describe, expect, it } from 'vitest'
import { notificationChanges } from './notifications.js'

describe("an agent's e-mail settings as a request body", () => {
  const before = { newTickets: 'urgent', activity: true } as const

  it('sends only what changed, so the trail says what was changed', () => {
    expect(notificationChanges(before, { newTickets: 'all', activity: true })).toEqual({
      newTickets: 'all',
    })
    expect(notificationChanges(before, { newTickets: 'urgent', activity: false })).toEqual({
      activity: false,
    })
    expect(notificationChanges(before, { newTickets: 'none', activity: false })).toEqual({
      newTickets: 'none',
      activity: false,
    })
  })

  it('sends nothing when nothing changed', () => {
    expect(notificationChanges(before, { ...before })).toBeUndefined()
  })
})
