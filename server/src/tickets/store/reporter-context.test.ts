import { describe, expect, it } from 'vitest'
import type { AgentTicket } from '@snagbox/sdk/contract'
import { createProject } from '../../projects/store.js'
import { agentHarness, ORIGIN, type AgentHarness } from '../../../test/harness.js'
import { RECENT_SHOWN } from './reporter-context.js'

const context = async (h: AgentHarness, ref: string) =>
  ((await (await h.api(`/api/v1/tickets/${ref}`)).json()) as AgentTicket).reporterContext
const refs = (requests: { reference: string }[] | undefined) => requests?.map((r) => r.reference)

/** Every reference a query lists, page by page. */
async function listed(h: AgentHarness, query: string, limit = 2) {
  const all: string[] = []
  let cursor: string | null = null
  do {
    const res = await h.api(
      `/api/v1/tickets?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    )
    expect(res.status, await res.clone().text()).toBe(200)
    const page = (await res.json()) as { items: { reference: string }[]; nextCursor: string }
    all.push(...page.items.map((t) => t.reference))
    cursor = page.nextCursor
  } while (cursor)
  return all
}

describe('the reporter’s other requests', () => {
  it('names those of the same e-mail address and of the same organization, newest first, never the ticket itself', async () => {
    let clock = Date.parse('2026-11-02T09:00:00Z')
    const h = await agentHarness({ now: () => new Date((clock += 60_000)) })
    const anna = { name: 'Anna Petrova', email: 'anna@kvant.example', organization: 'Kvant Energo' }
    const first = await h.file({ description: 'Export fails', reporter: anna })
    const second = await h.file({
      description: 'Printing is slow',
      reporter: { ...anna, email: ' ANNA@Kvant.Example ', organization: 'kvant energo' },
    })
    const colleague = await h.file({
      description: 'Login fails',
      reporter: { name: 'Boris', email: 'boris@kvant.example', organization: 'Kvant Energo' },
    })
    // Words in common are not enough: another address, another organization.
    await h.file({
      description: 'x',
      reporter: { email: 'anna@kvant.example.org', organization: 'Kvant' },
    })
    await h.file({ description: 'y', reporter: { email: 'kvant@anna.example' } })
    const other = createProject(h.db, {
      name: 'Other',
      prefix: 'OTH',
      key: 'pk_test_other_key',
      origins: [ORIGIN],
    })
    await h.post({ description: 'Elsewhere', reporter: anna }, { 'X-Snagbox-Key': other.key })
    const latest = await h.file({ description: 'Crash on save', reporter: anna })

    const seen = await context(h, latest.reference)
    expect(seen.sameReporter).toEqual({
      count: 2,
      recent: [
        {
          id: second.id,
          reference: second.reference,
          status: 'new',
          subject: 'Printing is slow',
          createdAt: expect.any(String),
        },
        expect.objectContaining({ reference: first.reference, subject: 'Export fails' }),
      ],
    })
    expect(refs(seen.sameOrganization?.recent)).toEqual([
      colleague.reference,
      second.reference,
      first.reference,
    ])
    expect(seen.sameOrganization?.count).toBe(3)
    expect(refs((await context(h, colleague.reference)).sameReporter?.recent)).toEqual([])
  })

  it('finds the requests of the same verified user id too, and says null when nothing names the reporter', async () => {
    const h = await agentHarness()
    const byId = await h.file({ description: 'One', reporter: { name: 'Anna' } })
    const byMail = await h.file({ description: 'Two', reporter: { email: 'anna@example.com' } })
    const both = await h.file({ description: 'Three', reporter: { email: 'anna@example.com' } })
    const unknown = await h.file({ description: 'Four' })
    // As a report with a valid identity signature stores it.
    h.db.$client
      .prepare("update tickets set reporter_user_id = 'user-7' where id in (?, ?)")
      .run(byId.id, both.id)
    const seen = await context(h, both.reference)
    expect(refs(seen.sameReporter?.recent)).toEqual([byMail.reference, byId.reference])
    expect(seen.sameOrganization).toBeNull()
    expect(refs((await context(h, byId.reference)).sameReporter?.recent)).toEqual([both.reference])
    expect(await context(h, unknown.reference)).toEqual({
      sameReporter: null,
      sameOrganization: null,
    })
  })

  it(`counts them all and names the newest ${RECENT_SHOWN}`, async () => {
    const h = await agentHarness()
    const filed = []
    for (let i = 0; i < RECENT_SHOWN + 3; i++)
      filed.push(await h.file({ description: `Case ${i}`, reporter: { email: 'a@example.com' } }))
    const seen = await context(h, filed[0]!.reference)
    expect(seen.sameReporter?.count).toBe(RECENT_SHOWN + 2)
    expect(refs(seen.sameReporter?.recent)).toEqual(
      filed
        .slice(1)
        .reverse()
        .slice(0, RECENT_SHOWN)
        .map((t) => t.reference),
    )
  })
})

describe('searching the queue by the reporter', () => {
  it('finds tickets by the reporter’s name, e-mail and organization with reporter=, and by context values with q', async () => {
    const h = await agentHarness()
    const anna = await h.file({
      description: 'Export fails',
      reporter: { name: 'Anna Petrova', email: 'anna@kvant.example', organization: 'Kvant Energo' },
      context: { tenant: 'north-star', account: { plan: 'gold', seats: 4815 } },
    })
    const boris = await h.file({
      description: 'Anna said the export fails',
      reporter: { name: 'Boris Ivanov', email: 'boris@example.com', organization: 'Smith & Co' },
    })
    const split = await (
      await h.api(`/api/v1/tickets/${anna.reference}/split`, {
        method: 'POST',
        json: { subject: 'Second', description: 'Also slow' },
      })
    ).json()
    expect(await listed(h, 'reporter=anna')).toEqual([anna.reference, split.reference])
    expect(await listed(h, 'reporter=petr')).toEqual([anna.reference, split.reference])
    expect(await listed(h, `reporter=${encodeURIComponent('anna@kvant.example')}`)).toEqual([
      anna.reference,
      split.reference,
    ])
    expect(await listed(h, 'reporter=kvant%20energo')).toEqual([anna.reference, split.reference])
    expect(await listed(h, 'reporter=smith')).toEqual([boris.reference])
    expect(await listed(h, 'reporter=export')).toEqual([])
    expect(await listed(h, 'reporter=anna&status=closed')).toEqual([])
    // `q` finds the same and more: the description of Boris's ticket names Anna.
    expect(await listed(h, 'q=anna')).toEqual([anna.reference, boris.reference, split.reference])
    expect(await listed(h, 'q=north%20star')).toEqual([anna.reference, split.reference])
    // Words joined by punctuation are found as written; apart, each anywhere.
    const apart = await h.file({ description: 'A star in the north' })
    expect(await listed(h, 'q=north-star')).toEqual([anna.reference, split.reference])
    expect(await listed(h, 'q=star%20north')).toEqual([
      anna.reference,
      split.reference,
      apart.reference,
    ])
    expect(await listed(h, 'q=4815')).toEqual([anna.reference, split.reference])
    expect(await listed(h, 'q=gold%20export')).toEqual([anna.reference])
    // Keys of the context are not its values.
    expect(await listed(h, 'q=tenant')).toEqual([])
    for (const hostile of ['"', '*', 'NEAR(a b)', 'a OR b', '\u0000', ')', 'reporter:x']) {
      const res = await h.api(`/api/v1/tickets?reporter=${encodeURIComponent(hostile)}`)
      expect([hostile, res.status]).toEqual([hostile, 200])
    }
  })

  it('pages a reporter search by keyset, stable while tickets arrive', async () => {
    const h = await agentHarness()
    const mine = []
    for (let i = 0; i < 5; i++)
      mine.push(
        (await h.file({ description: `Case ${i}`, reporter: { organization: 'Kvant Energo' } }))
          .reference,
      )
    const first = await (await h.api('/api/v1/tickets?reporter=kvant&limit=3')).json()
    // A newer ticket of the same organization lands after the first page, not inside it.
    const newer = await h.file({ description: 'Later', reporter: { organization: 'Kvant' } })
    const rest = await (
      await h.api(`/api/v1/tickets?reporter=kvant&limit=3&cursor=${first.nextCursor}`)
    ).json()
    const seen = [...first.items, ...rest.items].map((t: { reference: string }) => t.reference)
    expect(seen).toEqual([...mine, newer.reference])
  })
})
