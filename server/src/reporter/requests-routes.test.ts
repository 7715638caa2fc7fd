import { describe, expect, it } from 'vitest'
import type { ReporterRequests } from '@snagbox/sdk/contract'
import { agentHarness, ORIGIN, type AgentHarness } from '../../test/harness.js'
import { signUserId } from '../projects/identity.js'
import { createProject, updateProject } from '../projects/store.js'
import { listRequests as list } from '../../test/reporter-requests.js'

/** The project's identity secret, made as an admin would (`--identity-secret`). */
const secretOf = (h: AgentHarness) =>
  updateProject(h.db, h.project.prefix, { identitySecret: true }).identitySecret!

async function listed(h: AgentHarness, body: unknown, headers: Record<string, string> = {}) {
  const res = await list(h, body, headers)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as ReporterRequests
}

const reply = (h: AgentHarness, reference: string, body: string, status?: string) =>
  h.api(`/api/v1/tickets/${reference}/replies`, { method: 'POST', json: { body, status } })

const row = (h: AgentHarness, reference: string) =>
  h.db.$client
    .prepare('select version, updated_at as updatedAt from tickets where reference = ?')
    .get(reference)

describe('POST /api/v1/status/requests, by status tokens', () => {
  it('lists each request with its status in words, its last public change and what is unread', async () => {
    const h = await agentHarness()
    const a = await h.file({ description: 'Export fails\nwith error 5' })
    const b = await h.file({ description: 'The chart is empty' })
    await reply(h, a.reference, 'Which printer is it?', 'waiting_on_reporter')
    await h.api(`/api/v1/tickets/${a.reference}/notes`, {
      method: 'POST',
      json: { body: 'Secret: the printer driver again' },
    })
    const res = await list(h, { tokens: [a.token, b.token] })
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const answer = (await res.json()) as ReporterRequests
    expect(answer).toMatchObject({ lang: 'en', identity: null })
    // The most recently changed first.
    expect(answer.items.map((i) => i.reference)).toEqual([a.reference, b.reference])
    expect(answer.items[0]).toEqual({
      reference: a.reference,
      subject: 'Export fails',
      status: 'waiting_on_reporter',
      closeReason: null,
      statusText: 'Waiting for your answer',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      lastChange: {
        type: 'public_reply',
        text: 'Support replied',
        by: 'support',
        name: 'Ann Agent',
        excerpt: 'Which printer is it?',
        at: expect.any(String),
      },
      unread: 1,
      token: a.token,
      statusUrl: a.statusUrl,
    })
    expect(answer.items[1]).toMatchObject({ statusText: 'Received', unread: 0, token: b.token })
    const text = JSON.stringify(answer)
    expect(text).not.toContain('Secret')
    expect(text).not.toContain('ann@example.com')
    expect(text).not.toContain(a.id)
  })

  it('speaks Russian by Accept-Language or lang, and says why a request was closed', async () => {
    const h = await agentHarness()
    const t = await h.file()
    await h.reporter(t.statusUrl, '/withdraw', { method: 'POST' })
    const ru = await listed(h, { tokens: [t.token] }, { 'Accept-Language': 'ru-RU,ru;q=0.9' })
    expect(ru.lang).toBe('ru')
    expect(ru.items[0]).toMatchObject({
      statusText: 'Закрыто — вы отозвали обращение',
      lastChange: { text: 'Вы отозвали обращение', by: 'reporter', name: null },
    })
    const en = await listed(h, { tokens: [t.token], lang: 'en' }, { 'Accept-Language': 'ru' })
    expect(en.items[0]!.statusText).toBe('Closed — you withdrew it')
  })

  it('counts what support writes until the reporter opens the request, without changing the ticket for agents', async () => {
    const h = await agentHarness()
    const t = await h.file()
    await reply(h, t.reference, 'Try 4.30.35')
    await reply(h, t.reference, 'It is fixed there', 'resolved')
    await h.reporter(t.statusUrl, '/comments', { method: 'POST', json: { body: 'Will do' } })
    expect((await listed(h, { tokens: [t.token] })).items[0]!.unread).toBe(2)

    const before = row(h, t.reference)
    const etagOf = async () => (await h.api(`/api/v1/tickets/${t.reference}`)).headers.get('etag')
    const etagBefore = await etagOf()
    const heard: unknown[] = []
    const stop = h.changes.subscribe((change) => heard.push(change))
    const opened = await h.reporter(t.statusUrl)
    expect(opened.status).toBe(200)
    stop()
    expect((await listed(h, { tokens: [t.token] })).items[0]!.unread).toBe(0)
    // The read marker is no change of the ticket: same version (ETag), same updatedAt, nothing told.
    expect(row(h, t.reference)).toEqual(before)
    expect(heard).toEqual([])
    expect(etagBefore).toMatch(new RegExp(`^"${(before as { version: number }).version}\\.`))
    expect(await etagOf()).toBe(etagBefore)

    await reply(h, t.reference, 'One more thing')
    expect((await listed(h, { tokens: [t.token] })).items[0]!.unread).toBe(1)
    const seen = await h.reporter(t.statusUrl, '/seen', { method: 'POST' })
    expect(seen.status).toBe(204)
    expect((await listed(h, { tokens: [t.token] })).items[0]!.unread).toBe(0)
    // The status page marks it too.
    await reply(h, t.reference, 'And another')
    await h.app.request(t.statusUrl.replace('https://support.example.com', ''))
    expect((await listed(h, { tokens: [t.token] })).items[0]!.unread).toBe(0)
  })

  it("leaves out unknown tokens and other projects' tokens, without saying which", async () => {
    const h = await agentHarness()
    const mine = await h.file()
    const other = createProject(h.db, {
      name: 'Other',
      prefix: 'OTHER',
      key: 'pk_test_other_key',
      origins: [ORIGIN],
    })
    const theirs = await h.post({ description: 'Theirs' }, { 'X-Snagbox-Key': other.key })
    const theirToken = ((await theirs.json()) as { statusUrl: string }).statusUrl.split(
      '/status/',
    )[1]!
    const answer = await listed(h, { tokens: [theirToken, mine.token, 'A'.repeat(43)] })
    expect(answer.items.map((i) => i.reference)).toEqual([mine.reference])
    // The same tokens with the other project's key: only its own.
    const theirList = await listed(
      h,
      { tokens: [theirToken, mine.token] },
      { 'X-Snagbox-Key': other.key },
    )
    expect(theirList.items.map((i) => i.reference)).toEqual(['OTHER-1'])
  })
})

describe('POST /api/v1/status/requests, by a verified user', () => {
  it("lists the user's requests from a device that has none of their tokens, and makes no new token when asked again", async () => {
    const h = await agentHarness()
    const secret = secretOf(h)
    const user = { id: 'user-42', signature: signUserId(secret, 'user-42') }
    const first = await h.file({ description: 'From the laptop', reporter: user })
    const second = await h.file({ description: 'From the phone', reporter: user })
    await h.file({
      description: 'Someone else',
      reporter: { id: 'user-7', signature: signUserId(secret, 'user-7') },
    })
    await h.file({ description: 'Anonymous' })
    const tokens = () => h.count('reporter_tokens')

    const before = tokens()
    const fresh = await listed(h, { user })
    expect(fresh.identity).toBe('verified')
    expect(fresh.items.map((i) => i.subject)).toEqual(['From the phone', 'From the laptop'])
    expect(tokens()).toBe(before + 2)
    // A new device's token opens the request, like the one the report answered with.
    const opened = await h.app.request(`/api/v1/status/${fresh.items[0]!.token}`)
    expect(opened.status).toBe(200)
    expect(await opened.json()).toMatchObject({ reference: second.reference })

    const again = await listed(h, { user })
    expect(again.items.map((i) => i.token)).toEqual(fresh.items.map((i) => i.token))
    expect(tokens()).toBe(before + 2)
    // A device that sends its own token gets it back, not another.
    const mixed = await listed(h, { user, tokens: [first.token] })
    expect(mixed.items.find((i) => i.reference === first.reference)!.token).toBe(first.token)
    expect(tokens()).toBe(before + 2)
  })

  it('refuses a wrong signature the same way whether or not the user has requests', async () => {
    const h = await agentHarness()
    const secret = secretOf(h)
    await h.file({
      description: 'x',
      reporter: { id: 'has', signature: signUserId(secret, 'has') },
    })
    const forged = [
      { id: 'has', signature: signUserId('sbis_guess', 'has') },
      { id: 'none', signature: signUserId('sbis_guess', 'none') },
      { id: 'has', signature: signUserId(secret, 'has').toUpperCase().slice(0, 63) + 'X' },
      { id: 'has', signature: signUserId(secret, 'hash') },
    ]
    const answers = []
    for (const user of forged) {
      const res = await list(h, { user, tokens: [] })
      expect(res.status).toBe(403)
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN)
      answers.push(await res.json())
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect(answers[0]).toMatchObject({ status: 403, code: 'forbidden' })
    // Upper-case hex is the same signature.
    const upper = await list(h, {
      user: { id: 'has', signature: signUserId(secret, 'has').toUpperCase() },
    })
    expect(upper.status).toBe(200)
  })

  it('refuses every user of a project that verifies no identities', async () => {
    const h = await agentHarness()
    const res = await list(h, { user: { id: 'u', signature: signUserId('', 'u') } })
    expect(res.status).toBe(403)
  })
})

describe('the reporter API in the browser', () => {
  it("answers only the project's origins, and says so readably to the others", async () => {
    const h = await agentHarness()
    const t = await h.file()
    const evil = { Origin: 'https://evil.example' }
    const preflight = await h.app.request('/api/v1/status/requests', {
      method: 'OPTIONS',
      headers: { ...evil, 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Snagbox-Key')
    for (const res of [
      await list(h, { tokens: [t.token] }, evil),
      await h.app.request(`/api/v1/status/${t.token}`, { headers: evil }),
      await h.app.request(`/api/v1/status/${t.token}/comments`, {
        method: 'POST',
        headers: { ...evil, 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: 'from elsewhere' }),
      }),
    ]) {
      expect(res.status).toBe(403)
      expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.example')
      expect(await res.json()).toMatchObject({ code: 'origin_not_allowed' })
    }
    const ok = await h.app.request(`/api/v1/status/${t.token}`, { headers: { Origin: ORIGIN } })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    // The status page's own origin is always allowed.
    const own = await h.app.request(`/api/v1/status/${t.token}`, {
      headers: { Origin: 'https://support.example.com' },
    })
    expect(own.status).toBe(200)
    expect(h.count('ticket_events')).toBe(1)
  })

  it('limits listings per address, past which it answers 429 with Retry-After and reads nothing', async () => {
    const h = await agentHarness({ env: { SNAGBOX_RATE_LIMIT_REPORTER_IP: '3' } })
    const t = await h.file()
    const address = { 'X-Forwarded-For': '203.0.113.9' }
    for (let i = 0; i < 3; i++) await listed(h, { tokens: [t.token] }, address)
    const over = await list(h, { tokens: [t.token] }, address)
    expect(over.status).toBe(429)
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another address, and the reporter's writes, have budgets of their own.
    await listed(h, { tokens: [t.token] }, { 'X-Forwarded-For': '203.0.113.10' })
    const comment = await h.reporter(t.statusUrl, '/comments', {
      method: 'POST',
      json: { body: 'Still there' },
      headers: address,
    })
    expect(comment.status).toBe(201)
  })

  it('takes at most 50 tokens, each a string', async () => {
    const h = await agentHarness()
    const t = await h.file()
    for (const body of [
      { tokens: Array.from({ length: 51 }, () => t.token) },
      { tokens: t.token },
      { tokens: [42] },
      { tokens: [''] },
      { user: { id: 42, signature: 'x' } },
      { user: { id: 'u' } },
      { user: 'u' },
      { lang: 'de' },
      { token: [t.token] },
    ]) {
      const res = await list(h, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(await res.json()).toMatchObject({ code: 'invalid_payload' })
    }
    expect((await listed(h, {})).items).toEqual([])
  })
})
