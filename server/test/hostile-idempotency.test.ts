import { describe, expect, it } from 'vitest'
import { PROBLEM_CONTENT_TYPE } from '@snagbox/sdk/contract'
import { loadConfig } from '../src/config.js'
import { agentHarness, ORIGIN, type AgentHarness } from './harness.js'
import { dataUrl, png } from './images.js'

/*
 * An Idempotency-Key is bound to the request it first came with. Whoever learns a key (a log, a
 * proxy, a copied README example) must not get the reporter's credential by sending anything else
 * with it; a genuine retry still gets a working status link.
 */

const ENV = { SNAGBOX_RATE_LIMIT_IP: '1000000', SNAGBOX_RATE_LIMIT_PROJECT: '1000000' }
const HOUR = 3_600_000

const report = {
  category: 'incident',
  blocking: true,
  description: 'Export fails with error 0x80070005',
  reporter: { name: 'Olga', email: 'olga@example.com' },
  app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
  context: { order: 'A-17', flags: { beta: true, region: 'eu' } },
  logs: [{ level: 'error', message: 'EACCES', timestamp: 1764000000000 }],
}

function multipart(
  h: AgentHarness,
  payload: unknown,
  image: Buffer | null,
  headers: Record<string, string>,
) {
  const form = new FormData()
  form.append('payload', typeof payload === 'string' ? payload : JSON.stringify(payload))
  if (image)
    form.append('screenshot', new Blob([new Uint8Array(image)], { type: 'image/png' }), 's.png')
  return h.app.request('/api/v1/tickets', {
    method: 'POST',
    headers: { 'X-Snagbox-Key': h.project.key, Origin: ORIGIN, ...headers },
    body: form,
  })
}

/** Everything a refused request may not touch, reporter credentials and key bindings included. */
function snapshot(h: AgentHarness): string {
  const db = h.db.$client
  return JSON.stringify({
    tickets: db
      .prepare(
        'select id, reference, status, version, description, idempotency_key, idempotency_fingerprint from tickets order by number',
      )
      .all(),
    events: h.count('ticket_events'),
    attachments: db.prepare('select ticket_id, sha256 from attachments order by ticket_id').all(),
    reporterTokens: h.count('reporter_tokens'),
  })
}

async function refusedAsReused(res: Response, h: AgentHarness) {
  const text = await res.text()
  expect(res.status, text).toBe(422)
  expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
  // Readable by the page that sent it, so the SDK can tell the reporter what happened.
  expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN)
  const problem = JSON.parse(text)
  expect(problem).toMatchObject({
    status: 422,
    code: 'idempotency_key_reused',
    type: expect.stringMatching(/idempotency_key_reused$/),
    errors: [{ path: 'Idempotency-Key' }],
  })
  expect(problem.detail).toMatch(/different request/)
  // Nothing of the ticket that holds the key: no link, no reference, no id.
  expect(text).not.toMatch(/status\/|DEMO-|statusUrl/)
  const ids = h.db.$client.prepare('select id from tickets').all() as { id: string }[]
  for (const { id } of ids) expect(text).not.toContain(id)
}

describe('an Idempotency-Key replayed with a different request', () => {
  it('is refused with 422, hands out no status link and writes nothing', async () => {
    const h = await agentHarness({ env: ENV })
    const key = { 'Idempotency-Key': 'a1f4c9e2-key-seen-in-a-log' }
    const first = await h.post(report, key)
    expect(first.status).toBe(201)
    const created = await first.json()
    const before = snapshot(h)

    for (const other of [
      { description: 'anything' },
      { ...report, description: `${report.description}!` },
      { ...report, category: 'consultation' },
      { ...report, blocking: false },
      { ...report, reporter: { ...report.reporter, email: 'mallory@example.com' } },
      { ...report, context: { ...report.context, extra: 1 } },
      { ...report, logs: [] },
      { ...report, subject: 'A subject of my own' },
    ]) {
      await refusedAsReused(await h.post(other, key), h)
      await refusedAsReused(await multipart(h, other, null, key), h)
    }
    expect(snapshot(h)).toBe(before)

    // The reporter's own link still works, and the ticket is as it was.
    const own = await h.reporter(created.statusUrl)
    expect(own.status).toBe(200)
    expect(await own.json()).toMatchObject({ reference: 'DEMO-1', status: 'new' })
  })

  it('is refused when only the screenshot differs, and the first screenshot stays', async () => {
    const h = await agentHarness({ env: ENV })
    const key = { 'Idempotency-Key': 'shot-1' }
    const red = png(16, 16, [200, 30, 30])
    const blue = png(16, 16, [30, 30, 200])
    expect((await multipart(h, report, red, key)).status).toBe(201)
    const before = snapshot(h)

    await refusedAsReused(await multipart(h, report, blue, key), h)
    await refusedAsReused(
      await h.post({ ...report, screenshot: dataUrl('image/png', blue) }, key),
      h,
    )
    await refusedAsReused(await multipart(h, report, null, key), h)
    await refusedAsReused(await h.post(report, key), h)
    expect(snapshot(h)).toBe(before)

    const shot = await h.api('/api/v1/tickets/DEMO-1/screenshot')
    expect(shot.status).toBe(200)
    expect(Buffer.compare(Buffer.from(await shot.arrayBuffer()), red)).toBe(0)
  })

  it('still answers a genuine retry — JSON or multipart, keys in any order — with a working status link', async () => {
    const h = await agentHarness({ env: ENV })
    const key = { 'Idempotency-Key': 'genuine-retry' }
    const image = png(24, 12, [10, 120, 200])
    const first = await h.post({ ...report, screenshot: dataUrl('image/png', image) }, key)
    expect(first.status).toBe(201)
    const created = await first.json()

    // The same report with every object's keys in reverse order, pretty-printed.
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value
    const retries = [
      () => h.post({ ...report, screenshot: dataUrl('image/png', image) }, key),
      () =>
        h.post(
          JSON.stringify(reversed({ ...report, screenshot: dataUrl('image/png', image) }), null, 2),
          key,
        ),
      // The same bytes under another image type in the data URL: the bytes are what count.
      () => h.post({ screenshot: dataUrl('image/webp', image), ...report }, key),
      () => multipart(h, report, image, key),
      () => multipart(h, JSON.stringify(reversed(report)), image, key),
      // Defaults spelled out and text with the whitespace the server trims: the same request.
      () =>
        multipart(
          h,
          { ...report, description: `  ${report.description}\n`, subject: report.description },
          image,
          key,
        ),
    ]
    const links: string[] = []
    for (const retry of retries) {
      const res = await retry()
      expect(res.status, await res.clone().text()).toBe(200)
      const answer = await res.json()
      expect(answer).toMatchObject({
        id: created.id,
        reference: 'DEMO-1',
        createdAt: created.createdAt,
      })
      expect(answer.statusUrl).not.toBe(created.statusUrl)
      links.push(answer.statusUrl)
    }
    expect(h.count('tickets')).toBe(1)
    expect(h.count('attachments')).toBe(1)
    expect(h.count('ticket_events')).toBe(1)

    // Every link is a real credential: it reads the ticket, and one of them withdraws it.
    for (const link of links) {
      const res = await h.reporter(link)
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ reference: 'DEMO-1' })
    }
    const withdrawn = await h.reporter(links.at(-1)!, '/withdraw', { method: 'POST' })
    expect(withdrawn.status).toBe(200)
    expect(await withdrawn.json()).toMatchObject({ status: 'closed', closeReason: 'withdrawn' })
  })
})

describe('an Idempotency-Key after its time', () => {
  it('matches nothing after 24 hours by default: a request with it creates a new ticket', async () => {
    let now = Date.parse('2026-11-24T10:00:00.000Z')
    const h = await agentHarness({ env: ENV, now: () => new Date(now) })
    const key = { 'Idempotency-Key': 'a-day-old' }
    const first = await (await h.post(report, key)).json()

    now += 24 * HOUR - 1
    await refusedAsReused(await h.post({ description: 'Another problem' }, key), h)
    expect((await h.post(report, key)).status).toBe(200)

    now += 1
    const before = h.count('reporter_tokens')
    const later = await h.post({ description: 'Another problem' }, key)
    expect(later.status).toBe(201)
    const second = await later.json()
    expect(second.reference).toBe('DEMO-2')
    const link = await h.reporter(second.statusUrl)
    expect(await link.json()).toMatchObject({ reference: 'DEMO-2', subject: 'Another problem' })
    // One credential, for the new ticket only.
    expect(h.count('reporter_tokens')).toBe(before + 1)

    // The key now belongs to the new request: its retry replays, the old request is refused.
    const retry = await h.post({ description: 'Another problem' }, key)
    expect(retry.status).toBe(200)
    expect(await retry.json()).toMatchObject({ reference: 'DEMO-2' })
    await refusedAsReused(await h.post(report, key), h)

    // The old ticket lost only its key: its reporter's link still reads it.
    expect(await (await h.reporter(first.statusUrl)).json()).toMatchObject({ reference: 'DEMO-1' })
    const keys = h.db.$client
      .prepare('select reference, idempotency_key from tickets order by number')
      .all()
    expect(keys).toEqual([
      { reference: 'DEMO-1', idempotency_key: null },
      { reference: 'DEMO-2', idempotency_key: 'a-day-old' },
    ])
  })

  it('takes its lifetime from SNAGBOX_IDEMPOTENCY_KEY_HOURS, and the same request after it is a new ticket too', async () => {
    let now = Date.parse('2026-11-24T10:00:00.000Z')
    const h = await agentHarness({
      env: { ...ENV, SNAGBOX_IDEMPOTENCY_KEY_HOURS: '2' },
      now: () => new Date(now),
    })
    const key = { 'Idempotency-Key': 'two-hours' }
    expect((await h.post(report, key)).status).toBe(201)
    now += 2 * HOUR - 1
    expect((await h.post(report, key)).status).toBe(200)
    now += 1
    const again = await h.post(report, key)
    expect(again.status).toBe(201)
    expect(await again.json()).toMatchObject({ reference: 'DEMO-2' })
    expect(h.count('tickets')).toBe(2)
  })

  it('is a setting with a default of 24 hours that refuses nonsense', () => {
    expect(loadConfig().idempotencyKeyHours).toBe(24)
    expect(loadConfig({ SNAGBOX_IDEMPOTENCY_KEY_HOURS: '48' }).idempotencyKeyHours).toBe(48)
    expect(loadConfig({}, { 'idempotency-key-hours': '6' }).idempotencyKeyHours).toBe(6)
    for (const bad of ['0', '-1', '1.5', 'a day']) {
      expect(() => loadConfig({ SNAGBOX_IDEMPOTENCY_KEY_HOURS: bad })).toThrow(
        /idempotency-key-hours/,
      )
    }
  })
})

describe('a key of a ticket created before keys were bound to their request', () => {
  it("is let go: a request with it gets a ticket of its own, never the old ticket's link", async () => {
    const h = await agentHarness({ env: ENV })
    const key = { 'Idempotency-Key': '0b8e7c1e-6f1d-4a59-9d36-1f0f4f0e2a11' }
    expect((await h.post(report, key)).status).toBe(201)
    // As migration 0005 left every ticket that came before it.
    h.db.$client.prepare('update tickets set idempotency_fingerprint = null').run()

    const res = await h.post({ description: 'anything' }, key)
    expect(res.status).toBe(201)
    const answer = await res.json()
    expect(answer.reference).toBe('DEMO-2')
    expect(await (await h.reporter(answer.statusUrl)).json()).toMatchObject({
      reference: 'DEMO-2',
      subject: 'anything',
    })
    expect(
      h.db.$client.prepare("select idempotency_key from tickets where reference = 'DEMO-1'").get(),
    ).toEqual({ idempotency_key: null })
  })
})

describe('racing requests with one Idempotency-Key', () => {
  it('create one ticket when they are retries of one report, in JSON and multipart at once', async () => {
    const h = await agentHarness({ env: ENV })
    const key = { 'Idempotency-Key': 'race-same' }
    const image = png(8, 8)
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2
          ? h.post({ ...report, screenshot: dataUrl('image/png', image) }, key)
          : multipart(h, report, image, key),
      ),
    )
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(11).fill(200), 201])
    const bodies = await Promise.all(answers.map((r) => r.json()))
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1)
    expect(h.count('tickets')).toBe(1)
    expect(h.count('attachments')).toBe(1)
    for (const b of bodies) expect((await h.reporter(b.statusUrl)).status).toBe(200)
  })

  it('let one of different requests win; the others are refused and write nothing', async () => {
    const h = await agentHarness({ env: ENV })
    const key = { 'Idempotency-Key': 'race-different' }
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2
          ? h.post({ description: `Problem number ${i}` }, key)
          : multipart(h, { description: `Problem number ${i}` }, png(4, 4, [i, i, i]), key),
      ),
    )
    expect(answers.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(422)])
    const winner = answers.find((r) => r.status === 201)!
    const won = await winner.json()
    for (const lost of answers.filter((r) => r.status === 422)) await refusedAsReused(lost, h)
    expect(h.count('tickets')).toBe(1)
    expect(h.count('reporter_tokens')).toBe(1)
    expect(h.count('ticket_events')).toBe(1)
    const ticket = await (await h.reporter(won.statusUrl)).json()
    const index = answers.indexOf(winner)
    expect(ticket).toMatchObject({ reference: 'DEMO-1', subject: `Problem number ${index}` })
    expect(h.count('attachments')).toBe(index % 2 ? 0 : 1)
  })
})
