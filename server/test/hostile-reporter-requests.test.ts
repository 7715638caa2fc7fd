import { describe, expect, it } from 'vitest'
import { PROBLEM_CONTENT_TYPE, REPORTER_REQUESTS_MAX } from '@snagbox/sdk/contract'
import { signUserId } from '../src/projects/identity.js'
import { createProject, updateProject } from '../src/projects/store.js'
import { agentHarness, ORIGIN, type AgentHarness } from './harness.js'
import { listRequests as list } from './reporter-requests.js'

/*
 * The reporter's list and live stream under attack: a project key is public and a status token
 * is a credential anyone holding it can script. Forged and replayed signatures, other users' and
 * other projects' tokens, lists past their bound, foreign pages, floods.
 */

const ENV = { SNAGBOX_RATE_LIMIT_REPORTER_IP: '1000000' }

const stream = (h: AgentHarness, query: string, headers: Record<string, string> = {}) =>
  h.app.request(`/api/v1/status/events?${query}`, {
    headers: { 'X-Snagbox-Key': h.project.key, Origin: ORIGIN, ...headers },
  })

async function refused(res: Response, status: number, code?: string) {
  expect(res.status, await res.clone().text()).toBe(status)
  expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
  const problem = await res.json()
  if (code) expect(problem.code).toBe(code)
  return problem
}

/** Tokens and rows a listing may not add when it refuses. */
const rows = (h: AgentHarness) =>
  JSON.stringify([h.count('reporter_tokens'), h.count('tickets'), h.count('ticket_events')])

describe("the reporter's list, attacked", () => {
  it('gives a forged, replayed or borrowed signature nothing, and the same nothing every time', async () => {
    const h = await agentHarness({ env: ENV })
    const secret = updateProject(h.db, 'DEMO', { identitySecret: true }).identitySecret!
    const anna = { id: 'anna', signature: signUserId(secret, 'anna') }
    await h.file({ description: "Anna's", reporter: anna })
    const other = createProject(h.db, {
      name: 'Other',
      prefix: 'OTHER',
      origins: [ORIGIN],
      identitySecret: true,
    })
    const before = rows(h)
    const forgeries = [
      // Another project's secret, the signature of another id, of the id with a space, a prefix.
      { id: 'anna', signature: signUserId(other.identitySecret!, 'anna') },
      { id: 'boris', signature: anna.signature },
      { id: 'anna ', signature: anna.signature },
      { id: 'ann', signature: anna.signature },
      { id: 'anna', signature: anna.signature.slice(0, 63) },
      { id: 'anna', signature: `${anna.signature}00` },
      { id: 'anna', signature: '0'.repeat(64) },
      { id: 'anna', signature: ' '.repeat(64) },
      { id: 'anna', signature: 'zz'.repeat(32) },
      { id: 'anna', signature: signUserId(secret, 'snagbox status links') },
      { id: '', signature: signUserId(secret, '') },
      { id: 'anna\u0000', signature: anna.signature },
    ]
    const answers = new Set<string>()
    let malformed = 0
    for (const user of forgeries) {
      const res = await list(h, { user })
      // An empty id or signature is a malformed field, refused before any check.
      if (res.status === 400) malformed++
      else answers.add(JSON.stringify(await refused(res, 403, 'forbidden')))
    }
    expect(malformed).toBe(2)
    expect(answers.size).toBe(1)
    expect(rows(h)).toBe(before)
    // Anna's own signature under the other project's key lists nothing of this one.
    await refused(await list(h, { user: anna }, { 'X-Snagbox-Key': other.key }), 403, 'forbidden')
    expect((await (await list(h, { user: anna })).json()).items).toHaveLength(1)
  })

  it('bounds the tokens, and takes hostile ones as tokens that open nothing', async () => {
    const h = await agentHarness({ env: ENV })
    const t = await h.file()
    await refused(
      await list(h, { tokens: Array.from({ length: REPORTER_REQUESTS_MAX + 1 }, () => t.token) }),
      400,
      'invalid_payload',
    )
    await refused(await list(h, { tokens: ['x'.repeat(101)] }), 400, 'invalid_payload')
    const hostile = [
      "' OR 1=1 --",
      '%',
      '*',
      '../../etc/passwd',
      '\u0000'.repeat(10),
      '<script>alert(1)</script>',
      t.token.toUpperCase(),
      `${t.token} `,
      t.token.slice(1),
    ]
    const answer = await (await list(h, { tokens: [...hostile, t.token] })).json()
    expect(answer.items.map((i: { reference: string }) => i.reference)).toEqual([t.reference])
    // Fifty of the same token: one request, once.
    const same = await (await list(h, { tokens: Array.from({ length: 50 }, () => t.token) })).json()
    expect(same.items).toHaveLength(1)
    for (const body of [
      '[]',
      '"tokens"',
      'null',
      '{"tokens":null,"user":null}',
      '{"__proto__":{"tokens":["x"]}}',
      '{"tokens":[{"toString":1}]}',
      '{"user":{"id":"a","signature":"b","admin":true}}',
      `{"tokens":[${'"x",'.repeat(10_000)}"x"]}`,
    ]) {
      const res = await list(h, body)
      expect(res.status, body.slice(0, 60)).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
    }
  })

  it('takes every wrong type in every field of its body without a 5xx, writing nothing', async () => {
    const h = await agentHarness({ env: ENV })
    const secret = updateProject(h.db, 'DEMO', { identitySecret: true }).identitySecret!
    const t = await h.file()
    const valid = { tokens: [t.token], user: { id: 'u', signature: signUserId(secret, 'u') } }
    const before = rows(h)
    const values = [null, 0, -1, 1e308, true, [], {}, '', 'x'.repeat(70_000), '<b>', ['x'], [[]]]
    const bodies = values.flatMap((value) => [
      { ...valid, tokens: value },
      { ...valid, user: value },
      { ...valid, lang: value },
      { ...valid, user: { ...valid.user, id: value } },
      { ...valid, user: { ...valid.user, signature: value } },
    ])
    for (const body of bodies) {
      const res = await list(h, body)
      const where = JSON.stringify(body).slice(0, 120)
      expect(res.status, where).toBeLessThan(500)
      if (res.status >= 400)
        expect(res.headers.get('content-type'), where).toBe(PROBLEM_CONTENT_TYPE)
    }
    // Only the listings that went through may have made status links (the user's own request).
    expect(h.count('tickets')).toBe(JSON.parse(before)[1])
    expect(h.count('ticket_events')).toBe(JSON.parse(before)[2])
  })

  it("answers a foreign page with a readable 403 before it reads the body, and an unknown key's 401 readably", async () => {
    const h = await agentHarness({ env: ENV })
    const t = await h.file()
    for (const origin of [
      'https://evil.example',
      'null',
      `${ORIGIN}.evil.example`,
      'http://app.example.com',
    ]) {
      const res = await list(h, '{"tokens":', { Origin: origin })
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      await refused(res, 403, 'origin_not_allowed')
      await refused(await stream(h, `token=${t.token}`, { Origin: origin }), 403)
    }
    const unknown = await list(h, { tokens: [t.token] }, { 'X-Snagbox-Key': 'pk_forged_key_1' })
    expect(unknown.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    await refused(unknown, 401, 'unknown_project_key')
    await refused(await list(h, { tokens: [t.token] }, { 'X-Snagbox-Key': '' }), 401)
  })

  it('counts a flood of listings and streams against the address, writing nothing past it', async () => {
    const h = await agentHarness({ env: { SNAGBOX_RATE_LIMIT_REPORTER_IP: '5' } })
    const secret = updateProject(h.db, 'DEMO', { identitySecret: true }).identitySecret!
    const user = { id: 'u', signature: signUserId(secret, 'u') }
    const t = await h.file({ description: 'x', reporter: user })
    const address = { 'X-Forwarded-For': '198.51.100.4' }
    for (let i = 0; i < 4; i++)
      expect((await list(h, { tokens: [t.token] }, address)).status).toBe(200)
    const opened = await stream(h, `token=${t.token}`, address)
    expect(opened.status).toBe(200)
    await opened.body?.cancel()
    const before = rows(h)
    for (const res of [
      await list(h, { user }, address),
      await stream(h, `token=${t.token}`, address),
    ]) {
      await refused(res, 429, 'rate_limited')
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(rows(h)).toBe(before)
  })
})

describe("the reporter's stream, attacked", () => {
  it('takes hostile Last-Event-IDs, tokens and queries without a 5xx, and streams only what it may', async () => {
    const h = await agentHarness({ env: ENV })
    const t = await h.file()
    for (const id of ['-1', '1e999', '9'.repeat(40), 'abc', '', ' 3 ', '0x10']) {
      const res = await stream(h, `token=${t.token}`, { 'Last-Event-ID': id })
      expect(res.status, id).toBe(200)
      await res.body?.cancel()
    }
    for (const query of [
      `token=${'A'.repeat(101)}`,
      `token=${Array.from({ length: 51 }, () => t.token).join('&token=')}`,
      'token=',
      `token[]=${t.token}`,
      `token=%00`,
      `token=${encodeURIComponent('<script>')}`,
      `lang=xx&token=%E0%A4%A`,
    ]) {
      const res = await stream(h, query)
      expect(res.status, query.slice(0, 40)).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
    }
  })
})
