import { afterEach, describe, expect, it, vi } from 'vitest'
import { PROBLEM_CONTENT_TYPE } from '@snagbox/sdk/contract'
import { disableAgent, enableAgent } from '../src/auth/agent-access.js'
import { createAgent } from '../src/auth/agents.js'
import { SCRYPT_COST, setScryptCost } from '../src/auth/secrets.js'
import { createApiToken, revokeToken } from '../src/auth/tokens.js'
import { loadConfig } from '../src/config.js'
import { agentHarness, type AgentHarness } from './harness.js'

/*
 * Credentials that can be taken back, and logins that can't be ground down: revoked and expired
 * tokens, read-only tokens, disabled agents, the absolute session lifetime, event streams that
 * end with their credential, the login limits, the password hash upgrade and the audit trail —
 * all through the HTTP surface, as a client or an attacker sees it.
 */

const SELF = 'https://support.example.com'
const CLI = { kind: 'cli', id: 'test' } as const
const HOUR = 60 * 60 * 1000

afterEach(() => {
  setScryptCost({ N: 2 ** 14, r: 8, p: 1 })
  vi.restoreAllMocks()
})

function login(
  h: AgentHarness,
  { email = 'ann@example.com', password = 'correct-horse', from = '' } = {},
) {
  return h.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: SELF,
      ...(from ? { 'X-Forwarded-For': from } : {}),
    },
    body: JSON.stringify({ email, password }),
  })
}

const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

async function refused(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
  return (await res.json()) as { code: string; detail: string }
}

/** Everything a write could touch, API tokens' last use aside (reading a token records it). */
function snapshot(h: AgentHarness): string {
  const tables = ['tickets', 'ticket_events', 'attachments', 'reporter_tokens', 'projects']
  const more = ['agents', 'agent_projects', 'sessions', 'audit_events']
  return JSON.stringify(
    [...tables, ...more].map((t) => h.db.$client.prepare(`select * from ${t}`).all()),
  )
}

/** An open event stream, read as the inbox would. */
async function openStream(h: AgentHarness, headers: Record<string, string>) {
  const res = await h.app.request('/api/v1/events', { headers })
  expect(res.status).toBe(200)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  while (!text.includes('event: ready')) text += decoder.decode((await reader.read()).value)
  return {
    text: () => text,
    /** How long until the server ended the stream, or `undefined` if it still runs after `ms`. */
    async endsWithin(ms: number): Promise<number | undefined> {
      const start = Date.now()
      for (;;) {
        const left = start + ms - Date.now()
        const next = await Promise.race([
          reader.read(),
          new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), Math.max(0, left))),
        ])
        if (next === 'late') {
          await reader.cancel()
          return undefined
        }
        if (next.done) return Date.now() - start
        text += decoder.decode(next.value)
      }
    },
  }
}

describe('API tokens', () => {
  it('stops a revoked token at once', async () => {
    const h = await agentHarness()
    const { id, token } = createApiToken(h.db, { email: h.agent.email, name: 'bot' })
    expect((await h.app.request('/api/v1/me', { headers: bearer(token) })).status).toBe(200)
    revokeToken(h.db, id, { actor: CLI })
    const res = await h.app.request('/api/v1/me', { headers: bearer(token) })
    await refused(res, 401)
    expect(res.headers.get('www-authenticate')).toContain('invalid_token')
    // The other token of the same agent still works.
    expect((await h.api('/api/v1/me')).status).toBe(200)
    expect(() => revokeToken(h.db, id, { actor: CLI })).toThrow(/revoked already/)
  })

  it('stops an expired token', async () => {
    let now = new Date()
    const h = await agentHarness({ now: () => now })
    const { token } = createApiToken(h.db, {
      email: h.agent.email,
      name: 'bot',
      expiresAt: new Date(now.getTime() + 24 * HOUR),
    })
    expect((await h.app.request('/api/v1/me', { headers: bearer(token) })).status).toBe(200)
    now = new Date(now.getTime() + 24 * HOUR + 1000)
    await refused(await h.app.request('/api/v1/me', { headers: bearer(token) }), 401)
  })

  it('lets a read token read, and refuses every write route with 403, writing nothing', async () => {
    const h = await agentHarness()
    const { reference } = await h.file()
    const { token } = createApiToken(h.db, { email: h.agent.email, name: 'r', scope: 'read' })
    for (const path of ['/api/v1/me', '/api/v1/tickets', `/api/v1/tickets/${reference}`])
      expect([path, (await h.app.request(path, { headers: bearer(token) })).status]).toEqual([
        path,
        200,
      ])
    const PUBLIC = [/^\/api\/v1\/auth\//, /^\/api\/v1\/status\//, /^\/status\//]
    const writes = [
      ...new Set(
        h.app.routes
          .filter((r) => !['ALL', 'GET', 'HEAD', 'OPTIONS'].includes(r.method))
          .map((r) => `${r.method} ${r.path}`),
      ),
    ]
      .map((r) => r.split(' ') as [string, string])
      .filter(
        ([method, path]) =>
          !PUBLIC.some((p) => p.test(path)) && !(method === 'POST' && path === '/api/v1/tickets'),
      )
    expect(writes.length).toBeGreaterThanOrEqual(5)
    const before = snapshot(h)
    for (const [method, path] of writes) {
      const res = await h.app.request(path.replace(':ref', reference), {
        method,
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: 'Fixed', priority: 'high', subject: 's', description: 'd' }),
      })
      expect([method, path, res.status]).toEqual([method, path, 403])
      expect(res.headers.get('www-authenticate')).toContain('insufficient_scope')
    }
    expect(snapshot(h)).toBe(before)
    // The same write with a read_write token goes through: the 403 was the scope.
    const note = await h.api(`/api/v1/tickets/${reference}/notes`, {
      method: 'POST',
      json: { body: 'n' },
    })
    expect(note.status).toBe(201)
  })

  it('refuses a scope it does not know', async () => {
    const h = await agentHarness()
    expect(() => createApiToken(h.db, { email: h.agent.email, name: 'x', scope: 'admin' })).toThrow(
      /scope/,
    )
  })
})

describe('disabled agents', () => {
  it('refuses their login and stops their session and tokens; enabling gives the tokens back', async () => {
    const h = await agentHarness()
    const cookie = cookieOf(await login(h))
    expect((await h.app.request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(200)
    const done = disableAgent(h.db, h.agent.email, { actor: CLI })
    expect(done.sessionsEnded).toBe(1)
    await refused(await h.app.request('/api/v1/me', { headers: { Cookie: cookie } }), 401)
    await refused(await h.api('/api/v1/me'), 401)
    const again = await login(h)
    expect((await refused(again, 403)).detail).toMatch(/disabled/)
    expect(again.headers.get('set-cookie')).toBeNull()
    // A wrong password says nothing of it.
    expect((await refused(await login(h, { password: 'wrong-horse' }), 401)).detail).toBe(
      'Wrong e-mail or password',
    )
    enableAgent(h.db, h.agent.email, { actor: CLI })
    expect((await h.api('/api/v1/me')).status).toBe(200)
    expect((await h.app.request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(401)
    expect((await login(h)).status).toBe(200)
  })
})

describe('sessions', () => {
  it('end at their maximum age however much they are used', async () => {
    let now = new Date('2026-11-24T08:00:00Z')
    const h = await agentHarness({ now: () => now, env: { SNAGBOX_SESSION_MAX_HOURS: '168' } })
    const cookie = cookieOf(await login(h))
    const start = now.getTime()
    for (let hours = 6; hours < 168; hours += 6) {
      now = new Date(start + hours * HOUR)
      const res = await h.app.request('/api/v1/me', { headers: { Cookie: cookie } })
      expect([hours, res.status]).toEqual([hours, 200])
    }
    now = new Date(start + 168 * HOUR + 60_000) // used 6 h ago, but a week old
    await refused(await h.app.request('/api/v1/me', { headers: { Cookie: cookie } }), 401)
    // A new login starts a new week.
    const fresh = cookieOf(await login(h))
    expect((await h.app.request('/api/v1/me', { headers: { Cookie: fresh } })).status).toBe(200)
  })

  it('still end after 12 hours unused', async () => {
    let now = new Date('2026-11-24T08:00:00Z')
    const h = await agentHarness({ now: () => now })
    const cookie = cookieOf(await login(h))
    now = new Date(now.getTime() + 12 * HOUR + 60_000)
    await refused(await h.app.request('/api/v1/me', { headers: { Cookie: cookie } }), 401)
  })
})

describe('an open event stream', () => {
  it('ends at once when its session logs out', async () => {
    // A long check interval: only the logout's own notice can end it this fast.
    const h = await agentHarness({ env: { SNAGBOX_STREAM_CHECK_SECONDS: '60' } })
    const cookie = cookieOf(await login(h))
    const stream = await openStream(h, { Cookie: cookie })
    const out = await h.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: SELF },
    })
    expect(out.status).toBe(204)
    const took = await stream.endsWithin(1000)
    expect(took).toBeDefined()
    expect(stream.text()).toContain('event: ended')
  })

  it('ends within the check interval when its token is revoked by another process', async () => {
    const h = await agentHarness({ env: { SNAGBOX_STREAM_CHECK_SECONDS: '1' } })
    const { id, token } = createApiToken(h.db, { email: h.agent.email, name: 'bot' })
    const stream = await openStream(h, bearer(token))
    const other = await openStream(h, bearer(h.token))
    // The store function, as `snagbox token revoke` calls it: no notice reaches this process.
    revokeToken(h.db, id, { actor: CLI })
    const took = await stream.endsWithin(3000)
    expect(took).toBeDefined()
    expect(took!).toBeLessThanOrEqual(1500)
    // A stream of another token goes on, and hears what happens next.
    await h.file()
    expect(await other.endsWithin(1500)).toBeUndefined()
    expect(other.text()).toContain('event: ticket.created')
  })

  it('ends within the check interval when its agent is disabled', async () => {
    const h = await agentHarness({ env: { SNAGBOX_STREAM_CHECK_SECONDS: '1' } })
    const cookie = cookieOf(await login(h))
    const bySession = await openStream(h, { Cookie: cookie })
    const byToken = await openStream(h, bearer(h.token))
    disableAgent(h.db, h.agent.email, { actor: CLI })
    const [a, b] = await Promise.all([bySession.endsWithin(3000), byToken.endsWithin(3000)])
    expect(a).toBeDefined()
    expect(b).toBeDefined()
  })

  it('ends when its session reaches its maximum age', async () => {
    let now = new Date('2026-11-24T08:00:00Z')
    const h = await agentHarness({
      now: () => now,
      env: { SNAGBOX_STREAM_CHECK_SECONDS: '1', SNAGBOX_SESSION_MAX_HOURS: '8' },
    })
    const stream = await openStream(h, { Cookie: cookieOf(await login(h)) })
    expect(await stream.endsWithin(1500)).toBeUndefined()
    const late = await openStream(h, { Cookie: cookieOf(await login(h)) })
    now = new Date(now.getTime() + 8 * HOUR + 1000)
    expect(await late.endsWithin(3000)).toBeDefined()
  })
})

describe('login limits', () => {
  // Ten minutes before a fixed window's edge (the clock is aligned to the 600 s window).
  const EDGE = Date.parse('2026-11-24T10:00:00Z')

  it('count over a sliding window: no second round of guesses across a window edge', async () => {
    let now = EDGE - 10_000
    const h = await agentHarness({ now: () => new Date(now) })
    const guess = () => login(h, { password: 'guess', from: '203.0.113.9' })
    for (let i = 0; i < 20; i++) expect((await guess()).status).toBe(401)
    expect((await guess()).status).toBe(429)
    now = EDGE + 1000 // a new fixed window; the 20 failures are 11 s old
    const res = await guess()
    await refused(res, 429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(500)
    now = EDGE - 10_000 + 600_000 + 1000 // the failures have aged out
    expect((await guess()).status).toBe(401)
    expect((await login(h, { from: '203.0.113.9' })).status).toBe(200)
  })

  it('count the failures to one account across many addresses', async () => {
    const h = await agentHarness({ env: { SNAGBOX_RATE_LIMIT_LOGIN_ACCOUNT: '15' } })
    const statuses: number[] = []
    for (let i = 0; i < 25; i++)
      statuses.push((await login(h, { password: `guess-${i}`, from: `198.18.${i}.1` })).status)
    expect(statuses).toEqual([...Array(15).fill(401), ...Array(10).fill(429)])
    // Not even the right password from yet another address: 429 may not mean "wrong".
    await refused(await login(h, { from: '198.18.99.1' }), 429)
  })

  it('count one address trying many accounts', async () => {
    const h = await agentHarness({ env: { SNAGBOX_RATE_LIMIT_LOGIN_IP: '10' } })
    const statuses: number[] = []
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await login(h, { email: `user${i}@example.com`, password: 'x', from: '192.0.2.66' }))
          .status,
      )
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429])
  })

  it('never lock the real agent out at a place it signed in from; elsewhere, only while the guessing goes on', async () => {
    let now = Date.parse('2026-11-24T09:00:00Z')
    const h = await agentHarness({
      now: () => new Date(now),
      env: { SNAGBOX_RATE_LIMIT_LOGIN_ACCOUNT: '10' },
    })
    const OFFICE = '198.51.100.7'
    expect((await login(h, { from: OFFICE })).status).toBe(200)
    // Guesses from 40 addresses, far past the account's limit.
    for (let i = 0; i < 40; i++) await login(h, { password: `guess-${i}`, from: `10.9.${i}.1` })
    expect((await login(h, { from: '10.9.250.1' })).status).toBe(429)
    // At the office, Ann gets in at once.
    expect((await login(h, { from: OFFICE })).status).toBe(200)
    // From a hotel she never used, she waits until the guessing stops and the window passes.
    const HOTEL = '203.0.113.200'
    const hotel = await login(h, { from: HOTEL })
    await refused(hotel, 429)
    now += Number(hotel.headers.get('retry-after')) * 1000
    expect((await login(h, { from: HOTEL })).status).toBe(200)
  })

  it('let an office behind one address log in while one of them mistypes', async () => {
    const h = await agentHarness()
    const NAT = '192.0.2.10'
    await createAgent(h.db, { email: 'bob@example.com', name: 'Bob', password: 'bobs-password' })
    expect((await login(h, { from: NAT })).status).toBe(200)
    for (let i = 0; i < 20; i++)
      expect(
        (await login(h, { email: 'bob@example.com', password: 'typo', from: NAT })).status,
      ).toBe(401)
    expect(
      (await login(h, { email: 'bob@example.com', password: 'bobs-password', from: NAT })).status,
    ).toBe(429)
    // Bob's typos are his own: Ann at the same address is not locked out.
    expect((await login(h, { from: NAT })).status).toBe(200)
  })

  it('log each failed login as one line on stderr and in the audit trail, without the password', async () => {
    const h = await agentHarness()
    const lines: string[] = []
    vi.spyOn(console, 'error').mockImplementation((...args) => void lines.push(args.join(' ')))
    await login(h, { password: 'hunter2-secret', from: '203.0.113.5' })
    await login(h, { email: 'nobody\n@example.com', password: 'x', from: '203.0.113.5' })
    expect(lines).toHaveLength(2)
    expect(lines[0]).toBe(
      'snagbox: failed login for "ann@example.com" from 203.0.113.5 (wrong_password)',
    )
    expect(lines[1]).not.toContain('\n') // one line, whatever the e-mail holds
    expect(lines.join()).not.toContain('hunter2')
    const audit = await (await h.api('/api/v1/audit')).json()
    expect(audit.items.slice(0, 2)).toMatchObject([
      { action: 'auth.login_failed', target: null, address: '203.0.113.5' },
      {
        action: 'auth.login_failed',
        actor: { kind: 'anonymous', id: null },
        target: 'ann@example.com',
        address: '203.0.113.5',
        data: { reason: 'wrong_password' },
      },
    ])
    expect(JSON.stringify(audit)).not.toContain('hunter2')
  })
})

describe('password hashes', () => {
  it('are upgraded to the current cost at the next login, and keep working', async () => {
    const h = await agentHarness() // Ann's hash was made at N = 2^14, the old cost
    const stored = () =>
      (h.db.$client.prepare('select password_hash from agents').get() as { password_hash: string })
        .password_hash
    const old = stored()
    expect(old).toMatch(/^scrypt\$16384\$8\$1\$/)
    setScryptCost(SCRYPT_COST)
    expect(SCRYPT_COST.N).toBeGreaterThanOrEqual(2 ** 17)
    expect((await login(h, { password: 'wrong-horse' })).status).toBe(401)
    expect(stored()).toBe(old)
    expect((await login(h)).status).toBe(200)
    expect(stored()).toMatch(/^scrypt\$131072\$8\$1\$/)
    expect((await login(h)).status).toBe(200)
    expect((await login(h, { password: 'wrong-horse' })).status).toBe(401)
  }, 20_000)
})

describe('a flood of logins', () => {
  it('is refused with 503 past the waiting checks, counts against nobody, and lets the agent in after', async () => {
    const h = await agentHarness()
    const flood = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        login(h, { password: `guess-${i}`, from: `198.51.100.${i + 1}` }),
      ),
    )
    const statuses = flood.map((r) => r.status)
    // Two checks run at once and 32 wait: the rest are told to come back, at once. (Fewer than the
    // per-account limit of 50, which would answer 429 first.)
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(34)
    const busy = flood.filter((r) => r.status === 503)
    expect(busy.length).toBeGreaterThan(0)
    expect(statuses.every((s) => s === 401 || s === 503)).toBe(true)
    expect(busy[0]!.headers.get('retry-after')).toBe('2')
    expect((await refused(busy[0]!, 503)).detail).toMatch(/try again in a few seconds/)
    // Not one of the refused checks counted: the account is not locked, the agent gets in.
    expect((await login(h, { from: '203.0.113.50' })).status).toBe(200)
    const failed = h.db.$client
      .prepare("select count(*) from audit_events where action = 'auth.login_failed'")
      .pluck()
      .get()
    expect(failed).toBe(statuses.filter((s) => s === 401).length)
  }, 30_000)
})

describe('the audit trail', () => {
  it('shows admins who signed in and out and what changed, and nobody else', async () => {
    const h = await agentHarness()
    const cookie = cookieOf(await login(h, { from: '198.51.100.7' }))
    await h.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: SELF, 'X-Forwarded-For': '198.51.100.7' },
    })
    const { id } = createApiToken(h.db, { email: h.agent.email, name: 'bot' }, { actor: CLI })
    revokeToken(h.db, id, { actor: CLI })
    const res = await h.api('/api/v1/audit?limit=4')
    expect(res.status).toBe(200)
    const page = await res.json()
    expect(page.items.map((e: { action: string }) => e.action)).toEqual([
      'token.revoke',
      'token.create',
      'auth.logout',
      'auth.login',
    ])
    expect(page.items[3]).toMatchObject({
      actor: { kind: 'agent', id: h.agent.id },
      target: 'ann@example.com',
      address: '198.51.100.7',
    })
    expect(page.items[0]).toMatchObject({ actor: { kind: 'cli', id: 'test' }, target: id })
    const rest = await (await h.api(`/api/v1/audit?cursor=${page.nextCursor}`)).json()
    // The harness made its project, its agent and its token: each is in the trail too.
    expect(rest.items.map((e: { action: string }) => e.action)).toEqual([
      'token.create',
      'agent.create',
      'project.create',
    ])
    expect(rest.nextCursor).toBeNull()

    await createAgent(h.db, { email: 'bob@example.com', name: 'Bob', password: 'bobs-password' })
    const bob = createApiToken(h.db, { email: 'bob@example.com', name: 'b' })
    expect(
      (await refused(await h.app.request('/api/v1/audit', { headers: bearer(bob.token) }), 403))
        .code,
    ).toBe('forbidden')
    await refused(await h.app.request('/api/v1/audit'), 401)
    for (const query of ['limit=0', 'limit=501', 'limit=ten', 'cursor=-1', 'cursor=abc'])
      await refused(await h.api(`/api/v1/audit?${query}`), 400)
  })

  it('cannot be rewritten', async () => {
    const h = await agentHarness()
    await login(h)
    expect(() => h.db.$client.prepare('delete from audit_events').run()).toThrow(/append-only/)
    expect(() => h.db.$client.prepare("update audit_events set address = 'x'").run()).toThrow(
      /append-only/,
    )
  })
})

describe('the settings', () => {
  it('refuse a stream check or a session lifetime of zero', () => {
    expect(() => loadConfig({ SNAGBOX_STREAM_CHECK_SECONDS: '0' })).toThrow(/stream-check-seconds/)
    expect(() => loadConfig({}, { 'session-max-hours': '0' })).toThrow(/session-max-hours/)
    expect(loadConfig()).toMatchObject({ sessionMaxHours: 168, streamCheckSeconds: 5 })
  })
})

describe("a disabled agent in others' lists", () => {
  it('is offered to nobody as an assignee, and a ticket cannot be assigned to it', async () => {
    const h = await agentHarness()
    const bob = await createAgent(h.db, {
      email: 'bob@example.com',
      name: 'Bob',
      password: 'correct-horse',
      projects: ['DEMO'],
    })
    const { reference } = await h.file()
    const names = async () =>
      ((await (await h.api('/api/v1/agents')).json()) as { items: { name: string }[] }).items.map(
        (a) => a.name,
      )
    expect(await names()).toContain('Bob')
    disableAgent(h.db, bob.email, { actor: CLI })
    expect(await names()).not.toContain('Bob')
    const res = await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { assigneeId: bob.id },
    })
    expect(res.status).toBe(400)
    expect((await (await h.api(`/api/v1/tickets/${reference}`)).json()).assignee).toBeNull()
  })
})

describe('a password typed into the e-mail field', () => {
  it('lands neither in the log nor in the audit trail', async () => {
    const h = await agentHarness()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect((await login(h, { email: 'my-secret-pass', password: 'x' })).status).toBe(401)
    expect((await login(h, { email: 'nobody@example.com', password: 'x' })).status).toBe(401)
    const lines = logged.mock.calls.map((call) => call.join(' '))
    expect(lines.join('\n')).not.toContain('my-secret-pass')
    expect(lines.join('\n')).toContain('"nobody@example.com"')
    const trail = h.db.$client
      .prepare(`select target from audit_events where action = 'auth.login_failed' order by id`)
      .all()
    expect(trail).toEqual([{ target: null }, { target: 'nobody@example.com' }])
  })
})
