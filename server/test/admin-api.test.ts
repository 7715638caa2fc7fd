import { describe, expect, it } from 'vitest'
import { PROBLEM_CONTENT_TYPE } from '@snagbox/sdk/contract'
import { createAgent } from '../src/auth/agents.js'
import { createApiToken } from '../src/auth/tokens.js'
import { agentHarness, type AgentHarness } from './harness.js'

/*
 * The admin API: agents (a password or a one-time link), their API tokens and projects, managed
 * over HTTP with the rules of the command line, each change in the audit trail with the change.
 */

const SELF = 'https://support.example.com'
const HOUR = 3600_000

async function refused(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
  return (await res.json()) as { code: string; detail: string; errors?: { path: string }[] }
}

const admin = (h: AgentHarness, path: string, init: RequestInit & { json?: unknown } = {}) =>
  h.api(`/api/v1/admin${path}`, init)

function post(h: AgentHarness, path: string, json: unknown) {
  return admin(h, path, { method: 'POST', json })
}

/** A request from the inbox page of this server, as a browser sends it. */
function fromInbox(path: string, json: unknown, cookie?: string) {
  return {
    path,
    init: {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: SELF,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: JSON.stringify(json),
    },
  }
}

const send = (h: AgentHarness, r: ReturnType<typeof fromInbox>) => h.app.request(r.path, r.init)
const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!
const tokenOfLink = (url: string) => url.split('#')[1]!
const auditActions = (h: AgentHarness) =>
  (
    h.db.$client.prepare('select action from audit_events order by id').all() as {
      action: string
    }[]
  ).map((r) => r.action)

function login(h: AgentHarness, email: string, password: string) {
  return send(h, fromInbox('/api/v1/auth/login', { email, password }))
}

describe('the admin API', () => {
  it('lets only admins in; a read token only reads; a cross-site write with the cookie is refused', async () => {
    const h = await agentHarness()
    await createAgent(h.db, {
      email: 'bob@example.com',
      name: 'Bob',
      password: 'bob-password',
      projects: ['DEMO'],
    })
    const bob = createApiToken(h.db, { email: 'bob@example.com', name: 'b' }).token
    const reader = createApiToken(h.db, { email: h.agent.email, name: 'r', scope: 'read' }).token
    for (const path of ['/agents', '/projects', `/agents/${h.agent.id}/tokens`]) {
      await refused(await h.app.request(`/api/v1/admin${path}`), 401)
      const asBob = await h.app.request(`/api/v1/admin${path}`, {
        headers: { Authorization: `Bearer ${bob}` },
      })
      expect((await refused(asBob, 403)).detail).toMatch(/admin/)
      const read = await h.app.request(`/api/v1/admin${path}`, {
        headers: { Authorization: `Bearer ${reader}` },
      })
      expect(read.status).toBe(200)
    }
    const write = await h.app.request('/api/v1/admin/projects', {
      method: 'POST',
      headers: { Authorization: `Bearer ${reader}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'X', prefix: 'X' }),
    })
    await refused(write, 403)
    const cookie = cookieOf(await login(h, h.agent.email, 'correct-horse'))
    const crossSite = await h.app.request('/api/v1/admin/projects', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: 'https://evil.test' },
      body: JSON.stringify({ name: 'X', prefix: 'X' }),
    })
    await refused(crossSite, 403)
    const sameSite = await send(
      h,
      fromInbox('/api/v1/admin/projects', { name: 'Ok', prefix: 'OK' }, cookie),
    )
    expect(sameSite.status).toBe(201)
    expect(h.count('projects')).toBe(2)
  })

  it('creates an agent with an initial password who can sign in at once', async () => {
    const h = await agentHarness()
    const res = await post(h, '/agents', {
      email: ' Bob@Example.com ',
      name: 'Bob',
      password: ' spaces kept ',
      projects: ['demo'],
    })
    expect(res.status).toBe(201)
    const { agent, invite } = await res.json()
    expect(agent).toMatchObject({
      email: 'bob@example.com',
      role: 'agent',
      projects: ['DEMO'],
      state: 'active',
      inviteExpiresAt: null,
    })
    expect(invite).toBeNull()
    expect((await login(h, 'bob@example.com', ' spaces kept ')).status).toBe(200)
    expect((await login(h, 'bob@example.com', 'spaces kept')).status).toBe(401)
    await refused(
      await post(h, '/agents', { email: 'bob@example.com', name: 'B', password: 'x'.repeat(8) }),
      409,
    )
  })

  it('invites with a one-time link that sets the password, signs in, and works once', async () => {
    let now = new Date('2026-12-01T10:00:00Z')
    const h = await agentHarness({ now: () => now })
    const res = await post(h, '/agents', { email: 'cat@example.com', name: 'Cat', role: 'admin' })
    expect(res.status).toBe(201)
    const { agent, invite } = await res.json()
    expect(agent).toMatchObject({
      state: 'invited',
      role: 'admin',
      inviteExpiresAt: invite.expiresAt,
    })
    expect(invite.url).toMatch(/^https:\/\/support\.example\.com\/inbox\/invite#sbi_[\w-]{43}$/)
    expect(invite.expiresAt).toBe('2026-12-04T10:00:00.000Z')
    const token = tokenOfLink(invite.url)
    // Invited and not yet set: no password opens it, not even an empty one.
    await refused(await login(h, 'cat@example.com', ''), 401)
    await refused(await login(h, 'cat@example.com', 'anything-at-all'), 401)
    const lookup = await send(h, fromInbox('/api/v1/auth/invite/lookup', { token }))
    expect(lookup.status).toBe(200)
    expect(await lookup.json()).toEqual({
      email: 'cat@example.com',
      name: 'Cat',
      expiresAt: invite.expiresAt,
    })
    const short = await send(
      h,
      fromInbox('/api/v1/auth/invite/accept', { token, password: 'short' }),
    )
    expect((await refused(short, 400)).errors).toEqual([
      { path: 'password', message: 'must be at least 8 characters' },
    ])
    // Only from the inbox page itself.
    const elsewhere = await h.app.request('/api/v1/auth/invite/accept', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.test' },
      body: JSON.stringify({ token, password: 'cat-password' }),
    })
    await refused(elsewhere, 403)
    now = new Date(now.getTime() + 71 * HOUR)
    const accepted = await send(
      h,
      fromInbox('/api/v1/auth/invite/accept', { token, password: 'cat-password' }),
    )
    expect(accepted.status).toBe(200)
    expect((await accepted.json()).agent).toMatchObject({ email: 'cat@example.com', role: 'admin' })
    const me = await h.app.request('/api/v1/me', { headers: { Cookie: cookieOf(accepted) } })
    expect((await me.json()).email).toBe('cat@example.com')
    expect((await login(h, 'cat@example.com', 'cat-password')).status).toBe(200)
    // Used up: neither lookup nor a second use works.
    await refused(await send(h, fromInbox('/api/v1/auth/invite/lookup', { token })), 404)
    const again = await send(
      h,
      fromInbox('/api/v1/auth/invite/accept', { token, password: 'other-password' }),
    )
    await refused(again, 404)
    expect((await login(h, 'cat@example.com', 'other-password')).status).toBe(401)
    const [cat] = (await (await admin(h, '/agents')).json()).items.filter(
      (a: { email: string }) => a.email === 'cat@example.com',
    )
    expect(cat).toMatchObject({ state: 'active', inviteExpiresAt: null })
    expect(auditActions(h).slice(3)).toEqual([
      'agent.create',
      'agent.invite',
      'auth.login_failed',
      'auth.login_failed',
      'agent.invite_accepted',
      'auth.login',
      'auth.login_failed',
    ])
  })

  it('lets a link expire, replaces an old link with a new one, and gives none to a disabled agent', async () => {
    let now = new Date('2026-12-01T10:00:00Z')
    const h = await agentHarness({ now: () => now })
    const { agent, invite } = await (
      await post(h, '/agents', { email: 'dan@example.com', name: 'Dan' })
    ).json()
    now = new Date(now.getTime() + 72 * HOUR)
    const lookup = (token: string) => send(h, fromInbox('/api/v1/auth/invite/lookup', { token }))
    expect((await refused(await lookup(tokenOfLink(invite.url)), 404)).detail).toMatch(
      /ask an admin/,
    )
    const renewed = await (await post(h, `/agents/${agent.id}/invite`, {})).json()
    expect(renewed.agent.inviteExpiresAt).toBe(renewed.invite.expiresAt)
    expect((await lookup(tokenOfLink(renewed.invite.url))).status).toBe(200)
    const newest = await (await post(h, `/agents/${agent.id}/invite`, {})).json()
    await refused(await lookup(tokenOfLink(renewed.invite.url)), 404)
    expect((await lookup(tokenOfLink(newest.invite.url))).status).toBe(200)
    const off = await admin(h, `/agents/${agent.id}`, { method: 'PATCH', json: { disabled: true } })
    expect((await off.json()).agent.state).toBe('disabled')
    await refused(await lookup(tokenOfLink(newest.invite.url)), 404)
    await refused(await post(h, `/agents/${agent.id}/invite`, {}), 409)
    await refused(await post(h, '/agents/no-such-agent/invite', {}), 404)
  })

  it('resets a forgotten password with a link: the old one works until the new is set, then sessions end', async () => {
    const h = await agentHarness()
    await createAgent(h.db, { email: 'eve@example.com', name: 'Eve', password: 'old-password' })
    const before = cookieOf(await login(h, 'eve@example.com', 'old-password'))
    const items = (await (await admin(h, '/agents')).json()).items as {
      id: string
      email: string
    }[]
    const eve = items.find((a) => a.email === 'eve@example.com')!
    const { invite } = await (await post(h, `/agents/${eve.id}/invite`, {})).json()
    expect((await login(h, 'eve@example.com', 'old-password')).status).toBe(200)
    const set = await send(
      h,
      fromInbox('/api/v1/auth/invite/accept', {
        token: tokenOfLink(invite.url),
        password: 'new-password',
      }),
    )
    expect(set.status).toBe(200)
    await refused(await h.app.request('/api/v1/me', { headers: { Cookie: before } }), 401)
    expect((await login(h, 'eve@example.com', 'old-password')).status).toBe(401)
    expect((await login(h, 'eve@example.com', 'new-password')).status).toBe(200)
  })

  it('changes role and projects, disables and enables, and never leaves no admin', async () => {
    const h = await agentHarness()
    await h.file()
    const made = await (
      await post(h, '/agents', { email: 'fay@example.com', name: 'Fay', password: 'fay-password' })
    ).json()
    const id = made.agent.id as string
    const fay = createApiToken(h.db, { email: 'fay@example.com', name: 'f' }).token
    const seen = async () =>
      (
        await h.app.request('/api/v1/tickets', { headers: { Authorization: `Bearer ${fay}` } })
      ).json()
    expect((await seen()).items).toHaveLength(0)
    const patch = (json: unknown) => admin(h, `/agents/${id}`, { method: 'PATCH', json })
    const moved = await patch({ projects: ['DEMO'], name: 'Fay Agent' })
    expect((await moved.json()).agent).toMatchObject({ name: 'Fay Agent', projects: ['DEMO'] })
    expect((await seen()).items).toHaveLength(1)
    expect((await refused(await patch({ projects: ['NOPE'] }), 400)).errors).toEqual([
      { path: 'projects', message: 'no project has the prefix "NOPE"' },
    ])
    expect((await refused(await patch({ disabled: true, name: 'X' }), 400)).errors![0]!.path).toBe(
      'disabled',
    )
    expect((await refused(await patch({ colour: 'red' }), 400)).errors).toEqual([
      { path: 'colour', message: 'is not a field of this request' },
    ])
    await refused(await patch({}), 400)
    expect((await patch({ disabled: true })).status).toBe(200)
    await refused(
      await h.app.request('/api/v1/tickets', { headers: { Authorization: `Bearer ${fay}` } }),
      401,
    )
    await refused(await patch({ disabled: true }), 409)
    expect((await (await patch({ disabled: false })).json()).agent.state).toBe('active')
    expect((await seen()).items).toHaveLength(1)
    // Ann is the only admin: she can be neither demoted nor disabled from here.
    const ann = (json: unknown) => admin(h, `/agents/${h.agent.id}`, { method: 'PATCH', json })
    expect((await refused(await ann({ role: 'agent' }), 409)).detail).toMatch(/last admin/)
    await refused(await ann({ disabled: true }), 409)
    expect((await patch({ role: 'admin' })).status).toBe(200)
    expect((await ann({ role: 'agent' })).status).toBe(200)
  })

  it('creates, lists and revokes API tokens; the secret is shown once', async () => {
    let now = new Date('2026-12-01T10:00:00Z')
    const h = await agentHarness({ now: () => now })
    const path = `/agents/${h.agent.id}/tokens`
    const made = await post(h, path, { name: 'nightly export', scope: 'read' })
    expect(made.status).toBe(201)
    const token = await made.json()
    expect(token).toMatchObject({
      name: 'nightly export',
      scope: 'read',
      expiresAt: '2027-03-01T10:00:00.000Z',
    })
    expect(token.token).toMatch(/^sbt_/)
    const forever = await (await post(h, path, { name: 'forever', expiresInDays: null })).json()
    expect(forever).toMatchObject({ scope: 'read_write', expiresAt: null })
    const week = await (await post(h, path, { name: 'week', expiresInDays: 7 })).json()
    expect(week.expiresAt).toBe('2026-12-08T10:00:00.000Z')
    const list = await (await admin(h, path)).json()
    expect(list.items.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(['nightly export', 'forever', 'week', 'tests']),
    )
    expect(JSON.stringify(list)).not.toContain(token.token)
    const use = () =>
      h.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${token.token}` } })
    expect((await use()).status).toBe(200)
    const revoked = await post(h, `/tokens/${token.id}/revoke`, {})
    expect(await revoked.json()).toMatchObject({ id: token.id, state: 'revoked' })
    await refused(await use(), 401)
    await refused(await post(h, `/tokens/${token.id}/revoke`, {}), 409)
    await refused(await post(h, '/tokens/nope/revoke', {}), 404)
    for (const [body, field] of [
      [{ name: '' }, 'name'],
      [{ name: 'x', scope: 'admin' }, 'scope'],
      [{ name: 'x', expiresInDays: 0 }, 'expiresInDays'],
      [{ name: 'x', expiresInDays: 1.5 }, 'expiresInDays'],
      [{ name: 'x', expiresInDays: '30' }, 'expiresInDays'],
      [{ name: ['x'] }, 'name'],
    ] as const) {
      const res = await refused(await post(h, path, body), 400)
      expect(res.errors!.map((e) => e.path)).toEqual([field])
    }
    now = new Date('2026-12-09T10:00:00Z')
    const later = await (await admin(h, path)).json()
    expect(later.items.find((t: { name: string }) => t.name === 'week').state).toBe('expired')
  })

  it('creates and changes projects with the same checks as the command line', async () => {
    const h = await agentHarness()
    const res = await post(h, '/projects', {
      name: 'Kvant Energo',
      prefix: 'KE',
      origins: ['https://app.kvant.example/'],
      autoCloseDays: 10,
      timeZone: 'Europe/Moscow',
      holidays: ['2027-01-07', '2027-01-01'],
      massIncidentPriority: 'high',
    })
    expect(res.status).toBe(201)
    const project = await res.json()
    expect(project).toMatchObject({
      prefix: 'KE',
      allowedOrigins: ['https://app.kvant.example'],
      holidays: ['2027-01-01', '2027-01-07'],
      massIncidentPriority: 'high',
    })
    expect(project.key).toMatch(/^pk_/)
    // The new origin works for the widget at once.
    const intake = await h.app.request('/api/v1/tickets', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Snagbox-Key': project.key,
        Origin: 'https://app.kvant.example',
      },
      body: JSON.stringify({ description: 'Printing fails' }),
    })
    expect(intake.status).toBe(201)
    await refused(await post(h, '/projects', { name: 'Again', prefix: 'KE' }), 409)
    const bad = await refused(
      await post(h, '/projects', {
        name: 'Bad',
        prefix: 'bad',
        timeZone: 'Mars/Olympus',
        holidays: ['tomorrow'],
        origins: ['not a url'],
      }),
      400,
    )
    expect(bad.errors!.map((e) => e.path).sort()).toEqual(['prefix'])
    const calendar = await refused(
      await post(h, '/projects', {
        name: 'Bad',
        prefix: 'BAD',
        timeZone: 'Mars/Olympus',
        holidays: ['tomorrow'],
      }),
      400,
    )
    expect(calendar.errors!.map((e) => e.path).sort()).toEqual(['holidays[0]', 'timeZone'])
    await refused(await post(h, '/projects', { prefix: 'NONAME' }), 400)
    const update = (json: unknown) => admin(h, '/projects/KE', { method: 'PATCH', json })
    const changed = await update({ origins: [], autoCloseDays: 5, name: 'Kvant' })
    expect(await changed.json()).toMatchObject({
      name: 'Kvant',
      allowedOrigins: [],
      autoCloseDays: 5,
      key: project.key,
    })
    expect((await refused(await update({ name: '  ' }), 400)).errors![0]!.path).toBe('name')
    await refused(await update({ key: 'pk_new_key_123' }), 400)
    await refused(await update({}), 400)
    await refused(await admin(h, '/projects/NOPE', { method: 'PATCH', json: { name: 'x' } }), 404)
    const listed = await (await admin(h, '/projects')).json()
    expect(listed.items.map((p: { prefix: string }) => p.prefix)).toEqual(['DEMO', 'KE'])
  })

  it('records each change in the audit trail with who, from where — and nothing for a refused one', async () => {
    const h = await agentHarness()
    const before = auditActions(h).length
    await post(h, '/projects', { name: 'Kvant', prefix: 'KE' })
    await refused(await post(h, '/projects', { name: 'Kvant', prefix: 'KE' }), 409)
    await refused(
      await admin(h, '/projects/KE', { method: 'PATCH', json: { timeZone: 'Nowhere' } }),
      400,
    )
    const { agent } = await (
      await admin(h, '/agents', {
        method: 'POST',
        json: { email: 'gus@example.com', name: 'Gus' },
        headers: { 'X-Forwarded-For': '203.0.113.9' },
      })
    ).json()
    await admin(h, `/agents/${agent.id}`, { method: 'PATCH', json: { projects: ['KE'] } })
    const trail = await (await h.api('/api/v1/audit?limit=5')).json()
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual([
      'agent.update',
      'agent.invite',
      'agent.create',
      'project.create',
      'token.create',
    ])
    expect(auditActions(h).length).toBe(before + 4)
    const tokenId = h.db.$client
      .prepare("select id from api_tokens where name = 'tests'")
      .pluck()
      .get()
    expect(trail.items[2]).toMatchObject({
      actor: { kind: 'token', id: tokenId },
      target: agent.id,
      address: '203.0.113.9',
      data: { email: 'gus@example.com', role: 'agent', projects: [] },
    })
    expect(trail.items[0].data).toMatchObject({ projects: ['KE'] })
  })

  it('answers hostile bodies with a problem document and writes nothing', async () => {
    const h = await agentHarness()
    const snapshot = () =>
      JSON.stringify(
        // Every column but a token's last use, which the request itself records.
        [
          'select * from agents',
          'select * from projects',
          'select id, name, scope, expires_at, revoked_at from api_tokens',
          'select * from agent_invites',
          'select * from audit_events',
        ].map((sql) => h.db.$client.prepare(sql).all()),
      )
    const before = snapshot()
    const paths = ['/agents', `/agents/${h.agent.id}/tokens`, '/projects']
    const bodies = [
      'not json',
      '[]',
      'null',
      JSON.stringify({ email: 42, name: {}, projects: 'DEMO' }),
      JSON.stringify({ email: 'a@b.test', name: 'x', projects: Array(2000).fill('DEMO') }),
      JSON.stringify({ name: 'x', prefix: 'Y', origins: Array(101).fill('https://a.test') }),
      JSON.stringify({ name: 'x'.repeat(201), prefix: 'Z' }),
      JSON.stringify({ email: 'a@b.test?bcc=c@d.test', name: 'x' }),
      JSON.stringify({ name: 'x', prefix: 'Z', holidays: [1, 2] }),
      JSON.stringify({ email: 'a@b.test', name: 'x', password: 'p'.repeat(1025) }),
    ]
    for (const path of paths)
      for (const body of bodies) {
        const res = await h.app.request(`/api/v1/admin${path}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' },
          body,
        })
        expect([path, body.slice(0, 40), res.status]).toEqual([path, body.slice(0, 40), 400])
        expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
      }
    expect(snapshot()).toBe(before)
  })
})
