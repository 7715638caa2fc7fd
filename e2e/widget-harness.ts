/**
 * What the widget's browser tests share: the widget in widget/dist (built once for the run, by
 * `e2e/global-setup.ts`), the real Snagbox server
 * in-process on a temporary database, and a host page served from its own loopback origin.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import {
  createAgent,
  createApiToken,
  createProject,
  loadConfig,
  openDatabase,
  startServer,
  type Db,
  type RunningServer,
} from '../server/src/index.js'
import { freePort, listen, type Served } from '../sdk/test/browser-harness.js'
import { STUB_SNIPPET } from '../widget/src/stub.js'
import { launchChromium } from './chromium.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'widget/dist')

export interface Harness {
  /** The host page's origin; `/` is the page, `/widget.js` and `/widget/<file>` come from widget/dist. */
  site: Served
  api: RunningServer
  key: string
  /** An agent's API token, to read tickets back. */
  token: string
  /** The project's identity secret (with `identitySecret: true`), to sign users as a host's backend does. */
  identitySecret?: string
  close(): Promise<void>
}

export interface HarnessOptions {
  /** The project verifies signed-in users (`setUser` with a signature): the harness gives its secret. */
  identitySecret?: boolean
}

/**
 * Starts the real server (the host page's origin allowed; project `KVT`, its agent "Agent",
 * agent@example.com) and the host page's own server.
 */
export async function startHarness(
  page: (query: URLSearchParams, h: { key: string; api: string }) => string,
  options: HarnessOptions = {},
): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'snagbox-e2e-widget-'))
  const db: Db = openDatabase(join(dir, 'snagbox.db'))
  const sitePort = await freePort()
  const origin = `http://127.0.0.1:${sitePort}`
  const { key, identitySecret } = createProject(db, {
    name: 'Kvant Energo',
    prefix: 'KVT',
    origins: [origin],
    identitySecret: options.identitySecret,
  })
  await createAgent(db, {
    email: 'agent@example.com',
    name: 'Agent',
    password: 'a long enough password',
    projects: ['KVT'],
  })
  const { token } = createApiToken(db, { email: 'agent@example.com', name: 'e2e' })
  const apiPort = await freePort()
  const api = await startServer(
    db,
    loadConfig(
      { SNAGBOX_DB: join(dir, 'snagbox.db') },
      { port: String(apiPort), host: '127.0.0.1' },
    ),
  )
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin)
    const file =
      url.pathname === '/widget.js'
        ? 'widget.js'
        : url.pathname.match(/^\/widget\/([\w.-]+\.js)$/)?.[1]
    if (url.pathname === '/') {
      return void res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(page(url.searchParams, { key, api: api.url }))
    }
    const body = file && (await readFile(join(dist, file)).catch(() => null))
    if (!body) return void res.writeHead(404).end()
    res
      .writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Access-Control-Allow-Origin': '*',
      })
      .end(body)
  })
  const site = await listen(server, sitePort)
  return {
    site,
    api,
    key,
    token,
    ...(identitySecret && { identitySecret }),
    async close() {
      await site.close()
      await api.close(100)
      db.$client.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** The stub snippet, as the README tells hosts to paste it. */
export const stubScript = (calls = '') => `<script>${STUB_SNIPPET}\n${calls}</script>`

/** A ticket as an agent reads it. */
export async function ticket(h: Harness, reference: string): Promise<Record<string, any>> {
  const res = await fetch(`${h.api.url}/api/v1/tickets/${reference}`, {
    headers: { Authorization: `Bearer ${h.token}` },
  })
  if (res.status !== 200) throw new Error(`GET ${reference}: ${res.status} ${await res.text()}`)
  return (await res.json()) as Record<string, any>
}

/** The ticket's screenshot, as base64 and content type. */
export async function screenshotOf(
  h: Harness,
  reference: string,
): Promise<{ type: string; base64: string }> {
  const res = await fetch(`${h.api.url}/api/v1/tickets/${reference}/screenshot`, {
    headers: { Authorization: `Bearer ${h.token}` },
  })
  if (res.status !== 200) throw new Error(`screenshot of ${reference}: ${res.status}`)
  return {
    type: res.headers.get('content-type') ?? '',
    base64: Buffer.from(await res.arrayBuffer()).toString('base64'),
  }
}

/** A box of the page's viewport, in CSS pixels. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/**
 * The share of the server's screenshot's pixels inside `box` whose red, green and blue are each
 * within `tolerance` of `rgb`, and the picture's width; its scale to the page measured in the page.
 */
export function colourInside(
  page: Page,
  shot: { type: string; base64: string },
  box: Box,
  rgb: [number, number, number],
  tolerance: number,
) {
  return page.evaluate(
    async ({ shot, box, rgb, tolerance }) => {
      const bytes = Uint8Array.from(atob(shot.base64), (c) => c.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: shot.type }))
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
      ctx.drawImage(bitmap, 0, 0)
      const scale = bitmap.width / document.documentElement.clientWidth
      const data = ctx.getImageData(
        Math.ceil(box.x * scale),
        Math.ceil(box.y * scale),
        Math.floor(box.width * scale),
        Math.floor(box.height * scale),
      ).data
      let hits = 0
      for (let i = 0; i < data.length; i += 4)
        if (rgb.every((c, k) => Math.abs(data[i + k]! - c) < tolerance)) hits++
      return { width: bitmap.width, share: hits / (data.length / 4) }
    },
    { shot, box, rgb, tolerance },
  )
}

/** The share of near-black pixels of the server's screenshot inside the page element's box (3 px in from its edges). */
export async function blackInside(
  page: Page,
  shot: { type: string; base64: string },
  selector: string,
) {
  const box = await page.evaluate((selector) => {
    const r = document.querySelector(selector)!.getBoundingClientRect()
    return { x: r.left + 3, y: r.top + 3, width: r.width - 6, height: r.height - 6 }
  }, selector)
  const { width, share } = await colourInside(page, shot, box, [0, 0, 0], 24)
  return { width, black: share }
}

/** The widget's shadow root, from inside the page. */
export const SHADOW = `document.querySelector('snagbox-widget').shadowRoot`

/** Waits until the widget has loaded and replaced the stub. */
export const widgetLoaded = (page: Page) =>
  page.waitForFunction(
    () => (window as unknown as { Snagbox?: { loaded?: boolean } }).Snagbox?.loaded === true,
  )

/**
 * Waits for the success screen and reads the request's reference from it (a function, not a
 * string, so a page whose policy forbids evaluating strings allows it).
 */
export async function doneReference(page: Page): Promise<string> {
  const reference = await page.waitForFunction(
    () =>
      document.querySelector('snagbox-widget')?.shadowRoot?.querySelector('.done__reference')
        ?.textContent,
    null,
    { timeout: 20_000 },
  )
  return (await reference.jsonValue()) as string
}

/** Describes the focused element, looking through the widget's shadow root. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
    if (!el) return ''
    const label = el.id
      ? (el.getRootNode() as ShadowRoot).querySelector(`label[for="${el.id}"]`)?.textContent
      : ''
    return [
      el.tagName.toLowerCase(),
      el.getAttribute('type'),
      el.id && `#${el.id}`,
      el.className && `.${el.className}`,
      label || el.textContent?.trim().slice(0, 40),
    ]
      .filter(Boolean)
      .join(' ')
  })

/** Presses Tab until the focus is on an element matching `selector` in the widget (at most `max`). */
export async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    const hit = await page.evaluate(
      (selector) =>
        document.querySelector('snagbox-widget')?.shadowRoot?.activeElement?.matches(selector) ??
        false,
      selector,
    )
    if (hit) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await focused(page)}`)
}

/**
 * For a test file: starts the harness with this host page and Chromium before
 * its tests, and stops them after. Read `ctx.h` and `ctx.browser` inside the tests.
 */
export function useWidgetSite(page: Parameters<typeof startHarness>[0], options?: HarnessOptions) {
  const ctx = {} as { h: Harness; browser: Browser }
  beforeAll(async () => {
    ctx.h = await startHarness(page, options)
    ctx.browser = await launchChromium()
  })
  afterAll(async () => {
    await ctx.browser?.close()
    await ctx.h?.close()
  })
  return ctx
}
