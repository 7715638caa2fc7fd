import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { FREE_TEXT_CHARS, ROUTES, type ReporterStreamEvent } from '@snagbox/sdk/contract'
import { agentHarness, ORIGIN, type AgentHarness } from '../../test/harness.js'
import { appDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { createProject } from '../projects/store.js'
import { reporterRequestsRoutes } from './requests-routes.js'
import { STREAM_BOUNDS, STREAMS_PER_ADDRESS } from './stream.js'
import { getOver, serveOnSocket, stopsReading, until } from '../../test/stalled-socket.js'

interface Message {
  event: string
  id: string | null
  data: unknown
}

/** Opens `GET /api/v1/status/events` (of `app`, else the harness's) and reads its messages. */
async function open(
  h: AgentHarness,
  tokens: string[],
  headers: Record<string, string> = {},
  app: Pick<Hono, 'request'> = h.app,
) {
  const query = tokens.map((t) => `token=${encodeURIComponent(t)}`).join('&')
  const res = await app.request(`/api/v1/status/events?${query}`, {
    headers: { 'X-Snagbox-Key': h.project.key, Origin: ORIGIN, ...headers },
  })
  const reader = res.status === 200 ? res.body?.getReader() : undefined
  const decoder = new TextDecoder()
  let buffer = ''
  // A read outlives the wait that gave up on it: the next wait takes it over.
  let reading: ReturnType<NonNullable<typeof reader>['read']> | undefined
  /** The next message (heartbeats skipped), or `null` when none comes within `ms`. */
  async function next(ms = 3000): Promise<Message | null> {
    const until = Date.now() + ms
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const field = (name: string) =>
          block
            .split('\n')
            .find((l) => l.startsWith(`${name}:`))
            ?.slice(name.length + 1)
            .trim() ?? null
        if (!field('event')) continue
        return { event: field('event')!, id: field('id'), data: JSON.parse(field('data')!) }
      }
      const left = until - Date.now()
      if (left <= 0 || !reader) return null
      let timer: ReturnType<typeof setTimeout> | undefined
      reading ??= reader.read()
      const part = await Promise.race([
        reading,
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), left))),
      ])
      clearTimeout(timer)
      if (part === null) return null
      reading = undefined
      if (part.done) return null
      buffer += decoder.decode(part.value, { stream: true })
    }
  }
  return { res, next, close: () => reader?.cancel() }
}

/** How many listen to a change feed: one for each stream open on it, besides the server's own. */
const listening = (changes: unknown) => (changes as { listeners: Set<unknown> }).listeners.size

const reply = (h: AgentHarness, reference: string, body: string, status?: string) =>
  h.api(`/api/v1/tickets/${reference}/replies`, { method: 'POST', json: { body, status } })

describe('GET /api/v1/status/events', () => {
  it("tells of what support writes on the stream's requests, and of nothing else", async () => {
    const h = await agentHarness()
    const watched = await h.file({ description: 'Export fails' })
    const other = await h.file({ description: 'Not watched' })
    const stream = await open(h, [watched.token])
    expect(stream.res.status).toBe(200)
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(stream.res.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect((await stream.next())?.event).toBe('ready')

    await reply(h, watched.reference, 'Which printer is it?', 'waiting_on_reporter')
    const message = await stream.next()
    expect(message).toMatchObject({ event: 'request', id: expect.stringMatching(/^\d+$/) })
    const data = message!.data as ReporterStreamEvent
    expect(data.request).toMatchObject({
      reference: watched.reference,
      status: 'waiting_on_reporter',
      statusText: 'Waiting for your answer',
      unread: 1,
      lastChange: { type: 'public_reply', excerpt: 'Which printer is it?' },
    })
    expect(data.events.map((e) => e.type)).toEqual(['public_reply', 'status_changed'])
    expect(data.request).not.toHaveProperty('token')

    // An internal note, support's own bookkeeping and another request: nothing.
    await h.api(`/api/v1/tickets/${watched.reference}/notes`, {
      method: 'POST',
      json: { body: 'internal' },
    })
    await h.api(`/api/v1/tickets/${watched.reference}`, {
      method: 'PATCH',
      json: { priority: 'high' },
    })
    await reply(h, other.reference, 'Elsewhere')
    expect(await stream.next(300)).toBeNull()

    // The reporter's own comment is on their timeline too.
    await h.reporter(watched.statusUrl, '/comments', { method: 'POST', json: { body: 'HP 1020' } })
    const own = (await stream.next())!.data as ReporterStreamEvent
    expect(own.events.map((e) => e.type)).toEqual(['reporter_comment', 'status_changed'])
    expect(own.request.unread).toBe(1)
    await stream.close()
  })

  it('resumes from Last-Event-ID with what was added meanwhile', async () => {
    const h = await agentHarness()
    const t = await h.file()
    const first = await open(h, [t.token])
    const ready = await first.next()
    expect(ready).toMatchObject({ event: 'ready', id: expect.stringMatching(/^\d+$/) })
    await reply(h, t.reference, 'One')
    const one = (await first.next())!
    await first.close()
    await reply(h, t.reference, 'Two')
    await reply(h, t.reference, 'Three')

    const again = await open(h, [t.token], { 'Last-Event-ID': one.id! })
    expect((await again.next())?.event).toBe('ready')
    const caught = (await again.next())!
    const bodies = (caught.data as ReporterStreamEvent).events.map((e) => e.data.body)
    expect(bodies).toEqual(['Two', 'Three'])
    expect(Number(caught.id)).toBeGreaterThan(Number(one.id))
    expect(await again.next(200)).toBeNull()
    await again.close()
  })

  it('ends when none of its status links opens a request any more', async () => {
    const h = await agentHarness({ env: { SNAGBOX_STREAM_CHECK_SECONDS: '1' } })
    const t = await h.file()
    const stream = await open(h, [t.token])
    expect((await stream.next())?.event).toBe('ready')
    h.db.$client.prepare('delete from reporter_tokens where ticket_id = ?').run(t.id)
    expect(await stream.next(3000)).toMatchObject({ event: 'ended', data: { reason: 'gone' } })
  })

  it(`keeps at most ${STREAMS_PER_ADDRESS} open from one address`, async () => {
    const h = await agentHarness()
    const t = await h.file()
    const address = { 'X-Forwarded-For': '203.0.113.20' }
    const subscribed = () => listening(h.changes)
    const base = subscribed()
    const streams = []
    for (let i = 0; i < STREAMS_PER_ADDRESS; i++) streams.push(await open(h, [t.token], address))
    expect(streams.every((s) => s.res.status === 200)).toBe(true)
    const over = await open(h, [t.token], address)
    expect(over.res.status).toBe(429)
    expect(over.res.headers.get('retry-after')).toBe('60')
    expect((await open(h, [t.token], { 'X-Forwarded-For': '203.0.113.21' })).res.status).toBe(200)
    await streams.pop()!.close()
    // Its place is free once it stopped listening (with the one from the other address open).
    await until(() => subscribed() === base + STREAMS_PER_ADDRESS, 'the closed stream to end')
    const after = await open(h, [t.token], address)
    expect(after.res.status).toBe(200)
    await Promise.all([...streams, after].map((s) => s.close()))
    // Every closed stream stops listening (the one from the other address is still open).
    await until(() => subscribed() === base + 1, 'every closed stream to end')
  })

  it('keeps a bound on the streams open in all, whatever their addresses', async () => {
    const h = await agentHarness()
    const t = await h.file()
    const deps = appDeps({ db: h.db, config: h.config })
    const app = new Hono()
      .route(ROUTES.status, reporterRequestsRoutes(deps, { ...STREAM_BOUNDS, inAll: 2 }))
      .onError((err, c) => {
        if (!(err instanceof ApiError)) throw err
        for (const [name, value] of Object.entries(err.headers)) c.header(name, value)
        return c.json(err.toProblem(), err.status as 429)
      })
    const from = (address: string) => open(h, [t.token], { 'X-Forwarded-For': address }, app)
    const base = listening(deps.changes)
    const first = await from('203.0.113.30')
    const second = await from('203.0.113.31')
    expect([first.res.status, second.res.status]).toEqual([200, 200])
    const over = await from('203.0.113.32')
    expect(over.res.status).toBe(429)
    expect(over.res.headers.get('retry-after')).toBe('60')
    expect(await over.res.json()).toMatchObject({ code: 'rate_limited' })
    await first.close()
    await until(() => listening(deps.changes) === base + 1, 'the closed stream to end')
    const after = await from('203.0.113.32')
    expect(after.res.status).toBe(200)
    await Promise.all([second.close(), after.close()])
  })

  it('resumes from a Last-Event-ID past the newest event with what comes next', async () => {
    const h = await agentHarness()
    const t = await h.file()
    // A mark this database never gave (one from before a restore of an older backup).
    const stream = await open(h, [t.token], { 'Last-Event-ID': '999999' })
    expect((await stream.next())?.event).toBe('ready')
    await reply(h, t.reference, 'Which printer is it?')
    const message = await stream.next()
    expect(message?.event).toBe('request')
    expect((message!.data as ReporterStreamEvent).events[0]?.data.body).toBe('Which printer is it?')
    await stream.close()
  })

  it('refuses what it cannot stream, readably', async () => {
    const h = await agentHarness()
    const t = await h.file()
    const other = createProject(h.db, { name: 'Other', prefix: 'OTH', origins: [ORIGIN] })
    const theirs = await h.post({ description: 'x' }, { 'X-Snagbox-Key': other.key })
    const theirToken = ((await theirs.json()) as { statusUrl: string }).statusUrl.split(
      '/status/',
    )[1]!
    const cases: [string[], Record<string, string>, number, string][] = [
      [[], {}, 400, 'invalid_payload'],
      [Array.from({ length: 51 }, () => t.token), {}, 400, 'invalid_payload'],
      [['A'.repeat(43)], {}, 404, 'not_found'],
      [[theirToken], {}, 404, 'not_found'],
      [[t.token], { Origin: 'https://evil.example' }, 403, 'origin_not_allowed'],
      [[t.token], { 'X-Snagbox-Key': 'pk_nobody_at_all' }, 401, 'unknown_project_key'],
    ]
    for (const [tokens, headers, status, code] of cases) {
      const { res } = await open(h, tokens, headers)
      expect(res.status).toBe(status)
      expect(await res.json()).toMatchObject({ code })
    }
    // The key in the query, for an EventSource.
    const res = await h.app.request(`/api/v1/status/events?key=${h.project.key}&token=${t.token}`)
    expect(res.status).toBe(200)
    await res.body?.cancel()
    const head = await h.app.request(`/api/v1/status/events?token=${t.token}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
  })

  it('drops a reader that stops reading, frees its place, and resumes it truthfully', async () => {
    const h = await agentHarness()
    const t = await h.file()
    const deps = appDeps({ db: h.db, config: h.config, changes: h.changes })
    const app = new Hono().route(
      ROUTES.status,
      reporterRequestsRoutes(deps, { ...STREAM_BOUNDS, perAddress: 1, stallMs: 1_000 }),
    )
    const { path, sockets, close } = await serveOnSocket(app)
    const route = `/api/v1/status/events?token=${t.token}`
    const headers = {
      'X-Snagbox-Key': h.project.key,
      Origin: ORIGIN,
      'X-Forwarded-For': '203.0.113.40',
    }
    const listeners = () => (h.changes as unknown as { listeners: Set<unknown> }).listeners.size
    const base = listeners()
    const stalled = await stopsReading(path, route, headers)
    try {
      expect(listeners()).toBe(base + 1)
      // Long replies, until the stream's writes wait on a reader that takes none for a second.
      const long = 'x'.repeat(FREE_TEXT_CHARS - 20)
      let replies = 0
      while (listeners() > base) {
        if (replies >= 500) throw new Error('the stream never stopped listening')
        await reply(h, t.reference, `Reply ${++replies} ${long}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(sockets[0]!.destroyed).toBe(true)
      // Its place is free again: the one stream this address may have opens.
      const next = getOver(path, route, headers)
      expect((await next.answered).statusCode).toBe(200)
      await until(() => next.text().includes('event: ready'), 'the next stream')
      next.close()
      await until(() => listeners() === base, 'the next stream to close')

      // Dropped, not ended: the reader connects again from the last mark it had, and is sent
      // what came after it — a reply may come twice, none never.
      const had = await stalled.rest()
      expect(had).not.toContain('event: ended')
      const marks = [...had.matchAll(/^id: (\d+)$/gm)].map((m) => m[1]!)
      const bodies = (text: string) => new Set([...text.matchAll(/Reply (\d+) /g)].map((m) => m[1]))
      const before = bodies(had.slice(0, had.lastIndexOf(`id: ${marks.at(-1)}`)))
      expect(before.size).toBeLessThan(replies)
      const resumed = await open(h, [t.token], { ...headers, 'Last-Event-ID': marks.at(-1)! }, app)
      expect((await resumed.next())?.event).toBe('ready')
      const caught = (await resumed.next())!.data as ReporterStreamEvent
      await resumed.close()
      const after = bodies(caught.events.map((e) => `${e.data.body} `).join(''))
      const all = Array.from({ length: replies }, (_, i) => String(i + 1))
      expect(all.filter((n) => !before.has(n) && !after.has(n))).toEqual([])
    } finally {
      stalled.destroy()
      close()
    }
  }, 60_000)
})
