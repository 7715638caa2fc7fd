import { describe, expect, it, vi } from 'vitest'
import { agentHarness } from '../../../test/harness.js'

describe('the ticket timeline', () => {
  it('is append-only in the database itself', async () => {
    const h = await agentHarness()
    await h.file()
    expect(() => h.db.$client.prepare(`update ticket_events set data = '{}'`).run()).toThrow(
      /append-only/,
    )
    expect(() => h.db.$client.prepare('delete from ticket_events').run()).toThrow(/append-only/)
    expect(h.count('ticket_events')).toBe(1)
  })

  it('writes the change and its events in one transaction: a failing write leaves neither', async () => {
    const h = await agentHarness()
    const { reference } = await h.file()
    h.db.$client.exec(
      `CREATE TRIGGER fail_notes BEFORE INSERT ON ticket_events WHEN NEW.type = 'internal_note' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    )
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await h.api(`/api/v1/tickets/${reference}/notes`, {
      method: 'POST',
      json: { body: 'lost?' },
    })
    expect(logged).toHaveBeenCalledOnce() // an unexpected failure is logged for the operator
    logged.mockRestore()
    expect(res.status).toBe(500)
    expect(await res.json()).toMatchObject({ code: 'internal_error' })
    const row = h.db.$client.prepare('select status, version from tickets').get()
    expect(row).toEqual({ status: 'new', version: 1 })
    expect(h.count('ticket_events')).toBe(1)
  })
})
