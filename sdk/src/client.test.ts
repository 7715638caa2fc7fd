import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient } from './client.js'
import { startLogBuffer } from './logs/log-buffer.js'
import { HEADERS, ROUTES } from './contract/index.js'
import type { ClientOptions } from './options.js'
import type { SnagboxClient } from './snagbox-client.js'
import { created, fakeClock, fakeServer, problem, settle } from '../test/support.js'
import { createMemoryStore, type OutboxStore } from './transport/outbox-store.js'

const clients: SnagboxClient[] = []
afterEach(() => {
  clients.splice(0).forEach((c) => c.close())
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

function client(server: ReturnType<typeof fakeServer>, extra: Partial<ClientOptions> = {}) {
  const clock = fakeClock()
  const store = extra.outbox ? undefined : createMemoryStore()
  const snag = createClient({
    endpoint: 'https://support.example.com/',
    projectKey: 'pk_test_1',
    app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
    fetch: server.fetch,
    clock,
    logs: false,
    outbox: { store },
    ...extra,
  })
  clients.push(snag)
  return { snag, clock, store: store! }
}

describe('createClient().report', () => {
  it('posts JSON with the project key and an idempotency key, and tells the reference', async () => {
    const server = fakeServer(created('DEMO-42'))
    const { snag } = client(server)
    const result = await snag.report({
      description: 'Export fails',
      category: 'incident',
      blocking: true,
    })
    expect(result).toMatchObject({
      status: 'sent',
      reference: 'DEMO-42',
      id: 'id-DEMO-42',
      statusUrl: 'https://s.example/status/t-DEMO-42',
    })
    const [request] = server.requests
    // The core spells the contract's names out (see attempt.ts): held to the contract here.
    expect(request!.url).toBe(`https://support.example.com${ROUTES.tickets}`)
    expect(request!.contentType).toBe('json')
    expect(request!.headers[HEADERS.projectKey.toLowerCase()]).toBe('pk_test_1')
    expect(request!.headers[HEADERS.idempotencyKey.toLowerCase()]).toMatch(/^[0-9a-f]{32}$/)
    expect(request!.payload).toMatchObject({
      description: 'Export fails',
      blocking: true,
      app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
      environment: { os: { source: 'user-agent' }, raw: { userAgent: navigator.userAgent } },
    })
  })

  it('sends a screenshot as a multipart file part next to the JSON payload part', async () => {
    const server = fakeServer(created())
    const { snag } = client(server)
    const png = 'data:image/webp;base64,' + btoa('RIFF....WEBPVP8 ')
    await snag.report({
      description: 'Broken chart',
      screenshot: {
        ok: true,
        blob: await (await fetch(png)).blob(),
        width: 1,
        height: 1,
        bytes: 16,
        type: 'image/webp',
        unrendered: [],
        masked: true,
        engine: 'test',
      },
    })
    const [request] = server.requests
    expect(request!.contentType).toBe('multipart')
    expect(request!.payload.description).toBe('Broken chart')
    expect(request!.payload.screenshot).toBeUndefined()
    expect(request!.screenshot!.type).toBe('image/webp')
    expect(new TextDecoder().decode(await request!.screenshot!.arrayBuffer())).toBe(
      'RIFF....WEBPVP8 ',
    )
  })

  it('retries a 5xx and a network error with the same idempotency key and a growing, jittered backoff', async () => {
    const server = fakeServer(problem(503, 'internal_error'), 'network', created())
    const { snag, clock } = client(server)
    const result = await snag.report({ description: 'x' })
    expect(result.status).toBe('sent')
    expect(new Set(server.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1)
    expect(server.requests).toHaveLength(3)
    // random() is 0.5: three quarters of 500 ms, then of 1000 ms.
    expect(clock.slept).toEqual([375, 750])
  })

  it('honours Retry-After on 429', async () => {
    const server = fakeServer(problem(429, 'rate_limited', {}, { 'Retry-After': '7' }), created())
    const { snag, clock } = client(server)
    expect((await snag.report({ description: 'x' })).status).toBe('sent')
    expect(clock.slept).toEqual([7000])
  })

  it('never retries another 4xx and surfaces the field errors of the problem document', async () => {
    const errors = [{ path: 'reporter.email', message: 'must be an e-mail address' }]
    const server = fakeServer(problem(400, 'invalid_payload', { errors }))
    const { snag, store } = client(server)
    const result = await snag.report({ description: 'x', reporter: { email: 'nope' } })
    expect(result).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_payload', status: 400, errors },
    })
    expect(server.requests).toHaveLength(1)
    expect(await store.list()).toEqual([])
  })

  it('aborts an attempt that takes too long and counts it as a timeout', async () => {
    const server = fakeServer('hang')
    const { snag } = client(server, { retry: { attempts: 1, timeoutMs: 20 } })
    const result = await snag.report({ description: 'x' })
    expect(result).toMatchObject({ status: 'queued', error: { code: 'timeout' } })
  })

  it('queues the report when the server cannot be reached, and sends it exactly once when it is back', async () => {
    const server = fakeServer('network', 'network', 'network', created('DEMO-7'))
    const { snag, clock, store } = client(server)
    const settledEvents: unknown[] = []
    snag.on((event) => settledEvents.push(event))
    const result = await snag.report({ description: 'Offline report' })
    expect(result).toMatchObject({
      status: 'queued',
      persisted: true,
      error: { code: 'network_error' },
    })
    expect(await snag.pending()).toBe(1)
    const [entry] = await store.list()
    expect(entry!.leaseUntil).toBe(0)
    expect(entry!.nextAttemptAt).toBeGreaterThan(clock.now())

    clock.advance(60_000)
    await clock.tick()
    await snag.flush()
    expect(server.requests).toHaveLength(4)
    expect(new Set(server.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1)
    expect(await snag.pending()).toBe(0)
    expect(settledEvents).toEqual([
      {
        outboxId: entry!.id,
        kind: 'sent',
        ticket: expect.objectContaining({ reference: 'DEMO-7' }),
      },
    ])
    await snag.flush()
    expect(server.requests).toHaveLength(4)
  })

  it('does not even try while the browser says it is offline, and sends on the online event', async () => {
    const server = fakeServer(created('DEMO-8'))
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const { snag } = client(server)
    expect((await snag.report({ description: 'x' })).status).toBe('queued')
    expect(server.requests).toHaveLength(0)
    online.mockReturnValue(true)
    window.dispatchEvent(new Event('online'))
    await settle()
    expect(server.requests).toHaveLength(1)
    expect(await snag.pending()).toBe(0)
  })

  it('queues rather than waits when Retry-After is longer than the longest backoff', async () => {
    const server = fakeServer(problem(503, 'internal_error', {}, { 'Retry-After': '120' }))
    const { snag, clock, store } = client(server)
    expect((await snag.report({ description: 'x' })).status).toBe('queued')
    expect(clock.slept).toEqual([])
    expect((await store.list())[0]!.nextAttemptAt).toBe(clock.now() + 120_000)
  })

  it('sends what a previous page or process left in the outbox when it starts', async () => {
    const store = createMemoryStore()
    const first = client(fakeServer('network'), { outbox: { store } })
    await first.snag.report({ description: 'left behind' })
    first.snag.close()

    const server = fakeServer(created('DEMO-9'))
    const second = client(server, { outbox: { store } })
    await second.clock.tick()
    await settle()
    expect(server.requests.map((r) => r.payload.description)).toEqual(['left behind'])
    expect(await store.list()).toEqual([])
  })

  it('keeps reports as files in Node when given a directory, so they survive an app restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snagbox-client-'))
    try {
      const before = client(fakeServer('network'), { outbox: { dir } })
      expect(await before.snag.report({ description: 'from the main process' })).toMatchObject({
        status: 'queued',
        persisted: true,
      })
      before.snag.close()
      expect(await readdir(dir)).toHaveLength(1)
      const server = fakeServer(created())
      const after = client(server, { outbox: { dir } })
      await after.snag.flush()
      expect(server.requests.map((r) => r.payload.description)).toEqual(['from the main process'])
      // The report left the outbox; the request it became is remembered beside it.
      expect(await readdir(dir)).toEqual(['requests_pk_test_1-DEMO-1.json'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('lets only one of two tabs send a queued report', async () => {
    const store = createMemoryStore()
    await client(fakeServer('network'), { outbox: { store } }).snag.report({ description: 'once' })
    const server = fakeServer(created())
    const a = client(server, { outbox: { store } })
    const b = client(server, { outbox: { store } })
    await Promise.all([a.snag.flush(), b.snag.flush(), a.snag.flush()])
    expect(server.requests).toHaveLength(1)
  })

  it('keeps a report in memory when the store refuses it, and still sends it later', async () => {
    const broken: OutboxStore = {
      ...createMemoryStore(),
      put: async () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
    }
    const server = fakeServer('network', 'network', 'network', created())
    const { snag } = client(server, { outbox: { store: broken } })
    expect(await snag.report({ description: 'x' })).toMatchObject({
      status: 'queued',
      persisted: false,
    })
    await snag.flush()
    expect(server.requests).toHaveLength(4)
    expect(await snag.pending()).toBe(0)
  })

  it('calls the fetch it is given as a plain function, as window.fetch requires', async () => {
    const server = fakeServer(created())
    const strict = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      // window.fetch called on another object throws "Illegal invocation".
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation')
      return server.fetch(input, init)
    } as typeof fetch
    const { snag } = client(server, { fetch: strict })
    expect((await snag.report({ description: 'x' })).status).toBe('sent')
  })

  it('says a report is not persisted when no store works here (no IndexedDB, no localStorage)', async () => {
    vi.stubGlobal('indexedDB', undefined)
    vi.stubGlobal('localStorage', undefined)
    const server = fakeServer('network', 'network', 'network', created())
    const { snag } = client(server, { outbox: {} })
    expect(await snag.report({ description: 'x' })).toMatchObject({
      status: 'queued',
      persisted: false,
    })
    await snag.flush()
    expect(server.requests).toHaveLength(4)
    expect(await snag.pending()).toBe(0)
  })

  it('queues a screenshot report while the capture code that decodes it cannot load', async () => {
    // As after a reload, offline: the report (with its screenshot, here from beforeSend) comes
    // from the outbox, and the capture code's chunk does not load.
    vi.resetModules()
    vi.doMock('./screenshot/attach.js', () => {
      throw new TypeError('Failed to fetch dynamically imported module')
    })
    try {
      const { createClient: fresh } = await import('./client.js')
      const server = fakeServer(created())
      const snag = fresh({
        endpoint: 'https://support.example.com',
        projectKey: 'pk_test_1',
        fetch: server.fetch,
        clock: fakeClock(),
        logs: false,
        outbox: { store: createMemoryStore() },
        beforeSend: (p) => ({ ...p, screenshot: 'data:image/webp;base64,UklGRg==' }),
      })
      clients.push(snag)
      expect(await snag.report({ description: 'x' })).toMatchObject({
        status: 'queued',
        error: { code: 'network_error' },
      })
      expect(server.requests).toHaveLength(0)
    } finally {
      vi.doUnmock('./screenshot/attach.js')
      vi.resetModules()
    }
  })

  it('lets beforeSend scrub the report, or veto it', async () => {
    const server = fakeServer(created())
    const scrub = client(server, {
      beforeSend: (p) => ({ ...p, description: p.description.replace(/\d{4}/g, '****') }),
    })
    await scrub.snag.report({ description: 'card 4111 failed' })
    expect(server.requests[0]!.payload.description).toBe('card **** failed')

    const veto = client(server, { beforeSend: () => null })
    expect(await veto.snag.report({ description: 'x' })).toMatchObject({
      status: 'rejected',
      error: { code: 'vetoed' },
    })
    const broken = client(server, {
      beforeSend: () => {
        throw new Error('scrubber bug')
      },
    })
    expect(await broken.snag.report({ description: 'x' })).toMatchObject({
      status: 'rejected',
      error: { code: 'vetoed', message: 'beforeSend threw: Error: scrubber bug' },
    })
    expect(server.requests).toHaveLength(1)
  })

  it('refuses an empty description without sending or queuing it', async () => {
    const server = fakeServer(created())
    const { snag, store } = client(server)
    expect(await snag.report({ description: '  ' })).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_payload', errors: [{ path: 'description' }] },
    })
    expect(server.requests).toHaveLength(0)
    expect(await store.list()).toEqual([])
  })

  it('says failed, not queued, when the outbox is switched off', async () => {
    const { snag } = client(fakeServer('network'), { outbox: false })
    expect(await snag.report({ description: 'x' })).toMatchObject({
      status: 'failed',
      error: { code: 'network_error' },
    })
  })

  it('carries setApp, setUser and setContext into every next report', async () => {
    const server = fakeServer(created())
    const { snag } = client(server)
    snag.setApp({ version: '4.31.0' })
    snag.setUser({ name: 'Anna', email: 'anna@example.com' })
    snag.setContext({ tenant: 'north' })
    snag.setContext({ order: 7 })
    await snag.report({ description: 'x', context: { screen: 'orders' } })
    expect(server.requests[0]!.payload).toMatchObject({
      app: { name: 'Kvant Energo', version: '4.31.0', build: '6255' },
      reporter: { name: 'Anna', email: 'anna@example.com' },
      context: { tenant: 'north', order: 7, screen: 'orders' },
    })
  })

  it('attaches recent console errors and warnings as logs, unless told not to', async () => {
    const server = fakeServer(created())
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { snag } = client(server, { logs: { max: 2 } })
    console.warn('first')
    console.error(new Error('boom'))
    console.warn('third', { id: 3 })
    await snag.report({ description: 'x' })
    await snag.report({ description: 'x', logs: false })
    const logs = server.requests[0]!.payload.logs as { level: string; message: string }[]
    expect(logs.map((l) => [l.level, l.message.split('\n')[0]])).toEqual([
      ['error', 'Error: boom'],
      ['warn', 'third {"id":3}'],
    ])
    expect(server.requests[1]!.payload.logs).toBeUndefined()
  })

  it('takes over a log buffer started before it: the lines from before the client go along, and close() stops it', async () => {
    const server = fakeServer(created())
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const buffer = startLogBuffer()
    console.error('TypeError: totals is undefined')
    const { snag } = client(server, { logs: { buffer } })
    console.error('after the client started')
    await snag.report({ description: 'x' })
    const logs = server.requests[0]!.payload.logs as { message: string }[]
    expect(logs.map((l) => l.message)).toEqual([
      'TypeError: totals is undefined',
      'after the client started',
    ])
    snag.close()
    console.error('after close')
    expect(buffer.snapshot()).toHaveLength(2)
  })

  it('prepare() fetches ahead the user-agent parser and the capture with its renderer, sending nothing', async () => {
    const server = fakeServer(created())
    const { snag } = client(server)
    expect(await snag.prepare({ screenshot: false })).toBe(true)
    expect(await snag.prepare()).toBe(true)
    expect(server.requests).toEqual([])
  })

  it('never throws into the host page', async () => {
    const { snag } = client(fakeServer(created()), {
      fetch: (() => {
        throw new Error('fetch is broken')
      }) as typeof fetch,
      retry: { attempts: 1 },
    })
    expect(await snag.report({ description: 'x' })).toMatchObject({
      status: 'queued',
      error: { code: 'network_error' },
    })
    const weird = client(fakeServer(created()), {
      beforeSend: () => ({ description: 'x', context: { big: 1n } as never }),
    })
    expect(await weird.snag.report({ description: 'x' })).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_payload' },
    })
    expect(await weird.store.list()).toEqual([])
  })
})

describe('refusals the server means', () => {
  it('treats 403 origin_not_allowed as final: not queued, not retried, and tells the developer once how to allow the origin', async () => {
    const server = fakeServer(problem(403, 'origin_not_allowed'))
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { snag, store, clock } = client(server)
    for (let i = 0; i < 2; i++) {
      expect(await snag.report({ description: 'x' })).toMatchObject({
        status: 'rejected',
        error: { code: 'origin_not_allowed', status: 403 },
      })
    }
    clock.advance(10 * 60_000)
    await clock.tick()
    await snag.flush()
    expect(server.requests).toHaveLength(2)
    expect(await store.list()).toEqual([])
    expect(errors).toHaveBeenCalledTimes(1)
    const [message] = errors.mock.calls[0]!
    expect(message).toContain(location.origin)
    expect(message).toContain(
      `snagbox project update --prefix <PREFIX> --origin ${location.origin}`,
    )
  })

  it('treats 401 unknown_project_key as final and names the key that is wrong', async () => {
    const server = fakeServer(problem(401, 'unknown_project_key'))
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { snag, store } = client(server)
    expect(await snag.report({ description: 'x' })).toMatchObject({
      status: 'rejected',
      error: { code: 'unknown_project_key', status: 401 },
    })
    expect(server.requests).toHaveLength(1)
    expect(await store.list()).toEqual([])
    expect(errors).toHaveBeenCalledTimes(1)
    expect(errors.mock.calls[0]![0]).toContain('pk_test_1')
  })

  it('drops a queued report the server later refuses with 403, and says why once', async () => {
    const server = fakeServer('network', 'network', 'network', problem(403, 'origin_not_allowed'))
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { snag, clock } = client(server)
    const events: unknown[] = []
    snag.on((event) => events.push(event))
    expect((await snag.report({ description: 'x' })).status).toBe('queued')
    clock.advance(60_000)
    await snag.flush()
    await snag.flush()
    expect(server.requests).toHaveLength(4)
    expect(await snag.pending()).toBe(0)
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'rejected',
        error: expect.objectContaining({ status: 403 }),
      }),
    ])
    expect(errors).toHaveBeenCalledTimes(1)
  })
})

describe('what a report will carry', () => {
  it('previews the payload report() would send: logs, the host context and the reporter’s organization', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const server = fakeServer(created())
    const { snag } = client(server, { logs: { max: 10 } })
    snag.setContext({ screen: 'billing' })
    console.error('token=abc123 refused')
    const preview = await snag.preview({
      description: 'x',
      reporter: { name: 'Anna', organization: 'Kvant' },
    })
    expect(preview).toMatchObject({
      description: 'x',
      reporter: { name: 'Anna', organization: 'Kvant' },
      app: { name: 'Kvant Energo' },
      context: { screen: 'billing' },
      logs: [expect.objectContaining({ level: 'error', message: 'token=abc123 refused' })],
      environment: { os: expect.any(Object) },
    })
    expect(server.requests).toHaveLength(0)
  })

  it('sends exactly the log lines it is given, and no context when told context: false', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const server = fakeServer(created())
    const { snag } = client(server, { logs: { max: 10 } })
    snag.setContext({ accountId: 'KE-1' })
    console.error('token=abc123 refused')
    console.warn('keep me')
    const { logs } = await snag.preview({ description: 'x' })
    await snag.report({
      description: 'x',
      logs: logs!.filter((l) => !l.message.includes('token')),
      context: false,
    })
    const sent = server.requests[0]!.payload
    expect((sent.logs as { message: string }[]).map((l) => l.message)).toEqual(['keep me'])
    expect(sent.context).toBeUndefined()
  })
})
