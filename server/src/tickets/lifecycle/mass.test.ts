import { describe, expect, it } from 'vitest'
import { resolveMassIncident } from './mass.js'
import type { MassIncidentChild } from './mass.js'
import { AGENT, NOW, REPORTER, ticket } from '../../../test/lifecycle-fixtures.js'

const child = (id: string, state = ticket('in_progress')): MassIncidentChild => ({
  id,
  state,
  autoCloseDueAt: (from) => `${id}:due(${from})`,
})

const children = [
  child('new', ticket('new')),
  child('working'),
  child('waiting', ticket('waiting_on_reporter')),
  child('resolved', ticket('resolved')),
  child('closed', ticket('closed')),
]

describe('resolving a mass incident', () => {
  const body = 'The VPN gateway is back'

  it('resolves every open child with the same reply and its own due time', () => {
    const r = resolveMassIncident({ parentId: 'p-1', body, actor: AGENT, now: NOW, children })
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    expect(r.resolved.map((c) => c.id)).toEqual(['new', 'working', 'waiting'])
    for (const c of r.resolved) {
      expect(c.state).toMatchObject({ status: 'resolved', resolvedAt: NOW })
      expect(c.state.autoCloseDueAt).toBe(`${c.id}:due(${NOW})`)
      expect(c.events[0]).toEqual({
        type: 'public_reply',
        actor: AGENT,
        visibility: 'public',
        data: { body, status: 'resolved', parentId: 'p-1' },
      })
      expect(c.events.at(-1)?.type).toBe('status_changed')
    }
  })

  it('leaves closed children and children that already have a solution alone', () => {
    const r = resolveMassIncident({ parentId: 'p-1', body, actor: AGENT, now: NOW, children })
    expect(r).toMatchObject({
      ok: true,
      skipped: [
        { id: 'resolved', reason: 'resolved' },
        { id: 'closed', reason: 'closed' },
      ],
    })
  })

  it('needs the solution text, even with no open child', () => {
    const input = { parentId: 'p-1', body: ' ', actor: AGENT, now: NOW, children: [] }
    const r = resolveMassIncident(input)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', field: 'body' } })
  })

  it('lets only agents resolve', () => {
    const r = resolveMassIncident({ parentId: 'p-1', body, actor: REPORTER, now: NOW, children })
    expect(r).toMatchObject({ ok: false, error: { code: 'illegal_transition', from: 'new' } })
  })
})
