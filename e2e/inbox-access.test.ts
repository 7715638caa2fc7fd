/**
 * Who sees what, in a real Chromium against a real server: an agent of one project signs in to the
 * inbox and sees neither another project's tickets nor its live events; disabling the agent takes
 * the open tab back to the sign-in page without anyone touching it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../sdk/test/browser-harness.js'
import { disableAgent } from '../server/src/auth/agent-access.js'
import {
  createAgent,
  createProject,
  loadConfig,
  openDatabase,
  startServer,
  type Db,
  type RunningServer,
} from '../server/src/index.js'
import { launchChromium } from './chromium.js'

const ANN = { email: 'ann@example.com', name: 'Ann Agent', password: 'correct horse battery' }

let browser: Browser
let page: Page
let db: Db
let dir: string
let server: RunningServer
let keys: { KVT: string; OTH: string }

async function file(project: keyof typeof keys, description: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Snagbox-Key': keys[project] },
    body: JSON.stringify({ description }),
  })
  if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { reference: string }).reference
}

const rows = (p: Page) =>
  p
    .locator('.queue-table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reference')))

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snagbox-e2e-access-'))
  db = openDatabase(join(dir, 'snagbox.db'))
  keys = {
    KVT: createProject(db, { name: 'Kvant Energo', prefix: 'KVT' }).key,
    OTH: createProject(db, { name: 'Other customer', prefix: 'OTH' }).key,
  }
  await createAgent(db, { ...ANN, projects: ['KVT'] })
  const port = await freePort()
  // Streams re-check their credential every second, so a disable from the CLI shows quickly.
  const config = loadConfig(
    {},
    { port: String(port), host: '127.0.0.1', 'stream-check-seconds': '1' },
  )
  server = await startServer(db, config)
  await file('KVT', 'Export fails with error 0x80070005')
  await file('OTH', 'Confidential: the other customer cannot print invoices')
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
})

afterAll(async () => {
  await browser?.close()
  await server?.close(0)
  db?.$client.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('an agent of one project in the inbox', () => {
  it("sees its project's tickets and nothing of the other's, also when opened by address", async () => {
    await page.goto(`${server.url}/inbox`)
    await page.getByLabel('E-mail').fill(ANN.email)
    await page.getByLabel('Password').fill(ANN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Queue' }).waitFor()
    await expect.poll(() => rows(page)).toEqual(['KVT-1'])
    expect(await page.content()).not.toContain('Confidential')
    await page.goto(`${server.url}/inbox/tickets/OTH-1`)
    await expect.poll(() => page.getByText('There is no such ticket.').count()).toBe(1)
    expect(await page.content()).not.toContain('Confidential')
    await page.goto(`${server.url}/inbox`)
    await page.getByRole('heading', { name: 'Queue' }).waitFor()
    await expect.poll(() => rows(page)).toEqual(['KVT-1'])
  })

  it("gets its project's new tickets live, and never the other project's", async () => {
    await expect.poll(() => page.locator('[data-live]').getAttribute('data-live')).toBe('live')
    // The tab's own view of the stream, with its session cookie: what the server sends it.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = [])
      const stream = new EventSource('/api/v1/events')
      stream.addEventListener('ready', () => seen.push('ready'))
      stream.addEventListener('ticket.created', (e) => seen.push(JSON.parse(e.data).reference))
    })
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen), {
        timeout: 10_000,
      })
      .toEqual(['ready'])
    // The other project's ticket is filed first: if its event reached the tab, the queue would
    // reload with it before the agent's own new ticket shows.
    await file('OTH', 'Confidential: a second ticket of the other customer')
    await file('KVT', 'Printing is slow since 4.30')
    await expect.poll(() => rows(page), { timeout: 10_000 }).toEqual(['KVT-1', 'KVT-2'])
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen))
      .toEqual(['ready', 'KVT-2'])
    expect(await page.content()).not.toContain('Confidential')
    await page.screenshot({ path: '/tmp/inbox-access-queue.png' })
  })

  it('is taken back to the sign-in page when an admin disables it, without touching the tab', async () => {
    disableAgent(db, ANN.email, { actor: { kind: 'cli', id: 'e2e' } })
    // By itself and soon (the stream ends at once in this process), not on the next reload; a
    // busy machine may take seconds over it.
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 })
    expect(await page.content()).not.toContain('Export fails')
    // And it stays out: the session is gone and the password no longer opens the inbox.
    await page.getByLabel('E-mail').fill(ANN.email)
    await page.getByLabel('Password').fill(ANN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    // A busy machine may take seconds over the password check (scrypt) and the streams' ends.
    await expect.poll(() => page.getByRole('alert').count(), { timeout: 15_000 }).toBe(1)
    expect(await page.getByRole('heading', { name: 'Queue' }).count()).toBe(0)
    await page.screenshot({ path: '/tmp/inbox-access-disabled.png' })
  })
})
