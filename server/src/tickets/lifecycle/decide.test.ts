import { describe, expect, it } from 'vitest'
import type { CloseReason, Status } from '@snagbox/sdk/contract'
import { STATUSES } from '@snagbox/sdk/contract'
import { allowedActions, decide } from './decide.js'
import type { Action, ActorKind, Allowed } from './decide.js'
import { ACTORS, AGENT, ctx, NOW, REPORTER, run, ticket } from '../../../test/lifecycle-fixtures.js'

// Every action in every variant, built so that it is well-formed and would change something.
const SAMPLES = {
  take: { type: 'take' },
  assign: { type: 'assign', assigneeId: 'agent-b' },
  unassign: { type: 'assign', assigneeId: null },
  reply: { type: 'reply', body: 'Looking into it' },
  'reply:waiting': { type: 'reply', body: 'Which version?', status: 'waiting_on_reporter' },
  'reply:resolved': { type: 'reply', body: 'Fixed in 4.30.35', status: 'resolved' },
  note: { type: 'note', body: 'Same as DEMO-3' },
  split: { type: 'split', ticketId: 't-2' },
  link: { type: 'link', parentId: 't-9' },
  set_priority: { type: 'set_priority', priority: 'high' },
  set_category: { type: 'set_category', category: 'consultation' },
  'close:duplicate': { type: 'close', closeReason: 'duplicate', comment: 'Dup', duplicateOf: 't1' },
  'close:rejected': { type: 'close', closeReason: 'rejected', comment: 'Works as designed' },
  reopen: { type: 'reopen', reason: 'Happens again' },
  comment: { type: 'comment', body: 'Still there' },
  confirm: { type: 'confirm' },
  disagree: { type: 'disagree', reason: 'Not fixed' },
  withdraw: { type: 'withdraw', reason: 'Found it myself' },
  auto_close: { type: 'auto_close' },
} satisfies Record<string, Action>
type Sample = keyof typeof SAMPLES

const OPEN = ['new', 'in_progress', 'waiting_on_reporter', 'resolved'] as const
type Who = 'agent' | 'reporter' | 'system'
type Row = [Status, Sample, Who, Status, CloseReason?]

// Contract §2 as the expected outcome of every legal (status, action, actor); everything not
// listed must be refused. 'agent' rows hold for API tokens too.
const AGENT_ON_OPEN = (s: (typeof OPEN)[number]): Row[] => {
  const worked = s === 'new' ? 'in_progress' : s
  const rows: Row[] = [
    [s, 'take', 'agent', worked],
    [s, 'assign', 'agent', worked],
    [s, 'unassign', 'agent', s],
    [s, 'reply', 'agent', worked],
    [s, 'reply:resolved', 'agent', 'resolved'],
    [s, 'note', 'agent', worked],
    [s, 'split', 'agent', worked],
    [s, 'link', 'agent', worked],
    [s, 'set_priority', 'agent', s],
    [s, 'set_category', 'agent', s],
    [s, 'close:duplicate', 'agent', 'closed', 'duplicate'],
    [s, 'close:rejected', 'agent', 'closed', 'rejected'],
    [s, 'comment', 'reporter', s === 'waiting_on_reporter' ? 'in_progress' : s],
    [s, 'withdraw', 'reporter', 'closed', 'withdrawn'],
  ]
  if (s !== 'resolved') rows.push([s, 'reply:waiting', 'agent', 'waiting_on_reporter'])
  return rows
}
const LEGAL: Row[] = [
  ...OPEN.flatMap(AGENT_ON_OPEN),
  ['resolved', 'confirm', 'reporter', 'closed', 'confirmed'],
  ['resolved', 'disagree', 'reporter', 'in_progress'],
  ['resolved', 'auto_close', 'system', 'closed', 'auto_closed'],
  // The fixture's closed ticket was confirmed; notes and splits leave it so.
  ['closed', 'note', 'agent', 'closed', 'confirmed'],
  ['closed', 'split', 'agent', 'closed', 'confirmed'],
  ['closed', 'reopen', 'agent', 'in_progress'],
]

const who = (kind: ActorKind): Who => (kind === 'token' ? 'agent' : kind)
const expected = (status: Status, sample: Sample, kind: ActorKind) =>
  LEGAL.find(([s, a, w]) => s === status && a === sample && w === who(kind))

const listed = (allowed: Allowed[], action: Action) =>
  allowed.some(
    (a) =>
      a.action === action.type &&
      (action.type !== 'reply' || a.status === action.status) &&
      (action.type !== 'close' || a.closeReason === action.closeReason),
  )

describe('the lifecycle table', () => {
  const cases = STATUSES.flatMap((status) =>
    ACTORS.flatMap((actor) =>
      (Object.keys(SAMPLES) as Sample[]).map((sample) => ({ status, actor, sample })),
    ),
  )

  it('covers every status, action and actor', () => {
    expect(cases).toHaveLength(5 * 4 * Object.keys(SAMPLES).length)
  })

  it.each(cases)('$status + $sample by $actor.kind', ({ status, actor, sample }) => {
    const before = ticket(status)
    const action: Action = SAMPLES[sample]
    const d = decide(before, action, actor, ctx)
    const row = expected(status, sample, actor.kind)
    const allowed = allowedActions(status, actor.kind)
    if (!row) {
      expect(d).toEqual({
        ok: false,
        error: { code: 'illegal_transition', action: action.type, from: status, allowed },
      })
      expect(listed(allowed, action)).toBe(false)
      return
    }
    expect(listed(allowed, action)).toBe(true)
    if (!d.ok) throw new Error(`refused: ${JSON.stringify(d.error)}`)
    const [, , , to, closeReason] = row
    expect(d.state.status).toBe(to)
    expect(d.state.closeReason).toBe(closeReason ?? null)
    const closedAt = status === 'closed' ? before.closedAt : NOW
    expect(d.state.closedAt).toBe(to === 'closed' ? closedAt : null)
    expect(d.state.autoCloseDueAt !== null).toBe(to === 'resolved')
    const changes = d.events.filter((e) => e.type === 'status_changed')
    const change = { from: status, to, closeReason: closeReason ?? null }
    expect(changes).toEqual(
      to === status ? [] : [{ type: 'status_changed', actor, visibility: 'public', data: change }],
    )
    expect(d.events.length).toBeGreaterThan(0)
    expect(d.events.every((e) => e.actor === actor)).toBe(true)
  })

  it('lists for each status and actor exactly the legal rows', () => {
    for (const status of STATUSES) {
      for (const actor of ACTORS) {
        const allowed = allowedActions(status, actor.kind)
        const legal = LEGAL.filter(([s, , w]) => s === status && w === who(actor.kind))
        // Assigning and unassigning are one action.
        const distinct = new Set(legal.map(([, sample]) => sample.replace('unassign', 'assign')))
        expect(allowed).toHaveLength(distinct.size)
      }
    }
  })

  it('gives an API token exactly the rights of an agent', () => {
    for (const status of STATUSES) {
      expect(allowedActions(status, 'token')).toEqual(allowedActions(status, 'agent'))
    }
  })
})

describe('preconditions', () => {
  const blanks = ['', '   ']
  const dup = (duplicateOf: string, comment = '.') =>
    ({ type: 'close', closeReason: 'duplicate', comment, duplicateOf }) as const
  const cases: [Status, Action, string][] = blanks.flatMap((b): [Status, Action, string][] => [
    ['in_progress', { type: 'reply', body: b, status: 'resolved' }, 'body'],
    ['new', { type: 'reply', body: b, status: 'waiting_on_reporter' }, 'body'],
    ['in_progress', { type: 'reply', body: b }, 'body'],
    ['in_progress', { type: 'note', body: b }, 'body'],
    ['waiting_on_reporter', { type: 'comment', body: b }, 'body'],
    ['resolved', { type: 'disagree', reason: b }, 'reason'],
    ['closed', { type: 'reopen', reason: b }, 'reason'],
    ['new', dup('t-1', b), 'comment'],
    ['new', dup(b), 'duplicateOf'],
    ['in_progress', { type: 'close', closeReason: 'rejected', comment: b }, 'comment'],
    ['in_progress', { type: 'assign', assigneeId: b }, 'assigneeId'],
    ['in_progress', { type: 'split', ticketId: b }, 'ticketId'],
    ['in_progress', { type: 'link', parentId: b }, 'parentId'],
  ])

  it.each(cases)('%s + %j is invalid, naming %s', (status, action, field) => {
    const actor = action.type === 'comment' || action.type === 'disagree' ? REPORTER : AGENT
    const d = decide(ticket(status), action, actor, ctx)
    expect(d).toMatchObject({ ok: false, error: { code: 'invalid', field } })
  })

  it('asks for a duplicate target when a duplicate names none', () => {
    const action = { type: 'close', closeReason: 'duplicate', comment: 'Same' } as const
    expect(decide(ticket('new'), action, AGENT, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'duplicateOf' },
    })
  })

  it('refuses the transition before it looks at missing fields', () => {
    const d = decide(ticket('in_progress'), { type: 'disagree', reason: '' }, REPORTER, ctx)
    expect(d).toMatchObject({ ok: false, error: { code: 'illegal_transition' } })
  })

  it('rejects unknown variants as invalid, not as illegal', () => {
    const cases: [Action, string][] = [
      [{ type: 'reply', body: 'x', status: 'closed' } as never, 'status'],
      [{ type: 'close', closeReason: 'confirmed', comment: 'x' } as never, 'closeReason'],
      [{ type: 'set_priority', priority: 'urgent' } as never, 'priority'],
      [{ type: 'set_category', category: 'bug' } as never, 'category'],
    ]
    for (const [action, field] of cases) {
      expect(decide(ticket('in_progress'), action, AGENT, ctx)).toMatchObject({
        ok: false,
        error: { code: 'invalid', field },
      })
    }
  })
})

describe('reopenCount', () => {
  const solve: Action = { type: 'reply', body: 'Try now', status: 'resolved' }

  it('counts each disagreement and each reopen after close', () => {
    const end = run(ticket('new', { assigneeId: null }), [
      [solve, 'agent'],
      [{ type: 'disagree', reason: 'No' }, 'reporter'],
      [solve, 'agent'],
      [{ type: 'disagree', reason: 'Still no' }, 'reporter'],
      [solve, 'agent'],
      [{ type: 'confirm' }, 'reporter'],
      [{ type: 'reopen', reason: 'Back again' }, 'agent'],
    ])
    expect(end).toMatchObject({ status: 'in_progress', reopenCount: 3 })
    expect(end).toMatchObject({ closeReason: null, closedAt: null, resolvedAt: null })
  })

  it('does not count a reporter comment on a resolved ticket', () => {
    const end = run(ticket('resolved'), [[{ type: 'comment', body: 'Hm' }, 'reporter']])
    expect(end.reopenCount).toBe(0)
  })
})
