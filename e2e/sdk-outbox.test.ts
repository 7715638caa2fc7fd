import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgent, createApiToken, createProject } from '../server/src/index.js'
import { loadConfig } from '../server/src/config.js'
import { openDatabase, type Db } from '../server/src/db/client.js'
import { startServer, type RunningServer } from '../server/src/serve.js'
import {
  bundleSdkForPage,
  freePort,
  html,
  servePages,
  type Served,
} from '../sdk/test/browser-harness.js'
import { launchChromium } from './chromium.js'

let browser: Browser
let site: Served
let dir: string
let db: Db
let api: RunningServer | undefined
let apiPort: number
let token: string

type SdkWindow = Window & { snag: import('../sdk/src/index.js').SnagboxClient; settled: unknown[] }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snagbox-e2e-outbox-'))
  db = openDatabase(join(dir, 'snagbox.db'))
  apiPort = await freePort()
  // Pages are looked up per request: the page is added once the project (which must know the
  // page's origin) exists.
  const pages: Parameters<typeof servePages>[0] = {
    '/sdk.js': ['text/javascript', await bundleSdkForPage()],
  }
  site = await servePages(pages)
  const project = createProject(db, { name: 'Outbox', prefix: 'OBX', origins: [site.url] })
  await createAgent(db, {
    email: 'agent@example.com',
    name: 'Agent',
    password: 'a long enough password',
    projects: ['OBX'],
  })
  token = createApiToken(db, { email: 'agent@example.com', name: 'e2e' }).token
  const client = `
    window.settled = []
    window.snag = SnagboxSDK.createClient({
      endpoint: 'http://127.0.0.1:${apiPort}',
      projectKey: '${project.key}',
      app: { name: 'E2E', version: '1.0.0', build: '7' },
      retry: { attempts: 2, baseDelayMs: 50, maxDelayMs: 200, timeoutMs: 3000 },
      outbox: { maxDelayMs: 400 },
    })
    window.snag.on((event) => window.settled.push(event))`
  pages['/'] = [
    'text/html',
    html('<h1>Orders</h1><input type="password" value="secret">', `<script>${client}</script>`),
  ]
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await site?.close()
  await api?.close(100)
  db?.$client.close()
  await rm(dir, { recursive: true, force: true })
})

async function tickets(): Promise<{ reference: string; description: string; id: string }[]> {
  const res = await fetch(`http://127.0.0.1:${apiPort}/api/v1/tickets?limit=50`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { items: { reference: string; description: string; id: string }[] })
    .items
}

const pending = (page: Page) => page.evaluate(() => (window as unknown as SdkWindow).snag.pending())
/** Resolves once a flush of the page's outbox has run to its end (the one under way, or a new one). */
const flushed = (page: Page) => page.evaluate(() => (window as unknown as SdkWindow).snag.flush())

async function waitFor(check: () => Promise<boolean>, ms = 15_000) {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('the outbox in Chromium against the real Snagbox server', () => {
  it('keeps a report while the server is down, across a reload, and delivers it exactly once', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(site.url)

    const queued = await page.evaluate(() =>
      (window as unknown as SdkWindow).snag.report({
        description: 'The export button does nothing',
        screenshot: true,
      }),
    )
    expect(queued).toMatchObject({
      status: 'queued',
      persisted: true,
      error: { code: 'network_error' },
    })

    await page.reload()
    // The new page's flush fails too, the server still down, and keeps the report.
    await flushed(page)
    expect(await pending(page)).toBe(1)

    api = await startServer(db, loadConfig({}, { port: String(apiPort), host: '127.0.0.1' }))
    await waitFor(async () => (await pending(page)) === 0)
    const settled = await page.evaluate(() => (window as unknown as SdkWindow).settled)
    expect(settled).toEqual([
      expect.objectContaining({
        kind: 'sent',
        ticket: expect.objectContaining({ reference: 'OBX-1' }),
      }),
    ])

    // Another tab and another reload find nothing left to send.
    const second = await context.newPage()
    await second.goto(site.url)
    await page.reload()
    // Each has flushed its outbox to the end: whatever was left would have been sent by now.
    await Promise.all([flushed(second), flushed(page)])
    expect([await pending(second), await pending(page)]).toEqual([0, 0])
    const all = await tickets()
    expect(all.map((t) => t.reference)).toEqual(['OBX-1'])

    const shot = await fetch(`http://127.0.0.1:${apiPort}/api/v1/tickets/OBX-1/screenshot`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(shot.status).toBe(200)
    expect(shot.headers.get('content-type')).toBe('image/webp')
    await context.close()
  })

  it('sends at once when the server is up, and a second report gets the next reference', async () => {
    const page = await browser.newPage()
    await page.goto(site.url)
    const sent = await page.evaluate(() =>
      (window as unknown as SdkWindow).snag.report({
        description: 'Second problem',
        reporter: { email: 'anna@example.com' },
      }),
    )
    expect(sent).toMatchObject({ status: 'sent', reference: 'OBX-2' })
    expect((sent as { statusUrl: string }).statusUrl).toMatch(/\/status\/[\w-]{20,}/)
    const rejected = await page.evaluate(() =>
      (window as unknown as SdkWindow).snag.report({
        description: 'x',
        reporter: { email: 'not an address' },
      }),
    )
    expect(rejected).toMatchObject({
      status: 'rejected',
      error: {
        code: 'invalid_payload',
        status: 400,
        errors: [expect.objectContaining({ path: 'reporter.email' })],
      },
    })
    await page.close()
  })
})
