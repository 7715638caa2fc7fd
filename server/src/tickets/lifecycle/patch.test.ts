import { describe, expect, it } from 'vitest'
import { allowedActions } from './decide.js'
import type { TicketState } from './decide.js'
import { decideAll, decidePatch } from './patch.js'
import type { TicketPatch } from './patch.js'
import { AGENT, ctx, NOW, ticket, TOKEN } from '../../../test/lifecycle-fixtures.js'

const patch = (state: TicketState, body: TicketPatch) => decidePatch(state, body, AGENT, ctx)

describe('a PATCH of a ticket', () => {
  it('changes the fields and closes last, as one change', () => {
    const body = { priority: 'low', status: 'closed', closeReason: 'rejected', reason: 'By design' }
    const d = patch(ticket('in_progress'), body as TicketPatch)
    expect(d).toMatchObject({ ok: true, state: { status: 'closed', closeReason: 'rejected' } })
    if (!d.ok) return
    expect(d.state.priority).toBe('low')
    expect(d.events.map((e) => e.type)).toEqual(['priority_changed', 'closed', 'status_changed'])
  })

  it('reopens first, then changes the fields', () => {
    const d = patch(ticket('closed'), { status: 'in_progress', reason: 'Back', priority: 'high' })
    expect(d).toMatchObject({ ok: true, state: { status: 'in_progress', priority: 'high' } })
    expect(d).toMatchObject({ state: { reopenCount: 1 } })
  })

  it('starts a new ticket as taking it, unless it assigns someone', () => {
    const fresh = ticket('new', { assigneeId: null })
    const start = decidePatch(fresh, { status: 'in_progress' }, TOKEN, ctx)
    expect(start).toMatchObject({ state: { status: 'in_progress', assigneeId: 'agent-a' } })
    const assign = patch(fresh, { status: 'in_progress', assigneeId: 'agent-b' })
    expect(assign).toMatchObject({ state: { status: 'in_progress', assigneeId: 'agent-b' } })
  })

  it('writes nothing when one part is refused', () => {
    const body = { priority: 'high', status: 'closed', closeReason: 'rejected' } as const
    const d = patch(ticket('in_progress'), body)
    expect(d).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid', field: 'comment' }),
    })
  })

  it.each([
    ['nothing at all', ticket('in_progress'), {}],
    ['the values it has', ticket('in_progress'), { priority: 'normal', status: 'in_progress' }],
    ['the close it has', ticket('closed'), { status: 'closed', closeReason: 'confirmed' }],
  ] as const)('answers no_change for %s', (_, state, body) => {
    expect(patch(state, body)).toMatchObject({ ok: false, error: { code: 'no_change' } })
  })

  it('sends statuses that need a public reply to the replies route', () => {
    const d = patch(ticket('in_progress'), { status: 'resolved' })
    expect(d).toMatchObject({ ok: false, error: { code: 'invalid', field: 'status' } })
  })

  it.each([
    ['waiting_on_reporter', 'in_progress'],
    ['resolved', 'in_progress'],
    ['in_progress', 'new'],
    ['closed', 'resolved'],
  ] as const)('refuses %s → %s with the allowed actions', (from, status) => {
    const allowed = allowedActions(from, 'agent')
    expect(patch(ticket(from), { status })).toEqual({
      ok: false,
      error: { code: 'illegal_transition', action: 'set_status', from, allowed },
    })
  })

  it('refuses close reasons that belong to the reporter or the scheduler', () => {
    for (const closeReason of ['confirmed', 'withdrawn', 'auto_closed'] as const) {
      const d = patch(ticket('in_progress'), { status: 'closed', closeReason, reason: 'x' })
      expect(d).toMatchObject({ ok: false, error: { code: 'invalid', field: 'closeReason' } })
    }
    const orphan = patch(ticket('in_progress'), { closeReason: 'rejected' })
    expect(orphan).toMatchObject({ ok: false, error: { code: 'invalid', field: 'status' } })
  })

  it('closes a duplicate with the ticket it duplicates', () => {
    const body = { status: 'closed', closeReason: 'duplicate', reason: 'Same', duplicateOf: 't-1' }
    const d = patch(ticket('waiting_on_reporter'), body as TicketPatch)
    expect(d).toMatchObject({ ok: true, state: { closedAt: NOW } })
    expect(d).toMatchObject({ relations: { duplicateOfId: 't-1' } })
  })
})

describe('several actions as one change', () => {
  it('skips the ones that change nothing and keeps the rest', () => {
    const state = ticket('in_progress', { assigneeId: 'agent-a' })
    const actions = [{ type: 'take' }, { type: 'set_priority', priority: 'high' }] as const
    const d = decideAll(state, actions, AGENT, ctx)
    expect(d).toMatchObject({ ok: true, state: { priority: 'high' } })
    if (d.ok) expect(d.events.map((e) => e.type)).toEqual(['priority_changed'])
  })
})
