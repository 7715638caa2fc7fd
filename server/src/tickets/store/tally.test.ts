import { describe, expect, it, vi } from 'vitest'
import { createAgent } from '../../auth/agents.js'
import { createApiToken } from '../../auth/tokens.js'
import { createProject } from '../../projects/store.js'
import { checkViewQuery } from '../../views/store.js'
import { agentHarness, ORIGIN, type AgentHarness } from '../../../test/harness.js'
import { countTickets } from './list.js'

/*
 * The tally the standard views are added up from holds what their queries count, whichever way
 * it reads a scope of some projects: by the open tickets' rows, or by the scope's rowids.
 */

/** The standard views' counts as an agent of `projects` gets them, and by their own queries. */
async function bothWays(h: AgentHarness, token: string, agentId: string, projects: string[]) {
  const res = await h.as(token)('/api/v1/views')
  const items = (
    (await res.json()) as { items: { id: string; kind: string; query: string; count: number }[] }
  ).items.filter((v) => v.kind === 'standard')
  return {
    byTally: Object.fromEntries(items.map((v) => [v.id, v.count])),
    byQuery: Object.fromEntries(
      items.map((v) => [
        v.id,
        countTickets(h.db, checkViewQuery(v.query).parsed, { agentId, projects }),
      ]),
    ),
  }
}

describe('the tally of a scope', () => {
  it('counts what the standard views’ queries count, by rows or by rowids', async () => {
    const h = await agentHarness()
    const other = createProject(h.db, { name: 'Other', prefix: 'OTH', origins: [ORIGIN] })
    const agent = async (email: string, projects: string[]) => {
      const { id } = await createAgent(h.db, {
        email,
        name: email,
        password: 'correct-horse',
        projects,
      })
      return { id, token: createApiToken(h.db, { email, name: 't' }).token, projects }
    }
    const demo = await agent('bob@example.com', ['DEMO'])
    const elsewhere = await agent('oleg@example.com', ['OTH'])
    const everywhere = await agent('eve@example.com', ['DEMO', 'OTH'])
    const refs: string[] = []
    for (let i = 0; i < 30; i++)
      refs.push((await h.file({ description: `Ticket ${i}`, blocking: i % 4 === 0 })).reference)
    for (let i = 0; i < 3; i++)
      await h.post({ description: 'Elsewhere' }, { 'X-Snagbox-Key': other.key })
    for (const [i, ref] of refs.slice(0, 4).entries()) {
      await h.as(demo.token)(`/api/v1/tickets/${ref}`, {
        method: 'PATCH',
        json: i % 2 ? { assigneeId: 'me' } : { priority: 'critical' },
      })
    }
    await h.api(`/api/v1/tickets/${refs[4]}/replies`, {
      method: 'POST',
      json: { body: 'Which printer?', status: 'waiting_on_reporter' },
    })
    await h.api(`/api/v1/tickets/${refs[5]}/replies`, {
      method: 'POST',
      json: { body: 'Fixed.', status: 'resolved' },
    })
    const prepared = vi.spyOn(h.db.$client, 'prepare')
    const byRowids = () =>
      prepared.mock.calls.filter(([text]) => text.includes('rowid IN (SELECT rowid')).length
    const check = async (who: { id: string; token: string; projects: string[] }) => {
      const { byTally, byQuery } = await bothWays(h, who.token, who.id, [
        ...(who.projects.includes('DEMO') ? [h.project.id] : []),
        ...(who.projects.includes('OTH') ? [other.id] : []),
      ])
      expect(byTally).toEqual(byQuery)
      return byTally
    }
    // Every ticket open: the scope's rowids.
    expect(await check(demo)).toMatchObject({ mine: 2, urgent: 9, waiting_on_reporter: 1 })
    expect(byRowids()).toBe(1)
    // Most of them closed (9 open of 33, 30 in the scope): the open tickets' rows.
    for (const ref of refs.slice(6)) {
      await h.api(`/api/v1/tickets/${ref}`, {
        method: 'PATCH',
        json: { status: 'closed', closeReason: 'rejected', reason: 'Spam' },
      })
    }
    expect(await check(demo)).toMatchObject({ closed: 24, awaiting_confirmation: 1 })
    expect(byRowids()).toBe(1)
    // Every project (no scope to read), and the other one alone (its 3 rowids, beside 9 open).
    await check(everywhere)
    expect(byRowids()).toBe(1)
    await check(elsewhere)
    expect(byRowids()).toBe(2)
  })
})
