import { describe, expect, it } from 'vitest'
import { validateTicketPayload } from '@snagbox/sdk/contract'
import { createProject } from '../../projects/store.js'
import { agentHarness, type AgentHarness } from '../../../test/harness.js'
import { createTicket } from './create.js'
import { countTickets, type ListQuery } from './list.js'
import { RARE_ROWS, rowsMatching, toMatchTerms } from './search.js'

/*
 * The search box gives the same tickets whichever way it finds them (a rare word's candidates,
 * the intersection of common words' tickets, a reference): checked against each ticket's own
 * rows, one ticket at a time, on enough tickets that common words are common.
 */

const TICKETS = 2_400

/** Every ticket holds "demo", its number and "case"; half "alpha", the other half "omega"; … */
const descriptionOf = (n: number) =>
  [
    `demo ${n} case`,
    n % 2 ? 'omega' : 'alpha',
    n % 3 ? 'beta' : '',
    n % 5 ? '' : 'zeta',
    n % 97 ? '' : 'rarity',
  ].join(' ')

async function fixture(): Promise<AgentHarness & { other: string }> {
  const h = await agentHarness()
  const other = createProject(h.db, { name: 'Other', prefix: 'OTH' })
  const store = { db: h.db, changes: h.changes }
  const now = new Date()
  for (let n = 0; n < TICKETS; n++) {
    const payload = validateTicketPayload(
      {
        description: descriptionOf(n),
        reporter: { name: `Person ${n % 40}`, email: `person${n % 40}@example.com` },
      },
      h.config.limits,
    )
    if (!payload.ok) throw new Error('a bad fixture')
    createTicket(store, {
      project: n % 10 === 9 ? other : h.project,
      payload: payload.value,
      screenshot: null,
      idempotencyKey: null,
      idempotencyKeyHours: 24,
      now,
    })
  }
  // Words that meet only across rows: the description holds one, a reply the other.
  for (const [ref, body] of [
    ['DEMO-1', 'omega again'],
    ['DEMO-3', 'omega too'],
    ['DEMO-5', 'a rarity'],
  ]) {
    const res = await h.api(`/api/v1/tickets/${ref}/replies`, { method: 'POST', json: { body } })
    expect(res.status).toBe(201)
  }
  await h.api('/api/v1/tickets/DEMO-8', { method: 'PATCH', json: { assigneeId: 'me' } })
  return { ...h, other: other.id }
}

/** The tickets holding every term in one of their own rows, in queue order: found one by one. */
function oneByOne(h: AgentHarness, q: string): string[] {
  const terms = toMatchTerms(q) ?? []
  const holds = h.db.$client.prepare(
    `SELECT 1 FROM ticket_search WHERE ticket_search MATCH ? AND rowid IN (SELECT id FROM ticket_events WHERE ticket_id = ?)`,
  )
  const all = h.db.$client
    .prepare('SELECT id, reference FROM tickets ORDER BY queue_key')
    .all() as { id: string; reference: string }[]
  return all
    .filter(
      (t) =>
        (terms.length && terms.every((term) => holds.get(term, t.id))) ||
        t.reference === q.toUpperCase(),
    )
    .map((t) => t.reference)
}

/** Every page of the list for `query`, followed by its cursor. */
async function allPages(h: AgentHarness, query: string): Promise<string[]> {
  const found: string[] = []
  let cursor: string | null = null
  do {
    const res = await h.api(
      `/api/v1/tickets?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )
    const page = (await res.json()) as { items: { reference: string }[]; nextCursor: string | null }
    found.push(...page.items.map((t) => t.reference))
    cursor = page.nextCursor
  } while (cursor)
  return found
}

const listQuery = (q: string, more: Partial<ListQuery> = {}): ListQuery => ({
  status: [],
  category: [],
  priority: [],
  urgent: false,
  assignee: null,
  q,
  reporter: null,
  appVersion: null,
  os: null,
  updatedSince: null,
  sort: 'queue',
  parent: null,
  duplicateOf: null,
  splitFrom: null,
  limit: 25,
  cursor: null,
  ...more,
})

describe('the search box', () => {
  it('finds the same tickets by rare words, common words and references as one by one', async () => {
    const h = await fixture()
    // The common words are common enough to take the intersection, the rare ones are not.
    for (const term of ['"alpha"', '"omega"', '"beta"', '"case"', '"demo 1"*']) {
      expect([term, rowsMatching(h.db, term) > RARE_ROWS]).toEqual([term, true])
    }
    for (const term of ['"rarity"', '"zeta"', '"demo 12"*']) {
      expect([term, rowsMatching(h.db, term) <= RARE_ROWS]).toEqual([term, true])
    }
    // Found across rows only: the description holds "alpha", a reply "omega".
    expect(oneByOne(h, 'alpha omega').sort()).toEqual(['DEMO-1', 'DEMO-3'])
    const searches = [
      'alpha', // one common word
      'alpha beta', // two common words, often together
      'alpha omega', // two common words, never together but across a reply
      'case alpha beta', // three, one of every ticket
      'alpha b', // the second word being typed: a prefix
      'rarity', // one rare word
      'rarity beta', // a rare word and a common one (across a reply too)
      'zeta alpha', // a rarer word and a common one
      'case 777', // a common word and a number
      'demo-12', // a reference, and its few tickets by text
      'demo-1', // a reference, and its many tickets by text
      'DEMO-5 alpha', // not a reference: two words
      'person7', // the reporter
      'nothing', // no ticket
    ]
    for (const q of searches) {
      const expected = oneByOne(h, q)
      expect([q, await allPages(h, `q=${encodeURIComponent(q)}`)]).toEqual([q, expected])
      expect([
        q,
        countTickets(h.db, listQuery(q), { agentId: h.agent.id, projects: 'all' }),
      ]).toEqual([q, expected.length])
    }
    // With filters and a scope of one project of two: the same tickets, fewer of them.
    const inDemo = (refs: string[]) => refs.filter((r) => r.startsWith('DEMO-'))
    const bob = { agentId: h.agent.id, projects: [h.project.id] }
    for (const q of ['alpha beta', 'alpha omega', 'rarity beta', 'alpha', 'demo-1']) {
      expect([q, countTickets(h.db, listQuery(q), bob)]).toEqual([q, inDemo(oneByOne(h, q)).length])
    }
    // DEMO-8 holds "omega", not "alpha".
    expect(countTickets(h.db, listQuery('omega', { assignee: 'me' }), bob)).toBe(1)
    expect(countTickets(h.db, listQuery('alpha', { assignee: 'me' }), bob)).toBe(0)
    // The replies moved DEMO-1, 3 and 5 on from new.
    const stillNew = new Set(
      h.db.$client
        .prepare("SELECT reference FROM tickets WHERE status = 'new'")
        .pluck()
        .all() as string[],
    )
    expect(await allPages(h, 'q=alpha%20beta&status=new')).toEqual(
      oneByOne(h, 'alpha beta').filter((r) => stillNew.has(r)),
    )
    // By the first response's due time: the same tickets, the answered DEMO-1 after the others.
    const byDue = await allPages(h, 'q=demo-1&sort=first_response_due')
    expect(byDue.at(-1)).toBe('DEMO-1')
    expect(byDue.sort()).toEqual(oneByOne(h, 'demo-1').sort())
    expect(
      countTickets(h.db, listQuery('alpha'), { agentId: h.agent.id, projects: [h.other] }),
    ).toBe(oneByOne(h, 'alpha').filter((r) => r.startsWith('OTH-')).length)
  }, 60_000)
})
