import { describe, expect, it } from 'vitest'
import { agentHarness } from '../../test/harness.js'
import { closeDueTickets } from './auto-close.js'
import { ChangeFeed } from './store/changes.js'

describe('the auto-close scheduler', () => {
  it('closes a resolved ticket after 5 working days across a weekend and a holiday', async () => {
    let now = new Date('2026-12-30T10:00:00+03:00') // Wednesday, Moscow
    const h = await agentHarness({ now: () => now })
    h.db.$client
      .prepare(
        `update projects set time_zone = 'Europe/Moscow', holidays = '["2026-12-31","2027-01-01"]'`,
      )
      .run()
    const { reference, statusUrl } = await h.file()
    const solved = await (
      await h.api(`/api/v1/tickets/${reference}/replies`, {
        method: 'POST',
        json: { body: 'Fixed', status: 'resolved' },
      })
    ).json()
    // Wed 30 Dec; Thu 31 and Fri 1 Jan are holidays; Sat, Sun off; Mon 4 … Thu 7 Jan, Fri 8 Jan = day 5.
    expect(solved.autoCloseDueAt).toBe('2027-01-08T07:00:00.000Z')
    const run = (at: string) => {
      now = new Date(at)
      return closeDueTickets({ db: h.db, changes: new ChangeFeed() }, now)
    }
    expect(run('2027-01-04T10:00:00+03:00')).toEqual([])
    expect(run('2027-01-08T09:59:00+03:00')).toEqual([])
    expect(run('2027-01-08T10:00:00+03:00')).toEqual([reference])
    expect(run('2027-01-08T10:05:00+03:00')).toEqual([])
    const ticket = await (await h.api(`/api/v1/tickets/${reference}`)).json()
    expect(ticket).toMatchObject({
      status: 'closed',
      closeReason: 'auto_closed',
      closedAt: '2027-01-08T07:00:00.000Z',
    })
    expect(ticket.timeline.at(-2)).toMatchObject({ type: 'auto_closed', actor: { kind: 'system' } })
    expect(await (await h.reporter(statusUrl)).json()).toMatchObject({
      status: 'closed',
      closeReason: 'auto_closed',
    })
  })

  it('leaves a ticket whose reporter answered, and restarts the wait', async () => {
    let now = new Date('2026-11-23T12:00:00Z') // Monday
    const h = await agentHarness({ now: () => now })
    const { reference, statusUrl } = await h.file()
    await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'Fixed', status: 'resolved' },
    })
    now = new Date('2026-11-27T12:00:00Z') // Friday
    await h.reporter(statusUrl, '/comments', {
      method: 'POST',
      json: { body: 'Let me check on Monday' },
    })
    now = new Date('2026-11-30T12:00:00Z') // the original due time
    expect(closeDueTickets({ db: h.db, changes: new ChangeFeed() }, now)).toEqual([])
    now = new Date('2026-12-04T12:00:00Z') // five working days after the comment
    expect(closeDueTickets({ db: h.db, changes: new ChangeFeed() }, now)).toEqual([reference])
  })
})
