import { connect } from 'node:net'
import { randomBytes } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, PROBLEM_CONTENT_TYPE, ROUTES } from '@snagbox/sdk/contract'
import { loadConfig } from '../src/config.js'
import { startServer, type RunningServer } from '../src/serve.js'
import { agentHarness, harness, ORIGIN, type AgentHarness, type Harness } from './harness.js'
import { dataUrl } from './images.js'

/*
 * The project key is public: it sits in every host page. Whatever a payload holds, the work it
 * causes before it is refused is bounded by the limits, not by the payload; and a client that
 * sends its request slowly holds a connection for the body timeout, not for minutes.
 */

const ENV = { SNAGBOX_RATE_LIMIT_IP: '100000', SNAGBOX_RATE_LIMIT_PROJECT: '100000' }
const MAX_NODES = DEFAULT_LIMITS.jsonNodes

/** `{"description":…,"k000000":0,…}`: 12 bytes a key, so 800,000 of them are 9.6 MB. */
function wideObject(keys: number, field?: string): string {
  const parts: string[] = []
  for (let i = 0; i < keys; i++) parts.push(`"k${i.toString(36).padStart(6, '0')}":0`)
  const wide = `{${parts.join(',')}}`
  // Flat, as a body read from the network is.
  return Buffer.from(
    field
      ? `{"description":"Export fails","${field}":${wide}}`
      : `{"description":"Export fails",${wide.slice(1)}`,
  ).toString()
}

const wideArray = (field: string, items: number, base = '"description":"Export fails"') =>
  `{${base},"${field}":[${'0,'.repeat(items - 1)}0]}`

const deep = (field: string, levels: number, base = '"description":"Export fails"') =>
  `{${base},"${field}":${'['.repeat(levels)}${']'.repeat(levels)}}`

function multipart(payload: string, extra: [string, string][] = []): FormData {
  const form = new FormData()
  form.set('payload', payload)
  for (const [name, value] of extra) form.append(name, value)
  return form
}

async function expectProblem(res: Response, status: number, code: string, detail: RegExp) {
  expect([res.status, res.headers.get('content-type')]).toEqual([status, PROBLEM_CONTENT_TYPE])
  const doc = (await res.json()) as Record<string, unknown>
  expect(doc).toMatchObject({
    status,
    code,
    detail: expect.stringMatching(detail),
  })
  return doc
}

/** How long the request took, in milliseconds. */
async function timed(request: () => Promise<Response>): Promise<[Response, number]> {
  const started = performance.now()
  const res = await request()
  return [res, performance.now() - started]
}

const postForm = (h: Harness, form: FormData) =>
  h.app.request(ROUTES.tickets, {
    method: 'POST',
    headers: { 'X-Snagbox-Key': h.project.key, Origin: ORIGIN },
    body: form,
  })

describe('the work one payload can cause', () => {
  it('refuses a 9.6 MB ticket of 800,000 unknown keys in a fraction of what parsing it takes', async () => {
    const h = harness({ env: ENV })
    const body = wideObject(800_000)
    expect(body.length).toBeGreaterThan(9_500_000)
    const parsing = performance.now()
    JSON.parse(body)
    const parseMs = performance.now() - parsing

    const [res, ms] = await timed(() => h.post(body))
    const doc = await expectProblem(res, 413, 'payload_too_large', /more than 50000 JSON values/)
    expect(doc.errors).toEqual([
      { path: '', message: `must hold at most ${MAX_NODES} values and keys` },
    ])
    expect(ms).toBeLessThan(parseMs / 2)
    expect(h.count('tickets')).toBe(0)
  })

  it.each([
    ['unknown keys inside a known field', wideObject(200_000, 'context')],
    ['a wide array in a known field', wideArray('logs', 1_000_000)],
    ['a wide array in an unknown field', wideArray('junk', 1_000_000)],
    ['a wide array of objects', `{"description":"x","logs":[${'{},'.repeat(60_000)}{}]}`],
  ])('refuses %s with 413 before parsing it', async (_, body) => {
    const h = harness({ env: ENV })
    await expectProblem(await h.post(body), 413, 'payload_too_large', /values and keys/)
    expect(h.count('tickets')).toBe(0)
  })

  it.each([
    ['a known field', deep('context', 100_000)],
    ['an unknown field', deep('junk', 100_000)],
    ['a field just past the limit', deep('context', DEFAULT_LIMITS.jsonDepth)],
  ])('refuses deep nesting in %s, naming the limit', async (_, body) => {
    const h = harness({ env: ENV })
    const res = await h.post(body)
    await expectProblem(res, 400, 'invalid_payload', /nested more than 64 levels.*max-json-depth/)
    expect(h.count('tickets')).toBe(0)
  })

  it('refuses a wide or deep multipart payload part, naming the part', async () => {
    const h = harness({ env: ENV })
    const wide = await expectProblem(
      await postForm(h, multipart(wideObject(300_000))),
      413,
      'payload_too_large',
      /payload holds more than 50000/,
    )
    expect(wide.errors).toEqual([
      { path: 'payload', message: `must hold at most ${MAX_NODES} values and keys` },
    ])
    await expectProblem(
      await postForm(h, multipart(deep('context', 100_000))),
      400,
      'invalid_payload',
      /payload is nested more than 64/,
    )
    expect(h.count('tickets')).toBe(0)
  })

  it('refuses a multipart body of 100,000 unknown parts without parsing them', async () => {
    const h = harness({ env: ENV })
    const parts = Array.from({ length: 100_000 }, (_, i): [string, string] => [`p${i}`, 'x'])
    const form = multipart(JSON.stringify({ description: 'Export fails' }), parts)
    await expectProblem(await postForm(h, form), 413, 'payload_too_large', /more than 16 parts/)
    expect(h.count('tickets')).toBe(0)
  })

  it.each([
    [
      'an escaped boundary',
      (b: string) => `multipart/form-data; boundary="${b.slice(0, 2)}\\${b.slice(2)}"`,
    ],
    [
      'a boundary hidden in another parameter',
      (b: string) => `multipart/form-data; x="; boundary=zz"; boundary=${b}`,
    ],
    ['no boundary', () => 'multipart/form-data'],
  ])('counts the parts of a body whatever its header says: %s', async (_, header) => {
    const h = harness({ env: ENV })
    const boundary = 'snagboxboundary'
    const chunks = [
      `--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n{"description":"Export fails"}\r\n`,
    ]
    for (let i = 0; i < 50_000; i++)
      chunks.push(`--${boundary}\r\nContent-Disposition: form-data; name="p${i}"\r\n\r\nx\r\n`)
    chunks.push(`--${boundary}--\r\n`)
    const res = await h.app.request('/api/v1/tickets', {
      method: 'POST',
      headers: { 'Content-Type': header(boundary), 'X-Snagbox-Key': h.project.key, Origin: ORIGIN },
      body: chunks.join(''),
    })
    expect([400, 413]).toContain(res.status)
    expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
    expect(h.count('tickets')).toBe(0)
  })

  it('takes a multipart body whose boundary is quoted, as browsers may send it', async () => {
    const h = harness({ env: ENV })
    const boundary = 'simple boundary'
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n{"description":"Export fails"}\r\n--${boundary}--\r\n`
    const res = await h.app.request('/api/v1/tickets', {
      method: 'POST',
      headers: {
        'Content-Type': `multipart/form-data; boundary="${boundary}"`,
        'X-Snagbox-Key': h.project.key,
        Origin: ORIGIN,
      },
      body,
    })
    expect(res.status).toBe(201)
  })

  describe('in the agent and reporter APIs', () => {
    let h: AgentHarness
    const writes = () => h.count('ticket_events')

    it.each([
      ['a wide array', wideArray('junk', 120_000, '"body":"Which printer is it?"'), 413],
      ['deep nesting', deep('junk', 100_000, '"body":"Which printer is it?"'), 400],
    ])('refuses %s in an agent reply and a reporter comment', async (_, body, status) => {
      h = await agentHarness({ env: ENV })
      const ticket = await h.file()
      const before = writes()
      const json = { 'Content-Type': 'application/json' }
      const reply = await h.api(`/api/v1/tickets/${ticket.reference}/replies`, {
        method: 'POST',
        headers: json,
        body,
      })
      await expectProblem(
        reply,
        status,
        status === 413 ? 'payload_too_large' : 'invalid_payload',
        /max-json/,
      )
      const comment = await h.reporter(ticket.statusUrl, '/comments', {
        method: 'POST',
        headers: json,
        body,
      })
      await expectProblem(
        comment,
        status,
        status === 413 ? 'payload_too_large' : 'invalid_payload',
        /max-json/,
      )
      expect(writes()).toBe(before)
    })
  })

  describe('a real report at full size', () => {
    /** 1600 × 1200 of noise: a PNG that compresses no better than a busy screen (5.8 MB). */
    const screenshot = noisyPng(1600, 1200)
    const report = {
      description: 'Export to PDF fails with error 0x80070005 since this morning',
      category: 'incident',
      blocking: true,
      reporter: { name: 'Boris Ivanov', email: 'boris@example.com', organization: 'Kvant Energo' },
      app: { name: 'Kvant', version: '4.30.34', build: '6255', environment: 'production' },
      environment: {
        os: {
          name: 'Windows',
          version: '11',
          bitness: 64,
          architecture: 'x64',
          source: 'client-hints',
        },
        browser: { name: 'Chrome', version: '126.0.6478.127', bitness: 64 },
        device: { type: 'desktop', vendor: null, model: null },
        screen: {
          width: 2560,
          height: 1440,
          pixelRatio: 1.5,
          viewportWidth: 1707,
          viewportHeight: 812,
          colorScheme: 'light',
        },
        locale: 'ru-RU',
        timezone: 'Europe/Moscow',
        userAgent:
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
        url: 'https://energo.example.com/reports/export?id=42',
        referrer: 'https://energo.example.com/reports',
        raw: {
          userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
          clientHints: {
            platform: 'Windows',
            platformVersion: '15.0.0',
            architecture: 'x86',
            bitness: '64',
            wow64: false,
          },
          platform: 'Win32',
          maxTouchPoints: 0,
        },
      },
      // The densest `context` the limits take: 32 KB of one-digit numbers, 16,000 nodes.
      context: { samples: Array.from({ length: 16_000 }, (_, i) => i % 10) },
      logs: Array.from({ length: DEFAULT_LIMITS.logEntries }, (_, i) => ({
        level: i % 3 ? 'log' : 'error',
        message: `request ${i} to /api/export answered 500: ${'stack frame '.repeat(80)}`,
        timestamp: 1_700_000_000_000 + i,
      })),
    }

    it('is accepted as JSON with its screenshot as a data URL', async () => {
      const h = harness({ env: ENV })
      const body = JSON.stringify({ ...report, screenshot: dataUrl('image/png', screenshot) })
      expect(body.length).toBeGreaterThan(7_500_000)
      const res = await h.post(body)
      expect(res.status).toBe(201)
      expect(h.count('attachments')).toBe(1)
    })

    it('is accepted as multipart with its screenshot as a file part', async () => {
      const h = harness({ env: ENV })
      const form = multipart(JSON.stringify(report))
      form.set(
        'screenshot',
        new Blob([new Uint8Array(screenshot)], { type: 'image/png' }),
        'screen.png',
      )
      const res = await postForm(h, form)
      expect(res.status).toBe(201)
      expect(h.count('attachments')).toBe(1)
    })
  })

  it('takes its limits from settings, like every other limit', () => {
    const c = loadConfig(
      { SNAGBOX_MAX_JSON_NODES: '1000', SNAGBOX_BODY_TIMEOUT_MS: '5000' },
      { 'max-json-depth': '8' },
    )
    expect(c.limits).toMatchObject({ jsonNodes: 1000, jsonDepth: 8 })
    expect(c.bodyTimeoutMs).toBe(5000)
    expect(loadConfig().bodyTimeoutMs).toBe(30_000)
    expect(() => loadConfig({ SNAGBOX_MAX_JSON_NODES: 'lots' })).toThrow(/jsonNodes/)
    expect(() => loadConfig({ SNAGBOX_BODY_TIMEOUT_MS: '0' })).toThrow(/body-timeout-ms/)
  })
})

describe('a request that arrives slowly', () => {
  const TIMEOUT_MS = 400
  let running: RunningServer | undefined
  afterEach(async () => {
    await running?.close(100)
    running = undefined
  })

  async function serve() {
    const h = await agentHarness({ env: { ...ENV, SNAGBOX_BODY_TIMEOUT_MS: String(TIMEOUT_MS) } })
    const ticket = await h.file()
    // The harness's app and this server share the in-memory database: what one writes, both see.
    running = await startServer(h.db, { ...h.config, host: '127.0.0.1', port: 0 })
    return { h, ticket, url: running.url }
  }

  /** Sends `head`, then `body` one byte every `everyMs`; resolves with what came back once the server closes. */
  function send(url: string, head: string, body: string, everyMs: number) {
    const { hostname, port } = new URL(url)
    return new Promise<{ status: number; headers: string; body: string; ms: number }>((resolve) => {
      const started = performance.now()
      const socket = connect(Number(port), hostname)
      let received = ''
      let sent = 0
      let timer: NodeJS.Timeout | undefined
      socket.on('connect', () => {
        socket.write(head)
        timer = setInterval(() => {
          if (sent < body.length) socket.write(body[sent++]!)
        }, everyMs)
      })
      socket.on('data', (d) => (received += d))
      socket.on('error', () => {}) // writes after the server closed
      socket.on('close', () => {
        clearInterval(timer)
        const [headers = '', rest = ''] = received.split('\r\n\r\n', 2)
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0)
        resolve({ status, headers, body: rest, ms: performance.now() - started })
      })
      // Only for the request that completes: close once it has been answered.
      socket.on('data', () => {
        if (sent === body.length && /\r\n\r\n/.test(received)) socket.end()
      })
    })
  }

  const request = (method: string, path: string, headers: Record<string, string>, length: number) =>
    `${method} ${path} HTTP/1.1\r\nHost: localhost\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}Content-Length: ${length}\r\n\r\n`

  it.each([
    ['a JSON ticket', 'intake', 'application/json'],
    ['a multipart ticket', 'intake', 'multipart/form-data; boundary=zzz'],
    ['an agent reply', 'reply', 'application/json'],
    ['a status page form', 'form', 'application/x-www-form-urlencoded'],
  ])(
    'cuts off %s trickled byte by byte with a 408 problem document, writing nothing',
    async (_, route, type) => {
      const { h, ticket, url } = await serve()
      const [path, headers] =
        route === 'intake'
          ? [ROUTES.tickets, { 'X-Snagbox-Key': h.project.key }]
          : route === 'reply'
            ? [
                `/api/v1/tickets/${ticket.reference}/replies`,
                { Authorization: `Bearer ${h.token}` },
              ]
            : [`/status/${ticket.token}/withdraw`, {}]
      const before = [h.count('tickets'), h.count('ticket_events')]
      const answer = await send(
        url,
        request('POST', path, { ...headers, 'Content-Type': type }, 10_000),
        'x'.repeat(10_000),
        20,
      )

      expect(answer.status).toBe(408)
      expect(answer.headers).toMatch(/content-type: application\/problem\+json/i)
      expect(answer.headers).toMatch(/connection: close/i)
      expect(JSON.parse(answer.body)).toMatchObject({
        status: 408,
        code: 'request_timeout',
        detail: expect.stringContaining(`${TIMEOUT_MS} ms`),
      })
      expect(answer.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 20)
      expect(answer.ms).toBeLessThan(TIMEOUT_MS + 1500)
      // The server's reader of the cut-off body fails after the answer; give it a moment.
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect([h.count('tickets'), h.count('ticket_events')]).toEqual(before)
    },
  )

  it('cuts off headers that never end', async () => {
    const { url } = await serve()
    const answer = await send(
      url,
      'POST /api/v1/tickets HTTP/1.1\r\n',
      'X-Slow: '.padEnd(10_000, 'x'),
      20,
    )
    expect(answer.status).toBe(408)
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'request_timeout' })
  })

  it('takes a body that arrives slowly but within the time', async () => {
    const { h, url } = await serve()
    const body = JSON.stringify({ description: 'Sent over a slow link' })
    const head = request(
      'POST',
      ROUTES.tickets,
      { 'X-Snagbox-Key': h.project.key, 'Content-Type': 'application/json' },
      body.length,
    )
    const answer = await send(url, head, body, Math.floor(TIMEOUT_MS / 2 / body.length))
    expect(answer.status).toBe(201)
  })

  it('leaves an event stream open past the time: only the request must arrive in it', async () => {
    const { h, url } = await serve()
    const controller = new AbortController()
    const res = await fetch(`${url}${ROUTES.events}`, {
      headers: { Authorization: `Bearer ${h.token}` },
      signal: controller.signal,
    })
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const ended = (async () => {
      for (;;) if ((await reader.read()).done) return true
    })().catch(() => true)
    const waited = new Promise((resolve) => setTimeout(() => resolve(false), TIMEOUT_MS * 3))
    expect(await Promise.race([ended, waited])).toBe(false)
    controller.abort()
  })
})

/** A real PNG of noise, which compresses no smaller than its pixels. */
function noisyPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const row = width * 3 + 1
  const raw = randomBytes(row * height)
  for (let y = 0; y < height; y++) raw[y * row] = 0 // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

describe('the JSON shape limits are settings', () => {
  it('holds the intake and the agent API to the configured number of values', async () => {
    const h = await agentHarness({
      env: { SNAGBOX_MAX_JSON_NODES: '100', SNAGBOX_MAX_JSON_DEPTH: '4' },
    })
    const wide = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, i]))
    const res = await h.post({ description: 'Export fails', context: wide })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ code: 'payload_too_large' })
    const deep = await h.post({
      description: 'Export fails',
      context: { a: { b: { c: { d: 1 } } } },
    })
    expect(deep.status).toBe(400)
    expect(h.count('tickets')).toBe(0)
    expect((await h.post({ description: 'Export fails', context: { a: 1 } })).status).toBe(201)
    const reply = await h.api('/api/v1/tickets/DEMO-1/notes', {
      method: 'POST',
      json: { body: 'x', ...wide },
    })
    expect(reply.status).toBe(413)
  })
})
