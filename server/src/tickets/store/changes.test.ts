import { describe, expect, it, vi } from 'vitest'
import { agentHarness } from '../../../test/harness.js'
import { closeDueTickets } from '../auto-close.js'
import type { CommittedChange } from './changes.js'

const summary = (c: CommittedChange) => ({
  actor: c.actor.kind,
  created: c.created.map((t) => t.reference),
  changed: c.changed.map((t) => `${t.reference}:${t.status}:v${t.version}`),
  events: c.events.map(
    (e) => `${c.created.concat(c.changed).find((t) => t.id === e.ticketId)?.reference}:${e.type}`,
  ),
})

describe('committed changes', () => {
  it('are published once per write, after commit, by every writer: intake, agents, reporter, split, auto-close', async () => {
    let now = new Date('2026-11-23T10:00:00Z')
    const h = await agentHarness({ now: () => now })
    const seen: ReturnType<typeof summary>[] = []
    // What a listener reads is already in the database: the change has committed.
    h.changes.subscribe((c) => {
      for (const t of [...c.created, ...c.changed]) {
        const stored = h.db.$client
          .prepare('select status, version from tickets where id = ?')
          .get(t.id)
        expect(stored).toEqual({ status: t.status, version: t.version })
      }
      seen.push(summary(c))
    })
    const first = await h.file({ description: 'Export fails' })
    const replay = await h.post({ description: 'Export fails' }, { 'Idempotency-Key': 'k1' })
    await h.post({ description: 'Export fails' }, { 'Idempotency-Key': 'k1' })
    expect(replay.status).toBe(201)
    await h.api(`/api/v1/tickets/${first.reference}/replies`, {
      method: 'POST',
      json: { body: 'Which file?', status: 'waiting_on_reporter' },
    })
    await h.reporter(first.statusUrl, '/comments', {
      method: 'POST',
      json: { body: 'report.xlsx' },
    })
    await h.api(`/api/v1/tickets/${first.reference}/split`, {
      method: 'POST',
      json: { subject: 'Printing', description: 'Printing fails too' },
    })
    await h.api(`/api/v1/tickets/${first.reference}/replies`, {
      method: 'POST',
      json: { body: 'Fixed in 4.31', status: 'resolved' },
    })
    now = new Date('2026-12-07T10:00:00Z')
    expect(closeDueTickets({ db: h.db, changes: h.changes }, now)).toEqual([first.reference])

    expect(seen).toEqual([
      { actor: 'reporter', created: ['DEMO-1'], changed: [], events: ['DEMO-1:created'] },
      { actor: 'reporter', created: ['DEMO-2'], changed: [], events: ['DEMO-2:created'] },
      {
        actor: 'token',
        created: [],
        changed: ['DEMO-1:waiting_on_reporter:v2'],
        events: ['DEMO-1:public_reply', 'DEMO-1:status_changed'],
      },
      {
        actor: 'reporter',
        created: [],
        changed: ['DEMO-1:in_progress:v3'],
        events: ['DEMO-1:reporter_comment', 'DEMO-1:status_changed'],
      },
      {
        actor: 'token',
        created: ['DEMO-3'],
        changed: ['DEMO-1:in_progress:v4'],
        events: ['DEMO-3:created', 'DEMO-1:split'],
      },
      {
        actor: 'token',
        created: [],
        changed: ['DEMO-1:resolved:v5'],
        events: ['DEMO-1:public_reply', 'DEMO-1:status_changed'],
      },
      {
        actor: 'system',
        created: [],
        changed: ['DEMO-1:closed:v6'],
        events: ['DEMO-1:auto_closed', 'DEMO-1:status_changed'],
      },
    ])
  })

  it("name every ticket a mass incident resolved, with each child's events", async () => {
    const h = await agentHarness()
    const parent = await h.file({ description: 'Nobody can log in', category: 'mass_incident' })
    const child = await h.file({ description: 'Login fails' })
    await h.api(`/api/v1/tickets/${child.reference}/link`, {
      method: 'POST',
      json: { parent: parent.reference },
    })
    const seen: CommittedChange[] = []
    h.changes.subscribe((c) => seen.push(c))
    await h.api(`/api/v1/tickets/${parent.reference}/replies`, {
      method: 'POST',
      json: { body: 'Fixed', status: 'resolved' },
    })
    expect(seen).toHaveLength(1)
    expect(seen[0]!.changed.map((t) => [t.reference, t.status])).toEqual([
      [parent.reference, 'resolved'],
      [child.reference, 'resolved'],
    ])
    expect(seen[0]!.events.filter((e) => e.ticketId === child.id).map((e) => e.type)).toContain(
      'public_reply',
    )
  })

  it('are not published for a write that was refused or rolled back', async () => {
    const h = await agentHarness()
    const { reference } = await h.file()
    const seen: CommittedChange[] = []
    h.changes.subscribe((c) => seen.push(c))
    expect(
      (
        await h.api(`/api/v1/tickets/${reference}`, {
          method: 'PATCH',
          json: { priority: 'high' },
          headers: { 'If-Match': '"7"' },
        })
      ).status,
    ).toBe(412)
    expect(
      (
        await h.api(`/api/v1/tickets/${reference}/replies`, {
          method: 'POST',
          json: { body: 'x', status: 'resolved' },
        })
      ).status,
    ).toBe(201)
    expect(
      (
        await h.api(`/api/v1/tickets/${reference}`, {
          method: 'PATCH',
          json: { status: 'waiting_on_reporter' },
        })
      ).status,
    ).toBe(409)
    h.db.$client.exec(
      `CREATE TRIGGER fail_notes BEFORE INSERT ON ticket_events WHEN NEW.type = 'internal_note' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    )
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(
      (
        await h.api(`/api/v1/tickets/${reference}/notes`, {
          method: 'POST',
          json: { body: 'lost' },
        })
      ).status,
    ).toBe(500)
    logged.mockRestore()
    expect(seen.map((c) => c.changed.map((t) => t.status))).toEqual([['resolved']])
  })

  it('reach every listener even when one throws, and the write still answers', async () => {
    const h = await agentHarness()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    h.changes.subscribe(() => {
      throw new Error('listener broke')
    })
    const heard: string[] = []
    h.changes.subscribe((c) => heard.push(...c.created.map((t) => t.reference)))
    const res = await h.post({ description: 'Export fails' })
    expect(res.status).toBe(201)
    expect(heard).toEqual(['DEMO-1'])
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('listener'), expect.any(Error))
    logged.mockRestore()
  })
})
