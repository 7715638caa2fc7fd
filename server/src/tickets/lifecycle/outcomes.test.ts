import { describe, expect, it } from 'vitest'
import { decide } from './decide.js'
import type { Action, Actor, Decision, TicketState } from './decide.js'
import {
  AGENT,
  ctx,
  DUE,
  EARLIER,
  NOW,
  REPORTER,
  run,
  SYSTEM,
} from '../../../test/lifecycle-fixtures.js'
import { ticket, TOKEN } from '../../../test/lifecycle-fixtures.js'

const solve: Action = { type: 'reply', body: 'Fixed in 4.30.35', status: 'resolved' }
const autoClose: Action = { type: 'auto_close' }

function ok(state: TicketState, action: Action, actor: Actor) {
  const d: Decision = decide(state, action, actor, ctx)
  if (!d.ok) throw new Error(`refused: ${JSON.stringify(d.error)}`)
  return d
}
const types = (d: { events: { type: string }[] }) => d.events.map((e) => e.type)

describe('the auto-close timer', () => {
  it('starts when a solution is given, computed from that moment', () => {
    const { state } = ok(ticket('in_progress'), solve, AGENT)
    expect(state).toMatchObject({ resolvedAt: NOW, autoCloseDueAt: `due(${NOW})` })
  })

  it('restarts when the solution is given again', () => {
    const d = ok(ticket('resolved'), solve, AGENT)
    expect(d.state).toMatchObject({ resolvedAt: NOW, autoCloseDueAt: `due(${NOW})` })
    expect(d.state.status).toBe('resolved')
    expect(types(d)).toEqual(['public_reply'])
  })

  it('restarts when the reporter comments on a resolved ticket, which stays resolved', () => {
    const { state } = ok(ticket('resolved'), { type: 'comment', body: 'Will check' }, REPORTER)
    expect(state).toMatchObject({ status: 'resolved', resolvedAt: EARLIER })
    expect(state.autoCloseDueAt).toBe(`due(${NOW})`)
  })

  it('keeps running on an agent follow-up without a status', () => {
    const { state } = ok(ticket('resolved'), { type: 'reply', body: 'Any news?' }, AGENT)
    expect(state).toMatchObject({ resolvedAt: EARLIER, autoCloseDueAt: DUE })
  })

  it.each([
    [{ type: 'confirm' }, REPORTER],
    [{ type: 'disagree', reason: 'No' }, REPORTER],
    [{ type: 'withdraw' }, REPORTER],
    [{ type: 'close', closeReason: 'rejected', comment: 'Not ours' }, AGENT],
    [{ type: 'auto_close' }, SYSTEM],
  ] as const)('is cleared by %j', (action, actor) => {
    expect(ok(ticket('resolved'), action, actor).state.autoCloseDueAt).toBeNull()
  })

  it('keeps the resolution time on a close, drops it when the work resumes', () => {
    const confirmed = ok(ticket('resolved'), { type: 'confirm' }, REPORTER).state
    expect(confirmed).toMatchObject({ status: 'closed', resolvedAt: EARLIER, closedAt: NOW })
    const disagreed = ok(ticket('resolved'), { type: 'disagree', reason: 'No' }, REPORTER).state
    expect(disagreed).toMatchObject({ status: 'in_progress', resolvedAt: null, reopenCount: 1 })
  })
})

describe('auto-close by the scheduler', () => {
  it('closes once the due time has come', () => {
    const d = ok(ticket('resolved', { autoCloseDueAt: NOW }), autoClose, SYSTEM)
    expect(d.state).toMatchObject({ status: 'closed', closeReason: 'auto_closed', closedAt: NOW })
    expect(d.events[0]).toEqual({
      type: 'auto_closed',
      actor: SYSTEM,
      visibility: 'public',
      data: { dueAt: NOW },
    })
  })

  it.each<[string | null, string]>([
    ['2026-03-10T12:00:00.001Z', 'before the due time'],
    [null, 'without a due time'],
    ['soon', 'with a due time it cannot read'],
  ])('refuses at %s: %s', (dueAt) => {
    const d = decide(ticket('resolved', { autoCloseDueAt: dueAt }), autoClose, SYSTEM, ctx)
    expect(d).toEqual({ ok: false, error: { code: 'not_due', dueAt } })
  })
})

describe('requests that change nothing', () => {
  const mine = ticket('in_progress', { assigneeId: 'agent-a' })
  const unassigned = ticket('new', { assigneeId: null })
  const child = ticket('in_progress', { parentId: 'p' })
  it.each([
    ['taking a ticket one already has', mine, { type: 'take' }],
    ['assigning the assignee', ticket('in_progress'), { type: 'assign', assigneeId: 'agent-z' }],
    ['unassigning nobody', unassigned, { type: 'assign', assigneeId: null }],
    ['the same priority', ticket('in_progress'), { type: 'set_priority', priority: 'normal' }],
    ['the same category', ticket('resolved'), { type: 'set_category', category: 'incident' }],
    ['linking to the same parent', child, { type: 'link', parentId: 'p' }],
  ] as const)('answer no_change: %s', (_, state, action) => {
    const d = decide(state, action, AGENT, ctx)
    expect(d).toMatchObject({ ok: false, error: { code: 'no_change' } })
  })

  it('lets an agent start a new ticket already assigned to them', () => {
    const d = ok(ticket('new', { assigneeId: 'agent-a' }), { type: 'take' }, AGENT)
    expect(d.state.status).toBe('in_progress')
    expect(types(d)).toEqual(['status_changed'])
  })
})

describe('timeline events', () => {
  it('records a take by an API token as the token, assigning its agent', () => {
    const d = ok(ticket('new', { assigneeId: null }), { type: 'take' }, TOKEN)
    expect(d.state.assigneeId).toBe('agent-a')
    const status = { from: 'new', to: 'in_progress', closeReason: null }
    expect(d.events).toEqual([
      { type: 'assigned', actor: TOKEN, visibility: 'public', data: { from: null, to: 'agent-a' } },
      { type: 'status_changed', actor: TOKEN, visibility: 'public', data: status },
    ])
  })

  it('keeps internal notes internal and everything else public', () => {
    const note = ok(ticket('new'), { type: 'note', body: 'Check logs' }, AGENT)
    expect(note.events.map((e) => [e.type, e.visibility])).toEqual([
      ['internal_note', 'internal'],
      ['status_changed', 'public'],
    ])
  })

  it('moves a waiting ticket back to work on any reporter comment', () => {
    const d = ok(ticket('waiting_on_reporter'), { type: 'comment', body: '4.30.34' }, REPORTER)
    expect(types(d)).toEqual(['reporter_comment', 'status_changed'])
    expect(d.state.status).toBe('in_progress')
  })

  it('links a duplicate to the ticket it duplicates, and unlinks it when reopened', () => {
    const comment = 'See DEMO-1'
    const close = { type: 'close', closeReason: 'duplicate', comment, duplicateOf: 't-1' } as const
    const closed = ok(ticket('in_progress'), close, AGENT)
    expect(closed.relations).toEqual({ duplicateOfId: 't-1' })
    expect(types(closed)).toEqual(['closed', 'linked', 'status_changed'])
    const data = { closeReason: 'duplicate', comment, duplicateOf: 't-1' }
    expect(closed.events[0]?.data).toEqual(data)
    const reopened = ok(closed.state, { type: 'reopen', reason: 'Other bug' }, AGENT)
    expect(reopened.relations).toEqual({ duplicateOfId: null })
    expect(reopened.events[0]?.data).toEqual({
      reason: 'Other bug',
      from: 'closed',
      closeReason: 'duplicate',
    })
  })

  it('raises a ticket recategorised as a mass incident to critical', () => {
    const mass = { type: 'set_category', category: 'mass_incident' } as const
    const d = ok(ticket('in_progress'), mass, AGENT)
    expect(d.state).toMatchObject({ category: 'mass_incident', priority: 'critical' })
    expect(types(d)).toEqual(['category_changed', 'priority_changed'])
    const already = ok(ticket('in_progress', { priority: 'critical' }), mass, AGENT)
    expect(types(already)).toEqual(['category_changed'])
  })

  it('records a split and a link without touching a ticket being worked', () => {
    const split = ok(ticket('in_progress'), { type: 'split', ticketId: 't-2' }, AGENT)
    expect(split.events).toEqual([
      { type: 'split', actor: AGENT, visibility: 'public', data: { ticketId: 't-2' } },
    ])
    const link = ok(ticket('in_progress'), { type: 'link', parentId: 't-9' }, AGENT)
    expect(link.relations).toEqual({ parentId: 't-9' })
    expect(link.state).toEqual(ticket('in_progress'))
  })

  it('keeps a withdrawal reason only when one is given', () => {
    const given = ok(ticket('new'), { type: 'withdraw', reason: 'Gone' }, REPORTER)
    const blank = ok(ticket('new'), { type: 'withdraw', reason: ' ' }, REPORTER)
    expect(given.events[0]?.data).toEqual({ reason: 'Gone' })
    expect(blank.events[0]?.data).toEqual({ reason: null })
  })

  it('lets a ticket go round the whole cycle', () => {
    const steps: Parameters<typeof run>[1] = [
      [{ type: 'take' }, 'agent'],
      [{ type: 'reply', body: 'Which build?', status: 'waiting_on_reporter' }, 'agent'],
      [{ type: 'comment', body: '6255' }, 'reporter'],
      [solve, 'token'],
      [autoClose, 'system'],
    ]
    const end = run(ticket('new', { assigneeId: null }), steps, {
      now: NOW,
      autoCloseDueAt: (from) => from,
    })
    expect(end).toMatchObject({ status: 'closed', closeReason: 'auto_closed', closedAt: NOW })
    expect(end).toMatchObject({ resolvedAt: NOW, autoCloseDueAt: null, reopenCount: 0 })
    expect(end.assigneeId).toBe('agent-a')
  })
})
