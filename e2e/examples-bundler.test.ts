/**
 * examples/bundler-app, run as its comments say: built by its own build.mjs (esbuild, from the
 * packages' published files), served by its own serve.mjs on a loopback port, against the real
 * Snagbox server. A customer reports through the widget with the keyboard, and the app sends
 * diagnostics through the SDK directly; both tickets arrive complete.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
import { freePort } from '../sdk/test/browser-harness.js'
import { launchChromium } from './chromium.js'
import { blackInside, SHADOW } from './widget-harness.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const example = join(root, 'examples/bundler-app')
const dist = join(example, 'dist')
const run = (args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile(process.execPath, args, { cwd: root, timeout: 120_000 }, (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${out}\n${err}`)) : resolve(out),
    ),
  )

let dir: string
let db: Db
let api: RunningServer
let serve: ChildProcess
let browser: Browser
let site: string
let key: string
let token: string
let buildLog: string

beforeAll(async () => {
  // The example bundles @snagbox/widget's published module (rebuilt here from the sources) and
  // @snagbox/sdk's (built by `npm run build`).
  if (!existsSync(join(root, 'sdk/dist/index.js')))
    throw new Error('sdk/dist is missing: run `npm run build` first')
  await run([
    join(root, 'node_modules/rollup/dist/bin/rollup'),
    '-c',
    '--silent',
    '--environment',
    'ONLY:widgetNpm',
  ])
  buildLog = await run([join(example, 'build.mjs')])

  dir = await mkdtemp(join(tmpdir(), 'snagbox-e2e-bundler-'))
  db = openDatabase(join(dir, 'snagbox.db'))
  const sitePort = await freePort()
  site = `http://127.0.0.1:${sitePort}`
  key = createProject(db, { name: 'Kvant Energo', prefix: 'KVT', origins: [site] }).key
  await createAgent(db, {
    email: 'agent@example.com',
    name: 'Agent',
    password: 'a long enough password',
    projects: ['KVT'],
  })
  token = createApiToken(db, { email: 'agent@example.com', name: 'e2e' }).token
  api = await startServer(
    db,
    loadConfig(
      { SNAGBOX_DB: join(dir, 'snagbox.db') },
      { port: String(await freePort()), host: '127.0.0.1' },
    ),
  )

  serve = spawn(process.execPath, [join(example, 'serve.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(sitePort), SNAGBOX_ENDPOINT: api.url, SNAGBOX_KEY: key },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    let out = ''
    serve.stdout!.on('data', (d) => {
      out += d
      if (out.includes(`${site}/`)) resolve()
    })
    serve.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)))
  })
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  if (serve?.exitCode === null && serve.signalCode === null) {
    serve.kill('SIGTERM')
    await once(serve, 'exit')
  }
  await api?.close(100)
  db?.$client.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function agentGet(path: string) {
  const res = await fetch(`${api.url}/api/v1${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
  return res
}
const ticket = async (reference: string) =>
  (await (await agentGet(`/tickets/${reference}`)).json()) as Record<string, any>

/** The page, with every script it loads and every error it meets recorded. */
async function openApp() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  const scripts: string[] = []
  const failures: string[] = []
  page.on('pageerror', (e) => failures.push(String(e)))
  page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`))
  page.on('console', (m) => m.type() === 'error' && failures.push(m.text()))
  page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`))
  page.on(
    'request',
    (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname),
  )
  await page.goto(`${site}/`)
  await page.waitForFunction(
    `!!document.querySelector('snagbox-widget')?.shadowRoot?.querySelector('.launcher')`,
  )
  return { page, scripts, failures }
}

const inShadow = <T>(page: Page, fn: string) =>
  page.evaluate(`(() => { const root = ${SHADOW}; ${fn} })()`) as Promise<T>

/** Presses Tab until the page's element `#id` has the focus. */
async function tabToPage(page: Page, id: string, max = 30) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((id) => document.activeElement?.id === id, id)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached #${id}`)
}

describe('examples/bundler-app', () => {
  it('builds with esbuild from the published packages: one copy of the SDK, the screenshot renderer in chunks of its own', async () => {
    console.log(buildLog)
    const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.js')).sort()
    const code = Object.fromEntries(
      await Promise.all(
        files.map(async (f) => [f, await readFile(join(dist, f), 'utf8')] as const),
      ),
    )
    // What main.js loads with it: its static imports, transitively.
    const initial = new Set<string>()
    const visit = (file: string) => {
      if (initial.has(file)) return
      initial.add(file)
      for (const [, dep] of code[file]!.matchAll(
        /(?:import|from)\s*"\.\/((?:chunks\/)?[\w.-]+\.js)"/g,
      ))
        visit(file.startsWith('chunks/') ? `chunks/${dep!.replace(/^chunks\//, '')}` : dep!)
    }
    visit('main.js')
    const renderer = files.filter((f) => /^chunks\/snapdom-[A-Z0-9]{8}\.js$/.test(f))
    expect(renderer).toHaveLength(1)
    expect(code[renderer[0]!]!.length).toBeGreaterThan(100_000)
    expect(initial.has(renderer[0]!)).toBe(false)
    // The other renderer (an option of the SDK) stays behind import() as well.
    const html2canvas = files.filter((f) => /^chunks\/html2canvas-pro[\w.-]*\.js$/.test(f))
    expect(html2canvas).toHaveLength(1)
    expect(initial.has(html2canvas[0]!)).toBe(false)
    // The widget and the app's own SDK client share one copy of the SDK (its retry header, once).
    const withSdk = files.filter((f) => code[f]!.includes('Idempotency-Key'))
    expect(withSdk).toHaveLength(1)
    expect(initial.has(withSdk[0]!)).toBe(true)
    expect([...initial].some((f) => code[f]!.includes('snagbox-widget'))).toBe(true)
    // The packages' published files went in, not their sources (in the chunks main.js shares
    // with the parts the widget loads later).
    const sources = (
      await Promise.all(
        [...initial].map(
          async (f) =>
            JSON.parse(await readFile(join(dist, `${f}.map`), 'utf8')).sources as string[],
        ),
      )
    ).flat()
    expect(sources).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^(\.\.\/)+widget\/dist\/npm\/index-[\w-]{8}\.js$/),
        // The SDK's core: its entry, or the chunk the entry and its lazy parts share.
        expect.stringMatching(/^(\.\.\/)+sdk\/dist\/(index|chunks\/index-[\w-]{8})\.js$/),
      ]),
    )
    expect(sources.filter((s) => /\/(widget|sdk)\/src\//.test(s))).toEqual([])
  })

  it('a customer reports a problem through the widget with the keyboard alone; the ticket has the app release, the environment and a masked screenshot', async () => {
    const { page, scripts, failures } = await openApp()
    await page.screenshot({ path: '/tmp/bundler-app.png' })
    expect(await page.textContent('footer')).toContain('4.31.0 (build 6302)')
    expect(scripts.some((s) => s.includes('snapdom'))).toBe(false)

    await tabToPage(page, 'report')
    await page.keyboard.press('Enter')
    await page.waitForFunction(`!!${SHADOW}.querySelector('dialog')`, null, {
      timeout: 20_000,
    })
    await page.waitForFunction(`!!${SHADOW}.querySelector('.shot__preview img')`, null, {
      timeout: 20_000,
    })
    // The renderer came on demand, for the screenshot taken as the form opened.
    expect(scripts.some((s) => /\/chunks\/snapdom-[A-Z0-9]{8}\.js$/.test(s))).toBe(true)
    expect(
      await inShadow(
        page,
        `return [root.querySelector('#name').value, root.querySelector('#email').value]`,
      ),
    ).toEqual(['Anna Petrova', 'anna.petrova@kvant-energo.example'])
    await page.screenshot({ path: '/tmp/bundler-app-form.png' })

    await page.keyboard.press('Tab')
    expect(await inShadow(page, `return root.activeElement.id`)).toBe('description')
    await page.keyboard.type('Submit readings does nothing after I enter the night reading.')
    await page.keyboard.press('Control+Enter')
    await page.waitForFunction(`${SHADOW}.querySelector('.done__reference')`, null, {
      timeout: 20_000,
    })
    const reference = await inShadow<string>(
      page,
      `return root.querySelector('.done__reference').textContent`,
    )
    expect(reference).toMatch(/^KVT-\d+$/)

    const t = await ticket(reference)
    expect(t).toMatchObject({
      description: 'Submit readings does nothing after I enter the night reading.',
      reporter: {
        name: 'Anna Petrova',
        email: 'anna.petrova@kvant-energo.example',
        organization: 'Kvant Energo, Perm branch',
      },
      app: { name: 'Kvant Energo', version: '4.31.0', build: '6302' },
      context: { screen: 'meter-readings', account: 'KE-000418-77' },
      environment: {
        os: { name: 'Linux', bitness: 64 },
        browser: { name: expect.stringMatching(/Chrom/) },
        url: `${site}/`,
        screen: { viewportWidth: 1280 },
      },
    })
    const res = await agentGet(`/tickets/${reference}/screenshot`)
    const shot = {
      type: res.headers.get('content-type') ?? '',
      base64: Buffer.from(await res.arrayBuffer()).toString('base64'),
    }
    expect(shot.type).toMatch(/^image\/(webp|jpeg|png)$/)
    const pixels = await blackInside(page, shot, '.holder')
    expect(pixels.width).toBeGreaterThanOrEqual(1280)
    expect(pixels.black).toBeGreaterThan(0.95)
    expect(failures).toEqual([])
    await page.close()
  })

  it('the app\'s "Send diagnostics" button reports through the SDK directly, without the form', async () => {
    const { page, failures } = await openApp()
    await page.getByRole('button', { name: 'Send diagnostics' }).click()
    const message = page.locator('#diagnostics-message')
    await message.getByText(/Diagnostics sent: request KVT-\d+/).waitFor({ timeout: 20_000 })
    const reference = (await message.textContent())!.match(/KVT-\d+/)![0]
    expect(await inShadow(page, `return !!root.querySelector('dialog')`)).toBe(false)

    const t = await ticket(reference)
    expect(t).toMatchObject({
      category: 'incident',
      subject: 'Automatic readings stopped: gateway KE-GW-2291',
      description: expect.stringContaining('timeout 0x2F'),
      reporter: { name: 'Anna Petrova' },
      app: { name: 'Kvant Energo', version: '4.31.0', build: '6302' },
      context: { screen: 'meter-readings', account: 'KE-000418-77', gateway: { id: 'KE-GW-2291' } },
      environment: {
        os: { name: 'Linux', bitness: 64 },
        browser: { name: expect.stringMatching(/Chrom/) },
        url: `${site}/`,
      },
    })
    expect(t.screenshot ?? null).toBeNull()
    expect(failures).toEqual([])
    await page.close()
  })
})
