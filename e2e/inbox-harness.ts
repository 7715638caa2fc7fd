/**
 * What the inbox's browser tests share: the real Snagbox server on a loopback port, serving the
 * built inbox (server/dist/inbox) at /inbox, with a project, an agent and an API token.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { freePort } from '../sdk/test/browser-harness.js'
import {
  createAgent,
  createApiToken,
  createProject,
  loadConfig,
  openDatabase,
  startServer,
  type Db,
} from '../server/src/index.js'

export const AGENT = {
  email: 'ann@example.com',
  name: 'Ann Agent',
  password: 'correct horse battery',
}

export interface InboxServer {
  url: string
  db: Db
  key: string
  token: string
  /** Files a ticket as the widget would. */
  file(body: Record<string, unknown>): Promise<{ id: string; reference: string }>
  /** An agent API call with the API token: another agent or a bot. */
  api(
    path: string,
    init?: { method?: string; json?: unknown; headers?: Record<string, string> },
  ): Promise<Response>
  close(): Promise<void>
}

export async function startInboxServer(): Promise<InboxServer> {
  const dir = await mkdtemp(join(tmpdir(), 'snagbox-e2e-inbox-'))
  const db = openDatabase(join(dir, 'snagbox.db'))
  const port = await freePort()
  const config = loadConfig({}, { port: String(port), host: '127.0.0.1' })
  const project = createProject(db, { name: 'Demo', prefix: 'DEMO', origins: [] })
  await createAgent(db, { ...AGENT, role: 'admin' })
  const { token } = createApiToken(db, { email: AGENT.email, name: 'e2e bot' })
  const running = await startServer(db, config)
  const url = running.url
  const api: InboxServer['api'] = (path, init = {}) =>
    fetch(url + path, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${token}`,
        ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    })
  return {
    url,
    db,
    key: project.key,
    token,
    api,
    async file(body) {
      const res = await fetch(`${url}/api/v1/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Snagbox-Key': project.key },
        body: JSON.stringify(body),
      })
      if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${await res.text()}`)
      return (await res.json()) as { id: string; reference: string }
    },
    async close() {
      // The live event streams stay open: give them no grace.
      await running.close(0)
      db.$client.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** A desktop app's environment as the SDK reports it. */
export function environment(
  os: {
    name: string
    version: string | null
    bitness: 64 | 32 | null
    architecture: string | null
  },
  browserBitness: 64 | 32 | null = 64,
) {
  return {
    os: { ...os, source: 'client-hints' },
    browser: { name: 'Chrome', version: '131.0.6778.86', bitness: browserBitness },
    device: { type: 'desktop', vendor: null, model: null },
    screen: {
      width: 1920,
      height: 1080,
      pixelRatio: 1.25,
      viewportWidth: 1536,
      viewportHeight: 730,
      colorScheme: 'light',
    },
    locale: 'ru-RU',
    timezone: 'Europe/Moscow',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    url: 'https://energo.example.com/reports/export',
    referrer: '',
  }
}

/**
 * Opens the inbox in `page` and signs in as {@link AGENT} (or `as` another agent); resolves once
 * the queue shows.
 */
export async function signIn(
  page: Page,
  server: InboxServer,
  path = '/inbox',
  as: { email: string; password: string } = AGENT,
): Promise<void> {
  await page.goto(`${server.url}${path}`)
  await page.getByLabel('E-mail').fill(as.email)
  await page.getByLabel('Password').fill(as.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Queue' }).waitFor()
}

/**
 * Whether all of an element is in the window now: where the agent is looking (to the pixel: a
 * layout's fractions are scrolled in whole pixels).
 */
export const inViewport = (locator: Locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect()
    return box.top >= 0 && box.bottom <= innerHeight + 1 && box.height > 0
  })

/** The references of the queue's rows, in the order shown. */
export const queueRows = (page: Page) =>
  page
    .locator('.queue-table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reference')))

/** Saves screenshots of a test run into `dir` (under /tmp, never the repository), by name. */
export function screenshots(dir: string) {
  const ready = mkdir(dir, { recursive: true })
  return async (page: Page, name: string, fullPage = false) => {
    await ready
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage })
  }
}
