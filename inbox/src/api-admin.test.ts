import { describe, expect, it, vi } from 'vitest'
import { createApi } from './api.js'

function fakeFetch(...answers: Response[]) {
  const calls: { url: string; method: string; body: unknown }[] = []
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(url),
      method: init?.method ?? 'GET',
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    })
    return answers.shift() ?? new Response('{}')
  })
  return { api: createApi({ fetch: fetch as unknown as typeof globalThis.fetch }), calls }
}

const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status })

describe('the admin API client', () => {
  it('lists, creates and changes agents under /api/v1/admin/agents', async () => {
    const agent = { id: 'a/1', email: 'bob@example.com', name: 'Bob' }
    const { api, calls } = fakeFetch(
      answer({ items: [agent] }),
      answer({ agent, invite: { url: 'https://x/inbox/invite#t', expiresAt: 'z' } }, 201),
      answer({ agent }),
      answer({ agent, invite: { url: 'u', expiresAt: 'z' } }),
    )
    expect(await api.adminAgents()).toEqual([agent])
    const created = await api.createAgent({ email: 'bob@example.com', name: 'Bob', projects: [] })
    expect(created.invite?.url).toBe('https://x/inbox/invite#t')
    expect(await api.updateAgent('a/1', { disabled: true })).toEqual(agent)
    expect((await api.inviteAgent('a/1')).invite.url).toBe('u')
    expect(calls).toEqual([
      { url: '/api/v1/admin/agents', method: 'GET', body: undefined },
      {
        url: '/api/v1/admin/agents',
        method: 'POST',
        body: { email: 'bob@example.com', name: 'Bob', projects: [] },
      },
      // Ids are escaped into the path.
      { url: '/api/v1/admin/agents/a%2F1', method: 'PATCH', body: { disabled: true } },
      { url: '/api/v1/admin/agents/a%2F1/invite', method: 'POST', body: undefined },
    ])
  })

  it("lists, creates and revokes an agent's API tokens", async () => {
    const { api, calls } = fakeFetch(
      answer({ items: [] }),
      answer({ id: 't1', token: 'sbt_secret', scope: 'read', expiresAt: null, name: 'CI' }, 201),
      answer({ id: 't1', state: 'revoked' }),
    )
    expect(await api.agentTokens('a1')).toEqual([])
    const made = await api.createToken('a1', { name: 'CI', scope: 'read', expiresInDays: null })
    expect(made.token).toBe('sbt_secret')
    expect((await api.revokeToken('t1')).state).toBe('revoked')
    expect(calls).toEqual([
      { url: '/api/v1/admin/agents/a1/tokens', method: 'GET', body: undefined },
      {
        url: '/api/v1/admin/agents/a1/tokens',
        method: 'POST',
        body: { name: 'CI', scope: 'read', expiresInDays: null },
      },
      { url: '/api/v1/admin/tokens/t1/revoke', method: 'POST', body: undefined },
    ])
  })

  it('creates projects and changes one by its prefix', async () => {
    const project = { id: 'p1', prefix: 'DEMO' }
    const { api, calls } = fakeFetch(
      answer({ items: [project] }),
      answer(project, 201),
      answer(project),
    )
    expect(await api.adminProjects()).toEqual([project])
    await api.createProject({ name: 'Demo', prefix: 'DEMO', holidays: ['2026-01-01'] })
    await api.updateProject('DEMO', { autoCloseDays: 3 })
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['GET', '/api/v1/admin/projects', undefined],
      [
        'POST',
        '/api/v1/admin/projects',
        { name: 'Demo', prefix: 'DEMO', holidays: ['2026-01-01'] },
      ],
      ['PATCH', '/api/v1/admin/projects/DEMO', { autoCloseDays: 3 }],
    ])
  })

  it('pages the audit trail with the cursor it was given', async () => {
    const { api, calls } = fakeFetch(
      answer({ items: [{ id: 9 }], nextCursor: '9' }),
      answer({ items: [], nextCursor: null }),
    )
    expect((await api.audit()).nextCursor).toBe('9')
    await api.audit('9', 20)
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/audit?limit=50',
      '/api/v1/audit?limit=20&cursor=9',
    ])
  })

  it("sends a one-time link's token in the body, never in the address", async () => {
    const agent = { id: 'a1', email: 'bob@example.com', name: 'Bob', role: 'agent' }
    const { api, calls } = fakeFetch(
      answer({ email: 'bob@example.com', name: 'Bob', expiresAt: 'z' }),
      answer({ agent }),
    )
    expect((await api.invite('tok/en')).name).toBe('Bob')
    expect(await api.acceptInvite('tok/en', 'a long password')).toEqual(agent)
    expect(calls).toEqual([
      { url: '/api/v1/auth/invite/lookup', method: 'POST', body: { token: 'tok/en' } },
      {
        url: '/api/v1/auth/invite/accept',
        method: 'POST',
        body: { token: 'tok/en', password: 'a long password' },
      },
    ])
  })
})
