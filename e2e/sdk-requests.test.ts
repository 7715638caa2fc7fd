import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgent, createApiToken, createProject } from '../server/src/index.js'
import { loadConfig } from '../server/src/config.js'
import { openDatabase, type Db } from '../server/src/db/client.js'
import { signUserId } from '../server/src/projects/identity.js'
import { startServer, type RunningServer } from '../server/src/serve.js'
import {
  bundleSdkForPage,
  freePort,
  html,
  servePages,
  type Served,
} from '../sdk/test/browser-harness.js'
import { launchChromium } from './chromium.js'

/*
 * "My requests" without a UI, in Chromium against the real server on another origin (so every
 * call crosses CORS, preflights included): report, list it with its reference, hear support's
 * reply live, see it unread, open it, and it is read.
 */

let browser: Browser
let site: Served
let dir: string
let db: Db
let api: RunningServer
let agentToken: string
let secret: string

type SdkWindow = Window & {
  snag: import('../sdk/src/index.js').SnagboxClient
  replies: import('../sdk/src/index.js').ReplyEvent[]
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snagbox-e2e-requests-'))
  db = openDatabase(join(dir, 'snagbox.db'))
  const apiPort = await freePort()
  const pages: Parameters<typeof servePages>[0] = {
    '/sdk.js': ['text/javascript', await bundleSdkForPage()],
  }
  site = await servePages(pages)
  const project = createProject(db, {
    name: 'Requests',
    prefix: 'MYR',
    origins: [site.url],
    identitySecret: true,
  })
  secret = project.identitySecret!
  await createAgent(db, {
    email: 'agent@example.com',
    name: 'Ann Agent',
    password: 'a long enough password',
    projects: ['MYR'],
  })
  agentToken = createApiToken(db, { email: 'agent@example.com', name: 'e2e' }).token
  api = await startServer(db, loadConfig({}, { port: String(apiPort), host: '127.0.0.1' }))
  const client = `
    window.replies = []
    window.snag = SnagboxSDK.createClient({
      endpoint: '${api.url}',
      projectKey: '${project.key}',
      logs: false,
    })`
  pages['/'] = ['text/html', html('<h1>Orders</h1>', `<script>${client}</script>`)]
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await site?.close()
  await api?.close(100)
  db?.$client.close()
  await rm(dir, { recursive: true, force: true })
})

const agent = async (path: string, json: unknown) => {
  const res = await fetch(`${api.url}/api/v1/tickets/${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${agentToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(json),
  })
  expect(res.status).toBeLessThan(300)
}

describe("the reporter's requests in Chromium", () => {
  it('lists a report by its reference, hears the reply, counts it unread, and reads it when opened', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const failures: string[] = []
    page.on('requestfailed', (r) => failures.push(`${r.method()} ${r.url()}`))
    await page.goto(site.url)
    const sent = await page.evaluate(() =>
      (window as unknown as SdkWindow).snag.report({
        description: 'The export button does nothing',
      }),
    )
    expect(sent).toMatchObject({ status: 'sent', reference: 'MYR-1' })

    const listed = await page.evaluate(() => (window as unknown as SdkWindow).snag.myRequests())
    expect(listed.error).toBeUndefined()
    expect(listed.items).toEqual([
      expect.objectContaining({
        state: 'sent',
        reference: 'MYR-1',
        statusText: 'Received',
        unread: 0,
      }),
    ])
    // Remembered in the page's own storage, by reference.
    const stored = await page.evaluate(() => Object.keys(localStorage))
    expect(stored.filter((k) => k.startsWith('snagbox:requests:'))).toEqual([
      expect.stringMatching(/^snagbox:requests:pk_[\w-]+:MYR-1$/),
    ])

    // The stream is open when the server has answered it: then support replies. Waited for from
    // before it is asked for, so a quick answer is not missed.
    const streaming = page.waitForResponse(
      (r) => r.url().includes('/api/v1/status/events') && r.status() === 200,
    )
    await page.evaluate(() => {
      const w = window as unknown as SdkWindow
      w.snag.on('reply', (e) => w.replies.push(e))
    })
    await streaming
    await page.waitForTimeout(200)
    await agent('MYR-1/replies', { body: 'Which printer is it?', status: 'waiting_on_reporter' })
    await page.waitForFunction(() => (window as unknown as SdkWindow).replies.length === 1)
    const reply = await page.evaluate(() => (window as unknown as SdkWindow).replies[0]!)
    expect(reply).toMatchObject({
      reference: 'MYR-1',
      request: { unread: 1, statusText: 'Waiting for your answer' },
      entries: [{ type: 'public_reply', data: { body: 'Which printer is it?' } }],
    })
    expect(
      (await page.evaluate(() => (window as unknown as SdkWindow).snag.myRequests())).items[0],
    ).toMatchObject({ unread: 1 })

    const opened = await page.evaluate(async () => {
      const result = await (window as unknown as SdkWindow).snag.request('MYR-1')
      if (!result.ok) return result
      const answered = await result.request.comment('An HP LaserJet 1020')
      return { ok: answered.ok, timeline: result.request.ticket.timeline.map((e) => e.type) }
    })
    expect(opened).toMatchObject({ ok: true, timeline: expect.arrayContaining(['public_reply']) })
    expect(
      (await page.evaluate(() => (window as unknown as SdkWindow).snag.myRequests())).items[0],
    ).toMatchObject({ unread: 0, status: 'in_progress' })
    expect(failures).toEqual([])
    await context.close()
  })

  it("lists a signed-in user's requests in a browser that never sent them", async () => {
    const user = { id: 'anna', signature: signUserId(secret, 'anna') }
    const laptop = await browser.newContext()
    const phone = await browser.newContext()
    const a = await laptop.newPage()
    await a.goto(site.url)
    const sent = await a.evaluate(async (u) => {
      const w = window as unknown as SdkWindow
      w.snag.setUser(u)
      return w.snag.report({ description: 'Reported on the laptop' })
    }, user)
    expect(sent).toMatchObject({ status: 'sent', identity: 'verified' })
    const b = await phone.newPage()
    await b.goto(site.url)
    const listed = await b.evaluate(async (u) => {
      const w = window as unknown as SdkWindow
      w.snag.setUser(u)
      return w.snag.myRequests()
    }, user)
    expect(listed.identity).toBe('verified')
    expect(listed.items).toEqual([
      expect.objectContaining({
        state: 'sent',
        reference: (sent as { reference: string }).reference,
        subject: 'Reported on the laptop',
      }),
    ])
    await laptop.close()
    await phone.close()
  })
})
