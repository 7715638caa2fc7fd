// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAgent, createApiToken, createProject } from '../../../server/src/index.js'
import { loadConfig } from '../../../server/src/config.js'
import { openDatabase, type Db } from '../../../server/src/db/client.js'
import { signUserId } from '../../../server/src/projects/identity.js'
import { startServer, type RunningServer } from '../../../server/src/serve.js'
import { createClient } from '../client.js'
import type { ClientOptions } from '../options.js'
import type { SnagboxClient } from '../snagbox-client.js'
import type { ReplyEvent } from './types.js'

/*
 * The requests add-on against the real Snagbox server on a loopback port, from Node (where the
 * client remembers in memory, or in files beside its outbox): each client is a device.
 */

let dir: string
let db: Db
let server: RunningServer
let key: string
let secret: string
let agentToken: string
const clients: SnagboxClient[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snagbox-sdk-requests-'))
  db = openDatabase(join(dir, 'snagbox.db'))
  const project = createProject(db, { name: 'Requests', prefix: 'REQ', identitySecret: true })
  key = project.key
  secret = project.identitySecret!
  await createAgent(db, {
    email: 'agent@example.com',
    name: 'Ann Agent',
    password: 'a long enough password',
    role: 'admin',
  })
  agentToken = createApiToken(db, { email: 'agent@example.com', name: 'sdk tests' }).token
  server = await startServer(db, loadConfig({}, { port: '0', host: '127.0.0.1' }))
})

afterAll(async () => {
  await server?.close(100)
  db?.$client.close()
  await rm(dir, { recursive: true, force: true })
})

afterEach(() => {
  clients.splice(0).forEach((c) => c.close())
  vi.restoreAllMocks()
})

function device(extra: Partial<ClientOptions> = {}) {
  const snag = createClient({
    endpoint: server.url,
    projectKey: key,
    logs: false,
    retry: { attempts: 1, timeoutMs: 5000 },
    ...extra,
  })
  clients.push(snag)
  return snag
}

const agent = (path: string, json: unknown) =>
  fetch(`${server.url}/api/v1/tickets/${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${agentToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(json),
  }).then((r) => {
    expect(r.status, path).toBeLessThan(300)
  })

async function until<T>(check: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

// A real server and real streams: a busy machine may take seconds over one of these.
describe("the reporter's requests, from the SDK", { timeout: 20_000 }, () => {
  it('lists a report with its reference, hears the reply live, and counts it unread until opened', async () => {
    const streams: Response[] = []
    const snag = device({
      fetch: (input, init) =>
        fetch(input, init).then((response) => {
          if (String(input).includes('/status/events')) streams.push(response)
          return response
        }),
    })
    const sent = await snag.report({ description: 'Export fails\nwith error 5' })
    expect(sent.status).toBe('sent')
    const reference = sent.status === 'sent' ? sent.reference : ''

    const first = await snag.myRequests()
    expect(first).toMatchObject({ identity: null })
    expect(first.error).toBeUndefined()
    expect(first.items).toEqual([
      expect.objectContaining({
        state: 'sent',
        reference,
        subject: 'Export fails',
        statusText: 'Received',
        unread: 0,
      }),
    ])

    const replies: ReplyEvent[] = []
    const stop = snag.on('reply', (e) => replies.push(e))
    // The stream is open (a reply made before would be no news to it).
    expect((await until(() => streams[0])).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await agent(`${reference}/notes`, { body: 'internal, not for the reporter' })
    await agent(`${reference}/replies`, { body: 'Which printer?', status: 'waiting_on_reporter' })
    const heard = await until(() => replies[0])
    expect(heard.reference).toBe(reference)
    expect(heard.request).toMatchObject({ status: 'waiting_on_reporter', unread: 1 })
    expect(heard.entries.map((e) => [e.type, e.data.body])).toEqual([
      ['public_reply', 'Which printer?'],
    ])
    expect(replies).toHaveLength(1)
    expect((await snag.myRequests()).items[0]).toMatchObject({ unread: 1 })

    const opened = await snag.request(reference.toLowerCase())
    expect(opened.ok).toBe(true)
    if (!opened.ok) return
    expect(opened.request.ticket.timeline.map((e) => e.type)).not.toContain('internal_note')
    expect((await snag.myRequests()).items[0]).toMatchObject({ unread: 0 })

    // The reporter's own answer is no reply of support's.
    const answered = await opened.request.comment('An HP 1020')
    expect(answered.ok && answered.request.ticket.status).toBe('in_progress')
    await agent(`${reference}/replies`, { body: 'Fixed in 4.30.35', status: 'resolved' })
    await until(() => replies[1])
    expect(replies.map((r) => r.entries[0]!.data.body)).toEqual([
      'Which printer?',
      'Fixed in 4.30.35',
    ])
    const refreshed = await opened.request.refresh()
    expect(refreshed.ok && refreshed.request.ticket.allowedActions).toContain('confirm')
    const confirmed = refreshed.ok ? await refreshed.request.confirm() : refreshed
    expect(confirmed.ok && confirmed.request.ticket).toMatchObject({
      status: 'closed',
      closeReason: 'confirmed',
    })
    stop()
  })

  it('words the statuses in the language the client was given, in the listing and the stream', async () => {
    const outbox = { dir: join(dir, 'lang') }
    const heard: string[] = []
    const streams: Response[] = []
    const snag = device({
      lang: 'ru-RU',
      outbox,
      fetch: (input, init) => {
        heard.push(new Headers(init?.headers).get('accept-language') ?? '')
        return fetch(input, init).then((response) => {
          if (String(input).includes('/status/events')) streams.push(response)
          return response
        })
      },
    })
    const sent = await snag.report({ description: 'Не печатается счёт' })
    const reference = sent.status === 'sent' ? sent.reference : ''
    expect((await snag.myRequests()).items).toEqual([
      expect.objectContaining({
        reference,
        statusText: 'Получено',
        lastChange: expect.objectContaining({ text: 'Обращение получено' }),
      }),
    ])
    const replies: ReplyEvent[] = []
    const stop = snag.on('reply', (e) => replies.push(e))
    expect((await until(() => streams[0])).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await agent(`${reference}/replies`, { body: 'Какой принтер?', status: 'waiting_on_reporter' })
    expect((await until(() => replies[0])).request).toMatchObject({
      statusText: 'Ожидает вашего ответа',
      lastChange: { text: 'Ответ поддержки' },
    })
    stop()
    // The report itself went without it; the listing and the stream asked for Russian.
    expect(heard).toEqual(['', 'ru', 'ru'])

    // A language Snagbox does not speak is the runtime's choice (English here), as none is.
    for (const lang of ['de', undefined]) {
      const other = device({ lang, outbox })
      expect((await other.myRequests()).items).toEqual([
        expect.objectContaining({ reference, statusText: 'Waiting for your answer' }),
      ])
    }
  })

  it('lists a queued report, and the request it becomes once the outbox delivers it', async () => {
    let online = false
    const snag = device({
      fetch: (input, init) =>
        online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')),
      outbox: { maxDelayMs: 100 },
    })
    const queued = await snag.report({ description: 'Sent from a train', subject: 'Train' })
    expect(queued.status).toBe('queued')
    const waiting = await snag.myRequests()
    expect(waiting.items).toEqual([
      {
        state: 'queued',
        outboxId: queued.status === 'queued' ? queued.outboxId : '',
        subject: 'Train',
        createdAt: expect.any(String),
      },
    ])
    expect(waiting.error).toBeUndefined()
    online = true
    await snag.flush()
    const delivered = await snag.myRequests()
    expect(delivered.items).toEqual([
      expect.objectContaining({ state: 'sent', subject: 'Train', reference: expect.any(String) }),
    ])
    const [request] = delivered.items
    const reference = request?.state === 'sent' ? request.reference : ''
    // Offline again: what this device remembers, and why the server's view is missing.
    online = false
    const offline = await snag.myRequests()
    expect(offline.error).toMatchObject({ code: 'network_error' })
    expect(offline.items).toEqual([expect.objectContaining({ state: 'remembered', reference })])
  })

  it("lists a signed-in user's requests on another device, remembering them so no new link is made, and forgets them when the user signs out", async () => {
    const user = { id: 'user-42', name: 'Anna', signature: signUserId(secret, 'user-42') }
    const laptop = device()
    laptop.setUser(user)
    const sent = await laptop.report({ description: 'From the laptop' })
    expect(sent).toMatchObject({ status: 'sent', identity: 'verified' })
    const links = () =>
      (db.$client.prepare('select count(*) as n from reporter_tokens').get() as { n: number }).n

    const phone = device()
    phone.setUser(user)
    const before = links()
    const listed = await phone.myRequests()
    expect(listed.identity).toBe('verified')
    expect(listed.items.map((i) => i.state === 'sent' && i.subject)).toEqual(['From the laptop'])
    expect(links()).toBe(before + 1)
    await phone.myRequests()
    expect(links()).toBe(before + 1)
    const reference = sent.status === 'sent' ? sent.reference : ''
    const opened = await phone.request(reference)
    expect(opened.ok && opened.request.ticket.reference).toBe(reference)

    // A shared computer: once the user signs out, or another signs in, the user's requests are
    // forgotten on it, the one sent from it too; signing in again lists them from the server.
    const other = { id: 'user-43', signature: signUserId(secret, 'user-43') }
    phone.setUser(other)
    expect((await phone.myRequests()).items).toEqual([])
    expect(await phone.request(reference)).toMatchObject({ ok: false })
    laptop.setUser(null)
    expect((await laptop.myRequests()).items).toEqual([])
    laptop.setUser(user)
    expect((await laptop.myRequests()).items.map((i) => i.state === 'sent' && i.reference)).toEqual(
      [reference],
    )

    // A device that was never told of it, with the user: opening it lists first.
    const tablet = device()
    tablet.setUser(user)
    expect((await tablet.request(reference)).ok).toBe(true)
    // Without the user, nothing of it.
    const stranger = device()
    expect(await stranger.request(reference)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it("warns once when setUser's signature is not the project's, and lists only this device's requests", async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const snag = device()
    snag.setUser({ id: 'user-7', signature: signUserId('sbis_not_the_secret', 'user-7') })
    const sent = await snag.report({ description: 'Signed wrong' })
    expect(sent).toMatchObject({ status: 'sent', identity: 'not_verified' })
    const listed = await snag.myRequests()
    expect(listed.identity).toBe('not_verified')
    expect(listed.items.map((i) => i.state === 'sent' && i.subject)).toEqual(['Signed wrong'])
    await snag.report({ description: 'Signed wrong again' })
    expect(warnings).toHaveBeenCalledTimes(1)
    expect(String(warnings.mock.calls[0]![0])).toContain('user-7')
    expect(String(warnings.mock.calls[0]![0])).toContain('identity secret')
  })

  it('stops the stream with the last listener, and remembers in files beside the outbox in Node', async () => {
    const outboxDir = join(dir, 'outbox')
    const streams: AbortSignal[] = []
    const snag = device({
      outbox: { dir: outboxDir },
      fetch: (input, init) => {
        if (String(input).includes('/status/events')) streams.push(init!.signal!)
        return fetch(input, init)
      },
    })
    const sent = await snag.report({ description: 'Kept in a file' })
    const a = snag.on('reply', () => {})
    const b = snag.on('reply', () => {})
    await until(() => streams[0])
    a()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(streams[0]!.aborted).toBe(false)
    b()
    await until(() => (streams[0]!.aborted ? true : undefined))
    // Another client of the same directory (the app restarted) remembers it.
    const restarted = device({ outbox: { dir: outboxDir } })
    const listed = await restarted.myRequests()
    expect(listed.items.map((i) => i.state !== 'queued' && i.reference)).toContain(
      sent.status === 'sent' && sent.reference,
    )
  })
})
