import { describe, expect, it } from 'vitest'
import type { PresenceEvent } from '@snagbox/sdk/contract'
import { createAgent } from '../auth/agents.js'
import { createApiToken } from '../auth/tokens.js'
import { createProject } from '../projects/store.js'
import { agentHarness, ORIGIN, type AgentHarness } from '../../test/harness.js'

/** Requests and an event stream as one agent, by its API token. */
function as(h: AgentHarness, token: string) {
  const call = h.as(token)
  return {
    call,
    async stream() {
      const res = await call('/api/v1/events')
      const reader = res.body!.getReader()
      const decoder = new TextDecoder()
      let text = ''
      const read = async () => (text += decoder.decode((await reader.read()).value))
      while (!text.includes('event: ready')) await read()
      return {
        until: async (needle: string) => {
          while (!text.includes(needle)) await read()
        },
        presence: () =>
          text
            .split('\n\n')
            .filter((block) => block.startsWith('event: ticket.presence'))
            .map((block) => JSON.parse(block.split('data: ')[1]!) as PresenceEvent),
        text: () => text,
        close: () => reader.cancel(),
      }
    },
  }
}

async function world() {
  const h = await agentHarness()
  createProject(h.db, { name: 'Beta', prefix: 'BETA', key: 'pk_test_beta_key', origins: [ORIGIN] })
  const agent = async (email: string, name: string, projects: string[]) => {
    await createAgent(h.db, { email, name, password: 'correct-horse', projects })
    return as(h, createApiToken(h.db, { email, name: 't' }).token)
  }
  return {
    h,
    ann: as(h, h.token),
    dora: await agent('dora@example.com', 'Dora Demo', ['DEMO']),
    bert: await agent('bert@example.com', 'Bert Beta', ['BETA']),
  }
}

describe('presence on a ticket', () => {
  it('shows the other agents of the project who is there and who types, live, and never writes', async () => {
    const { h, ann, dora, bert } = await world()
    const { reference, id } = await h.file()
    const published: unknown[] = []
    h.changes.subscribe((c) => published.push(c))
    const before = h.db.$client.prepare('select version, updated_at from tickets').all()
    const events = h.count('ticket_events')
    const doras = await dora.stream()
    const berts = await bert.stream()
    const anns = await ann.stream()

    const beat = await ann.call(`/api/v1/tickets/${reference}/presence`, {
      method: 'POST',
      json: { typing: false },
    })
    expect(beat.status).toBe(200)
    expect(await beat.json()).toEqual({ items: [] })
    await doras.until('"name":"Ann Agent"')
    const seen = await dora.call(`/api/v1/tickets/${reference}/presence`)
    expect(await seen.json()).toEqual({
      items: [{ agentId: h.agent.id, name: 'Ann Agent', typing: false, since: expect.any(String) }],
    })
    // Dora's own heartbeat answers with the others, and Ann hears of her.
    const mine = await dora.call(`/api/v1/tickets/${reference}/presence`, {
      method: 'POST',
      json: { typing: true },
    })
    expect((await mine.json()).items.map((v: { name: string }) => v.name)).toEqual(['Ann Agent'])
    await anns.until('"name":"Dora Demo","typing":true')
    await ann.call(`/api/v1/tickets/${reference}/presence`, { method: 'DELETE' })
    await doras.until('"viewers":[]')

    expect(doras.presence()).toEqual([
      {
        type: 'ticket.presence',
        id,
        reference,
        viewers: [expect.objectContaining({ name: 'Ann Agent', typing: false })],
        at: expect.any(String),
      },
      expect.objectContaining({ viewers: [] }),
    ])
    // Ann's stream heard Dora, never itself; Bert's project is another.
    expect(anns.presence().map((e) => e.viewers.map((v) => v.name))).toEqual([['Dora Demo']])
    expect(anns.text()).not.toContain('"name":"Ann Agent"')
    await doras.close()
    await anns.close()
    await berts.close()
    expect(berts.presence()).toEqual([])
    // Not a change of the ticket: nothing written, nothing published.
    expect(published).toEqual([])
    expect(h.db.$client.prepare('select version, updated_at from tickets').all()).toEqual(before)
    expect(h.count('ticket_events')).toBe(events)
  })

  it('is refused on another project’s ticket as on one that does not exist, and for bad fields', async () => {
    const { h, bert, dora } = await world()
    const { reference } = await h.file()
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await bert.call(`/api/v1/tickets/${reference}/presence`, {
        method,
        ...(method === 'POST' ? { json: { typing: true } } : {}),
      })
      expect([method, res.status]).toEqual([method, 404])
    }
    for (const json of [{ typing: 'yes' }, { typing: true, name: 'Eve' }, []]) {
      const res = await dora.call(`/api/v1/tickets/${reference}/presence`, { method: 'POST', json })
      expect([JSON.stringify(json), res.status]).toEqual([JSON.stringify(json), 400])
    }
    expect((await dora.call(`/api/v1/tickets/${reference}/presence`)).status).toBe(200)
    expect(await (await h.api(`/api/v1/tickets/${reference}/presence`)).json()).toEqual({
      items: [],
    })
  })

  it('shows at most 20 agents on a ticket: the next one is asked to come back later', async () => {
    const { h } = await world()
    const { reference } = await h.file()
    const statuses: number[] = []
    for (let i = 0; i < 21; i++) {
      const email = `agent${i}@example.com`
      await createAgent(h.db, {
        email,
        name: `Agent ${i}`,
        password: 'correct-horse',
        role: 'admin',
      })
      const res = await as(h, createApiToken(h.db, { email, name: 't' }).token).call(
        `/api/v1/tickets/${reference}/presence`,
        { method: 'POST', json: {} },
      )
      statuses.push(res.status)
      if (res.status === 429) expect(res.headers.get('retry-after')).toBe('30')
    }
    expect(statuses).toEqual([...Array(20).fill(200), 429])
    expect(
      (await (await h.api(`/api/v1/tickets/${reference}/presence`)).json()).items,
    ).toHaveLength(20)
  })
})
