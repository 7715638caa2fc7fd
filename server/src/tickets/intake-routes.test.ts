import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { updateProject } from '../projects/store.js'
import { ORIGIN, harness } from '../../test/harness.js'
import { dataUrl, jpegHeader, png, webpHeader } from '../../test/images.js'

const valid = { description: 'The report button crashes the app\nSteps: open, click.' }

function multipart(
  payload: unknown,
  screenshot?: { bytes: Buffer; type: string; name?: string },
): FormData {
  const form = new FormData()
  form.set('payload', JSON.stringify(payload))
  if (screenshot)
    form.set(
      'screenshot',
      new Blob([new Uint8Array(screenshot.bytes)], { type: screenshot.type }),
      screenshot.name ?? 'screen.png',
    )
  return form
}

describe('POST /api/v1/tickets', () => {
  it('creates a ticket from JSON and answers 201 with its reference and a status link', async () => {
    const h = harness()
    const res = await h.post(valid)
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toMatchObject({ reference: 'DEMO-1', status: 'new' })
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt)
    const token = body.statusUrl.replace('https://support.example.com/status/', '')
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16)
    const row = h.db.$client.prepare('select * from tickets').get() as Record<string, unknown>
    expect(row).toMatchObject({
      reference: 'DEMO-1',
      subject: 'The report button crashes the app',
      priority: 'normal',
      category: 'incident',
    })
    const tokens = h.db.$client.prepare('select token_hash from reporter_tokens').all() as {
      token_hash: string
    }[]
    expect(tokens).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }])
    expect(JSON.stringify(h.db.$client.prepare('select * from tickets').get())).not.toContain(token)
    const events = h.db.$client.prepare('select type, actor_kind from ticket_events').all()
    expect(events).toEqual([{ type: 'created', actor_kind: 'reporter' }])
  })

  it('stores every field of the contract', async () => {
    const h = harness()
    const payload = {
      category: 'consultation',
      subject: 'How do I export?',
      description: 'Where is export?',
      reporter: {
        name: 'Anna',
        email: 'anna@example.com',
        phone: '+7 900 000-00-00',
        organization: 'Kvant',
      },
      app: { name: 'Kvant Energo', version: '4.30.34', build: '6255', environment: 'production' },
      environment: {
        os: {
          name: 'Windows',
          version: '11',
          bitness: 64,
          architecture: 'x64',
          source: 'client-hints',
        },
        browser: { name: 'Chrome', version: '131.0.0.0', bitness: 32 },
        screen: {
          width: 1920,
          height: 1080,
          pixelRatio: 1.25,
          viewportWidth: 1536,
          viewportHeight: 730,
          colorScheme: 'dark',
        },
        locale: 'ru-RU',
        timezone: 'Europe/Moscow',
        raw: { userAgent: 'Mozilla/5.0', clientHints: { wow64: true } },
      },
      context: { tenant: 42, flags: ['a', 'b'] },
      logs: [
        {
          level: 'error',
          message: 'TypeError: x is undefined',
          timestamp: '2026-11-24T10:00:00.000Z',
        },
      ],
    }
    expect((await h.post(payload)).status).toBe(201)
    const row = h.db.$client.prepare('select * from tickets').get() as { [k: string]: string }
    expect(row.subject).toBe('How do I export?')
    expect(JSON.parse(row.reporter!)).toEqual(payload.reporter)
    expect(JSON.parse(row.app!)).toEqual(payload.app)
    expect(JSON.parse(row.environment!)).toEqual(payload.environment)
    expect(JSON.parse(row.context!)).toEqual(payload.context)
    expect(JSON.parse(row.logs!)).toEqual(payload.logs)
  })

  it.each([
    [{ blocking: true }, 'high'],
    [{ category: 'mass_incident' }, 'critical'],
    [{ category: 'mass_incident', blocking: true }, 'critical'],
    [{ category: 'feature_request' }, 'normal'],
  ])('sets the priority at intake from %j to %s', async (fields, priority) => {
    const h = harness()
    expect((await h.post({ ...valid, ...fields })).status).toBe(201)
    expect(h.db.$client.prepare('select priority from tickets').get()).toEqual({ priority })
  })

  it.each([
    ['high', { category: 'mass_incident' }, 'high'],
    ['normal', { category: 'mass_incident' }, 'normal'],
    ['normal', { category: 'mass_incident', blocking: true }, 'high'],
    ['low', { category: 'incident' }, 'normal'],
  ])(
    'starts a reported mass incident at the project policy %s: %j → %s',
    async (policy, fields, priority) => {
      const h = harness()
      updateProject(h.db, 'DEMO', { massIncidentPriority: policy })
      expect((await h.post({ ...valid, ...fields })).status).toBe(201)
      expect(h.db.$client.prepare('select priority from tickets').get()).toEqual({ priority })
    },
  )

  it('refuses a mass-incident policy that is not a priority', () => {
    const h = harness()
    expect(() => updateProject(h.db, 'DEMO', { massIncidentPriority: 'urgent' })).toThrow(
      /must be one of low, normal, high, critical/,
    )
  })

  it('takes multipart with a real PNG and stores it with its type and size', async () => {
    const h = harness()
    const image = png(64, 48)
    const res = await h.app.request('/api/v1/tickets', {
      method: 'POST',
      headers: { 'X-Snagbox-Key': h.project.key, Origin: ORIGIN },
      body: multipart(valid, { bytes: image, type: 'image/png' }),
    })
    expect(res.status).toBe(201)
    const att = h.db.$client
      .prepare('select content_type, width, height, bytes, data from attachments')
      .get() as Record<string, unknown>
    expect(att).toMatchObject({
      content_type: 'image/png',
      width: 64,
      height: 48,
      bytes: image.length,
    })
    expect(Buffer.compare(att.data as Buffer, image)).toBe(0)
  })

  it.each([
    ['image/png', png(10, 7), 10, 7],
    ['image/jpeg', jpegHeader(800, 600), 800, 600],
    ['image/webp', webpHeader(1280, 720), 1280, 720],
  ])('takes a %s screenshot as a data URL in JSON', async (type, bytes, width, height) => {
    const h = harness()
    expect((await h.post({ ...valid, screenshot: dataUrl(type, bytes) })).status).toBe(201)
    expect(
      h.db.$client.prepare('select content_type, width, height from attachments').get(),
    ).toEqual({ content_type: type, width, height })
  })

  describe('bad input answers 4xx with a problem document and writes nothing', () => {
    const cases: [string, unknown, number, string, string?][] = [
      ['a missing description', {}, 400, 'invalid_payload', 'description'],
      ['an empty description', { description: '   ' }, 400, 'invalid_payload', 'description'],
      [
        'a description of the wrong type',
        { description: 42 },
        400,
        'invalid_payload',
        'description',
      ],
      [
        'an oversize description',
        { description: 'x'.repeat(20_001) },
        400,
        'invalid_payload',
        'description',
      ],
      [
        'an oversize subject',
        { ...valid, subject: 's'.repeat(201) },
        400,
        'invalid_payload',
        'subject',
      ],
      ['an unknown category', { ...valid, category: 'panic' }, 400, 'invalid_payload', 'category'],
      ['blocking as a string', { ...valid, blocking: 'yes' }, 400, 'invalid_payload', 'blocking'],
      [
        'a reporter that is a string',
        { ...valid, reporter: 'anna' },
        400,
        'invalid_payload',
        'reporter',
      ],
      [
        'a malformed e-mail',
        { ...valid, reporter: { email: 'not-an-email' } },
        400,
        'invalid_payload',
        'reporter.email',
      ],
      [
        'an oversize context',
        { ...valid, context: { blob: 'x'.repeat(33 * 1024) } },
        400,
        'invalid_payload',
        'context',
      ],
      [
        'a context that is an array',
        { ...valid, context: [1, 2] },
        400,
        'invalid_payload',
        'context',
      ],
      [
        'too many log entries',
        { ...valid, logs: Array.from({ length: 201 }, () => ({ level: 'log', message: 'x' })) },
        400,
        'invalid_payload',
        'logs',
      ],
      [
        'a log entry with a bad level',
        { ...valid, logs: [{ level: 'panic', message: 'x' }] },
        400,
        'invalid_payload',
        'logs[0].level',
      ],
      [
        'an environment bitness of 16',
        { ...valid, environment: { os: { bitness: 16 } } },
        400,
        'invalid_payload',
        'environment.os.bitness',
      ],
      ['a body that is an array', [valid], 400, 'invalid_payload', ''],
      ['a body that is null', null, 400, 'invalid_payload', ''],
      [
        'a screenshot that is not a data URL',
        { ...valid, screenshot: 'http://evil.example/x.png' },
        400,
        'invalid_payload',
        'screenshot',
      ],
      [
        'a GIF data URL',
        { ...valid, screenshot: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' },
        400,
        'invalid_payload',
        'screenshot',
      ],
      [
        'a data URL with broken base64',
        { ...valid, screenshot: 'data:image/png;base64,@@@@' },
        400,
        'invalid_payload',
        'screenshot',
      ],
      [
        'a fake PNG (text with a PNG label)',
        { ...valid, screenshot: dataUrl('image/png', Buffer.from('hello, I am not an image')) },
        415,
        'invalid_image',
        'screenshot',
      ],
      [
        'a truncated PNG',
        { ...valid, screenshot: dataUrl('image/png', png(4, 4).subarray(0, 12)) },
        415,
        'invalid_image',
        'screenshot',
      ],
      [
        'an HTML file labelled JPEG',
        {
          ...valid,
          screenshot: dataUrl('image/jpeg', Buffer.from('<html><script>alert(1)</script></html>')),
        },
        415,
        'invalid_image',
        'screenshot',
      ],
    ]
    it.each(cases)('%s', async (_name, body, status, code, path) => {
      const h = harness()
      const res = await h.post(body)
      expect(res.status).toBe(status)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      const problem = await res.json()
      expect(problem).toMatchObject({ status, code, type: `https://snagbox.dev/problems/${code}` })
      expect(problem.title).toEqual(expect.any(String))
      expect(problem.detail).toEqual(expect.any(String))
      if (path !== undefined)
        expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path)
      expect(h.count('tickets')).toBe(0)
      expect(h.count('ticket_events')).toBe(0)
      expect(h.count('attachments')).toBe(0)
      // The reference counter was not used up: the next good ticket is still number 1.
      expect(await (await h.post(valid)).json()).toMatchObject({ reference: 'DEMO-1' })
    })

    it('reports every invalid field at once', async () => {
      const h = harness()
      const problem = await (await h.post({ category: 'x', blocking: 1, logs: 'no' })).json()
      expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'blocking',
        'category',
        'description',
        'logs',
      ])
    })

    it('answers 400 for a body that is not JSON', async () => {
      const h = harness()
      const res = await h.post('{"description": "unterminated')
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ code: 'invalid_json' })
    })

    it('answers 415 for a body that is neither JSON nor multipart', async () => {
      const h = harness()
      const res = await h.post('description=hi', {
        'Content-Type': 'application/x-www-form-urlencoded',
      })
      expect(res.status).toBe(415)
      expect(await res.json()).toMatchObject({ code: 'unsupported_media_type' })
    })

    it('answers 415 for a multipart screenshot that is really a text file', async () => {
      const h = harness()
      const res = await h.app.request('/api/v1/tickets', {
        method: 'POST',
        headers: { 'X-Snagbox-Key': h.project.key },
        body: multipart(valid, {
          bytes: Buffer.from('MZ\x90\x00 definitely an exe'),
          type: 'image/png',
        }),
      })
      expect(res.status).toBe(415)
      expect(h.count('tickets')).toBe(0)
    })

    it('answers 400 for multipart without a payload part, or a payload that is not JSON', async () => {
      const h = harness()
      const noPayload = new FormData()
      noPayload.set('description', 'hi')
      const broken = new FormData()
      broken.set('payload', '{oops')
      for (const body of [noPayload, broken]) {
        const res = await h.app.request('/api/v1/tickets', {
          method: 'POST',
          headers: { 'X-Snagbox-Key': h.project.key },
          body,
        })
        expect(res.status).toBe(400)
      }
      expect(h.count('tickets')).toBe(0)
    })

    it('answers 413 for a body over the limit, told by Content-Length', async () => {
      const h = harness({ env: { SNAGBOX_MAX_BODY_BYTES: '1000' } })
      const res = await h.post({ description: 'x'.repeat(2000) })
      expect(res.status).toBe(413)
      expect(await res.json()).toMatchObject({ code: 'payload_too_large' })
      expect(h.count('tickets')).toBe(0)
    })

    it('answers 413 for a streamed body over the limit without reading all of it', async () => {
      const h = harness({ env: { SNAGBOX_MAX_BODY_BYTES: '100000' } })
      let sent = 0
      const chunk = new Uint8Array(16 * 1024).fill(0x61)
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // A body that would be 1 GB if the server read it all.
          if (sent >= 1024 * 1024 * 1024) return controller.close()
          sent += chunk.length
          controller.enqueue(chunk)
        },
      })
      const request = new Request('http://localhost/api/v1/tickets', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Snagbox-Key': h.project.key,
          'Transfer-Encoding': 'chunked',
        },
        body,
        duplex: 'half',
      } as RequestInit)
      const res = await h.app.request(request)
      expect(res.status).toBe(413)
      expect(sent).toBeLessThan(1024 * 1024)
    })

    it('answers 413 for a screenshot over its own limit', async () => {
      const h = harness({ env: { SNAGBOX_MAX_SCREENSHOT_BYTES: '100' } })
      const res = await h.post({
        ...valid,
        screenshot: dataUrl('image/png', png(40, 40, [1, 2, 3])),
      })
      expect(res.status).toBe(413)
      expect(h.count('tickets')).toBe(0)
    })

    it('answers 400 for an idempotency key that is too long or not printable', async () => {
      const h = harness()
      for (const key of ['k'.repeat(201), 'has space']) {
        const res = await h.post(valid, { 'Idempotency-Key': key })
        expect(res.status).toBe(400)
      }
      expect(h.count('tickets')).toBe(0)
    })
  })

  it('keeps hostile strings verbatim and inert', async () => {
    const h = harness()
    const description = `<script>alert(1)</script> '; DROP TABLE tickets; -- "quotes" \u202Eevil ${'😀'.repeat(3)}\u0000end`
    const res = await h.post({ description, reporter: { name: '<img src=x onerror=alert(1)>' } })
    expect(res.status).toBe(201)
    const row = h.db.$client.prepare('select description, reporter from tickets').get() as Record<
      string,
      string
    >
    expect(row.description).toBe(description.replace('\u0000', ''))
    expect(JSON.parse(row.reporter!).name).toBe('<img src=x onerror=alert(1)>')
  })

  describe('project key and origin', () => {
    it('answers 401 without a key and with an unknown key, readable by any origin', async () => {
      const h = harness()
      for (const key of ['', 'pk_nope_nope_nope']) {
        const res = await h.post(valid, { 'X-Snagbox-Key': key, Origin: 'https://new.example' })
        expect(res.status).toBe(401)
        expect(await res.json()).toMatchObject({ code: 'unknown_project_key' })
        // Readable, so the SDK can tell a wrong key from a network failure and stop retrying.
        expect(res.headers.get('access-control-allow-origin')).toBe('https://new.example')
        expect(res.headers.get('vary')).toContain('Origin')
        expect(res.headers.get('access-control-allow-credentials')).toBeNull()
      }
      expect(h.count('tickets')).toBe(0)
    })

    it('answers 403 to an origin the project does not allow, readable by that origin and telling nothing of the project', async () => {
      const h = harness()
      const res = await h.post(valid, { Origin: 'https://evil.example' })
      expect(res.status).toBe(403)
      expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.example')
      expect(res.headers.get('vary')).toContain('Origin')
      expect(res.headers.get('access-control-allow-credentials')).toBeNull()
      // Nothing else is exposed to it: not Location, not the project.
      expect(res.headers.get('access-control-expose-headers')).toBeNull()
      const body = await res.text()
      expect(JSON.parse(body)).toMatchObject({ status: 403, code: 'origin_not_allowed' })
      expect(body).toContain('https://evil.example')
      for (const secret of [h.project.prefix, h.project.name, h.project.id, h.project.key, ORIGIN])
        expect(body).not.toContain(secret)
      expect(h.count('tickets')).toBe(0)
    })

    it('grants CORS to an allowed origin and to server-side callers without one', async () => {
      const h = harness()
      const res = await h.post(valid)
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN)
      expect(res.headers.get('vary')).toContain('Origin')
      const { Origin: _, ...noOrigin } = { Origin: '' }
      expect(
        (
          await h.app.request('/api/v1/tickets', {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'X-Snagbox-Key': h.project.key,
              ...noOrigin,
            },
            body: JSON.stringify(valid),
          })
        ).status,
      ).toBe(201)
    })

    it('lets a project allow any origin with *, and the server add origins for all projects', async () => {
      const h = harness({ env: { SNAGBOX_ALLOWED_ORIGINS: 'https://intranet.example.org' } })
      expect((await h.post(valid, { Origin: 'https://intranet.example.org' })).status).toBe(201)
      h.db.$client.prepare(`update projects set allowed_origins = '["*"]'`).run()
      expect((await h.post(valid, { Origin: 'https://anything.example' })).status).toBe(201)
    })

    it('answers the preflight of any origin, so the browser lets the SDK read a refusal; with a key, only that project’s origins', async () => {
      const h = harness()
      const preflight = (origin: string, query = '') =>
        h.app.request(`/api/v1/tickets${query}`, {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'content-type,x-snagbox-key,idempotency-key',
          },
        })
      const ok = await preflight(ORIGIN)
      expect(ok.status).toBe(204)
      expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN)
      expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'x-snagbox-key',
      )
      expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'idempotency-key',
      )
      expect(ok.headers.get('access-control-allow-methods')).toContain('POST')
      // The POST decides (403 or 401, readable by that origin); the preflight only lets it be sent.
      const evil = await preflight('https://evil.example')
      expect(evil.status).toBe(204)
      expect(evil.headers.get('access-control-allow-origin')).toBe('https://evil.example')
      expect(evil.headers.get('vary')).toContain('Origin')
      // With the project key in the query, only that project's origins count.
      const other = h.db.$client.prepare(
        `insert into projects (id, name, prefix, key, allowed_origins, created_at) values ('p2', 'Other', 'OTH', 'pk_other_key_1', '["https://other.example"]', '')`,
      )
      other.run()
      expect((await preflight('https://other.example')).status).toBe(204)
      expect((await preflight('https://other.example', `?key=${h.project.key}`)).status).toBe(403)
    })
  })

  describe('idempotency', () => {
    it('returns the same ticket for a retry with the same key, with a working status link each time', async () => {
      const h = harness()
      const first = await h.post(valid, { 'Idempotency-Key': 'report-7f3a9c' })
      const second = await h.post(valid, { 'Idempotency-Key': 'report-7f3a9c' })
      expect(first.status).toBe(201)
      expect(second.status).toBe(200)
      const [a, b] = [await first.json(), await second.json()]
      expect(b).toMatchObject({ id: a.id, reference: a.reference, createdAt: a.createdAt })
      expect(h.count('tickets')).toBe(1)
      expect(h.count('ticket_events')).toBe(1)
      const hashes = (
        h.db.$client.prepare('select token_hash from reporter_tokens').all() as {
          token_hash: string
        }[]
      ).map((r) => r.token_hash)
      for (const url of [a.statusUrl, b.statusUrl]) {
        expect(hashes).toContain(
          createHash('sha256').update(url.split('/status/')[1]).digest('hex'),
        )
      }
    })

    it('keeps keys apart per project', async () => {
      const h = harness()
      h.db.$client
        .prepare(
          `insert into projects (id, name, prefix, key, allowed_origins, created_at) values ('p2', 'Other', 'OTH', 'pk_other_key_1', '["*"]', '')`,
        )
        .run()
      await h.post(valid, { 'Idempotency-Key': 'same-key' })
      const other = await h.post(valid, {
        'Idempotency-Key': 'same-key',
        'X-Snagbox-Key': 'pk_other_key_1',
      })
      expect(other.status).toBe(201)
      expect(await other.json()).toMatchObject({ reference: 'OTH-1' })
    })

    it('creates one ticket when 20 retries of one key race', async () => {
      const h = harness()
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => h.post(valid, { 'Idempotency-Key': 'race-1' })),
      )
      const bodies = await Promise.all(answers.map((r) => r.json()))
      expect(answers.filter((r) => r.status === 201)).toHaveLength(1)
      expect(answers.filter((r) => r.status === 200)).toHaveLength(19)
      expect(new Set(bodies.map((b) => b.id)).size).toBe(1)
      expect(h.count('tickets')).toBe(1)
    })
  })

  it('gives 50 concurrent tickets 50 distinct consecutive references', async () => {
    const h = harness()
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => h.post({ description: `report ${i}` })),
    )
    expect(answers.every((r) => r.status === 201)).toBe(true)
    const refs = (await Promise.all(answers.map((r) => r.json()))).map((b) => b.reference as string)
    expect(new Set(refs).size).toBe(50)
    expect(refs.map((r) => Number(r.split('-')[1])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    )
  })

  describe('rate limits', () => {
    it('answers 429 with Retry-After past the per-address limit, per address', async () => {
      let now = new Date('2026-11-24T10:00:00Z').getTime()
      const h = harness({
        env: { SNAGBOX_RATE_LIMIT_IP: '3', SNAGBOX_RATE_LIMIT_WINDOW: '60' },
        now: () => new Date(now),
      })
      for (let i = 0; i < 3; i++)
        expect((await h.post(valid, { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(201)
      const limited = await h.post(valid, { 'X-Forwarded-For': '203.0.113.7' })
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('retry-after'))).toBe(60)
      expect(limited.headers.get('access-control-allow-origin')).toBe(ORIGIN)
      expect(await limited.json()).toMatchObject({ code: 'rate_limited' })
      expect((await h.post(valid, { 'X-Forwarded-For': '203.0.113.8' })).status).toBe(201)
      now += 61_000
      expect((await h.post(valid, { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(201)
      expect(h.count('tickets')).toBe(5)
    })

    it('answers 429 past the per-project limit whatever the address', async () => {
      const h = harness({ env: { SNAGBOX_RATE_LIMIT_PROJECT: '2' } })
      expect((await h.post(valid, { 'X-Forwarded-For': '198.51.100.1' })).status).toBe(201)
      expect((await h.post(valid, { 'X-Forwarded-For': '198.51.100.2' })).status).toBe(201)
      const limited = await h.post(valid, { 'X-Forwarded-For': '198.51.100.3' })
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    })

    it('lets an office of 60 reporters behind one address report an outage with the defaults', async () => {
      const h = harness()
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          h.post({ description: `outage ${i}` }, { 'X-Forwarded-For': '192.0.2.10' }),
        ),
      )
      expect(answers.every((r) => r.status === 201)).toBe(true)
    })
  })
})
