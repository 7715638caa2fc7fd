import { describe, expect, it } from 'vitest'
import { agentHarness, type AgentHarness } from '../../test/harness.js'

const SELF = 'https://support.example.com'

async function login(h: AgentHarness, password = 'correct-horse', email = 'ann@example.com') {
  return h.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: SELF },
    body: JSON.stringify({ email, password }),
  })
}

const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!

describe('agent authentication', () => {
  it('logs in with e-mail and password into an HttpOnly, SameSite session cookie', async () => {
    const h = await agentHarness()
    const res = await login(h)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ agent: { email: 'ann@example.com', role: 'admin' } })
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^snagbox_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    expect(cookie).toMatch(/Secure/i) // the public URL is https
    // The browser keeps it as long as a session can last (7 days by default); the server ends
    // it sooner when it goes unused for 12 hours.
    expect(cookie).toMatch(/Max-Age=604800/i)
    const me = await h.app.request('/api/v1/me', { headers: { Cookie: cookieOf(res) } })
    expect(await me.json()).toMatchObject({
      email: 'ann@example.com',
      name: 'Ann Agent',
      via: 'session',
    })
    // Only the hash of the session id is stored.
    const stored = h.db.$client.prepare('select id_hash from sessions').all() as {
      id_hash: string
    }[]
    expect(stored).toHaveLength(1)
    expect(cookieOf(res)).not.toContain(stored[0]!.id_hash)
  })

  it('accepts the e-mail in any case', async () => {
    const h = await agentHarness()
    expect((await login(h, 'correct-horse', ' ANN@Example.com ')).status).toBe(200)
  })

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const h = await agentHarness()
    const wrong = await login(h, 'wrong-horse')
    const unknown = await login(h, 'correct-horse', 'bob@example.com')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect((await wrong.json()).detail).toBe((await unknown.json()).detail)
    expect(wrong.headers.get('set-cookie')).toBeNull()
  })

  it('slows down password guessing from one address', async () => {
    const h = await agentHarness()
    const statuses = []
    for (let i = 0; i < 21; i++) statuses.push((await login(h, `guess-${i}`)).status)
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true)
    expect(statuses[20]).toBe(429)
  })

  it('answers 400 to a login without the fields', async () => {
    const h = await agentHarness()
    const res = await h.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"email": 5}',
    })
    expect(res.status).toBe(400)
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toEqual([
      'email',
      'password',
    ])
  })

  it('logs out: the session no longer opens anything', async () => {
    const h = await agentHarness()
    const cookie = cookieOf(await login(h))
    const out = await h.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: SELF },
    })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/snagbox_session=;/)
    expect((await h.app.request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(401)
  })

  it('expires a session left unused for 12 hours', async () => {
    let now = new Date('2026-11-24T08:00:00Z')
    const h = await agentHarness({ now: () => now })
    const cookie = cookieOf(await login(h))
    now = new Date('2026-11-24T19:00:00Z')
    expect((await h.app.request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(200)
    now = new Date('2026-11-25T07:30:00Z') // 12.5 h after the last use
    expect((await h.app.request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(401)
  })

  it('rejects cross-site writes made with the session cookie', async () => {
    const h = await agentHarness()
    const cookie = cookieOf(await login(h))
    const { reference } = await h.file()
    const note = (headers: Record<string, string>) =>
      h.app.request(`/api/v1/tickets/${reference}/notes`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ body: 'n' }),
      })
    expect((await note({ Origin: 'https://evil.example' })).status).toBe(403)
    expect((await note({ 'Sec-Fetch-Site': 'cross-site', Origin: SELF })).status).toBe(403)
    expect((await note({})).status).toBe(403)
    expect((await note({ Origin: SELF })).status).toBe(201)
    expect((await note({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201)
    // Reads with the cookie need no Origin.
    expect(
      (await h.app.request(`/api/v1/tickets/${reference}`, { headers: { Cookie: cookie } })).status,
    ).toBe(200)
  })

  it('takes bearer API tokens, hashed at rest, and records their last use', async () => {
    let now = new Date('2026-11-24T08:00:00Z')
    const h = await agentHarness({ now: () => now })
    const before = h.db.$client
      .prepare('select token_hash, last_used_at from api_tokens')
      .get() as { token_hash: string; last_used_at: string | null }
    expect(before.last_used_at).toBeNull()
    expect(before.token_hash).not.toContain(h.token)
    now = new Date('2026-11-24T09:30:00Z')
    const me = await h.api('/api/v1/me')
    expect(await me.json()).toMatchObject({ email: 'ann@example.com', via: 'token' })
    expect(h.db.$client.prepare('select last_used_at from api_tokens').get()).toEqual({
      last_used_at: '2026-11-24T09:30:00.000Z',
    })
    const bad = await h.app.request('/api/v1/me', {
      headers: { Authorization: 'Bearer sbt_not_a_real_token' },
    })
    expect(bad.status).toBe(401)
    expect(bad.headers.get('www-authenticate')).toContain('invalid_token')
  })

  it('answers 401 on every agent route without valid credentials', async () => {
    const h = await agentHarness()
    const { reference } = await h.file()
    const PUBLIC = [
      /^\/healthz$/,
      /^\/api\/openapi\.json$/,
      /^\/api\/v1\/auth\/(login|logout|invite\/lookup|invite\/accept)$/,
      /^\/api\/v1\/status\//,
      /^\/status\//,
      /^\/widget/,
      /^\/inbox/,
    ]
    const routes = [
      ...new Set(
        h.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
      ),
    ]
      .map((r) => r.split(' ') as [string, string])
      .filter(
        ([method, path]) =>
          !PUBLIC.some((p) => p.test(path)) &&
          !(path === '/api/v1/tickets' && (method === 'POST' || method === 'OPTIONS')),
      )
    expect(routes.length).toBeGreaterThanOrEqual(10)
    for (const [method, path] of routes) {
      const url = path.replace(':ref', reference)
      for (const headers of [
        {},
        { Authorization: 'Bearer nope' },
        { Cookie: 'snagbox_session=forged' },
      ] as Record<string, string>[]) {
        const res = await h.app.request(url, {
          method,
          headers: { 'Content-Type': 'application/json', ...headers },
          ...(method === 'GET' ? {} : { body: '{}' }),
        })
        expect([method, path, res.status]).toEqual([method, path, 401])
        expect(res.headers.get('content-type')).toBe('application/problem+json')
      }
    }
  })
})
