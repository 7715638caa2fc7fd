// `npm run bench`: the performance figures of Snagbox, each against a baseline measured in the
// same run (a ratio), because these machines are noisy. Build first (`npm run build`).
// BENCH_ONLY=intake, inbox or widget runs one part; BENCH_DB=file keeps the inbox's seeded
// database there and starts from a copy of it the next time (seeding takes minutes).
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import {
  createAgent,
  createApiToken,
  appDeps,
  createApp,
  createProject,
  findProjectByPrefix,
  loadConfig,
  openDatabase,
  startServer,
} from '../server/dist/index.js'
import { png } from './png.mjs'

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000)
const part = (name) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === name
const dir = mkdtempSync(join(tmpdir(), 'snagbox-bench-'))
const env = {
  SNAGBOX_RATE_LIMIT_IP: '100000000',
  SNAGBOX_RATE_LIMIT_PROJECT: '100000000',
  SNAGBOX_PORT: '0',
}

/** Median milliseconds of `fn` over `runs` runs, after a warm-up; `before` runs untimed before each. */
async function median(fn, runs = 25, before = async () => {}) {
  for (let i = 0; i < 3; i++) await fn()
  const times = []
  for (let i = 0; i < runs; i++) {
    await before()
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
}

/** Requests per second of `send` with `concurrency` clients for `ms` milliseconds. */
async function throughput(send, { concurrency = 16, ms = 3000 } = {}) {
  let done = 0
  const end = performance.now() + ms
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await send()
        done++
      }
    }),
  )
  return done / (ms / 1000)
}

/** The demo page's own dialog, opened by a button: the baseline of "a click until a dialog shows". */
const DIALOG_PAGE_PART = `<button id="bench-open" type="button">Open</button>
<dialog id="bench-dialog"><p>The page's own dialog</p></dialog>
<script>document.getElementById('bench-open').onclick = () => document.getElementById('bench-dialog').showModal()</script>
</body>`

const row = (name, value, unit, baseline) =>
  console.log(
    `${name.padEnd(58)} ${value.toFixed(unit === 'ms' ? 2 : 0).padStart(10)} ${unit.padEnd(6)} ${baseline ? `${(value / baseline).toFixed(2)}× baseline` : ''}`,
  )

// 1. Intake over HTTP on loopback, against GET /healthz on the same server.
if (part('intake')) {
  const config = loadConfig({ ...env, SNAGBOX_DB: join(dir, 'intake.db') })
  const db = openDatabase(config.db)
  const { key } = createProject(db, { name: 'Bench', prefix: 'BENCH' })
  const server = await startServer(db, config)
  const url = server.url
  const shot = png(400, 300, [0, 0, 0], true)
  const json = JSON.stringify({
    description: 'Export fails with error 0x80070005',
    app: { version: '4.30.34', build: '6255' },
    environment: {
      os: {
        name: 'Windows',
        version: '11',
        bitness: 64,
        architecture: 'x64',
        source: 'client-hints',
      },
    },
  })
  const post = (body, headers) =>
    fetch(`${url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'X-Snagbox-Key': key, ...headers },
      body,
    }).then((r) => r.arrayBuffer())
  console.log(`\nIntake over HTTP on loopback (16 concurrent clients, 3 s each)`)
  const health = await throughput(() => fetch(`${url}/healthz`).then((r) => r.arrayBuffer()))
  row('GET /healthz (baseline)', health, 'req/s')
  row(
    'POST /api/v1/tickets, JSON',
    await throughput(() => post(json, { 'Content-Type': 'application/json' })),
    'req/s',
    health,
  )
  row(
    'POST /api/v1/tickets, JSON + Idempotency-Key',
    await throughput(() =>
      post(json, { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }),
    ),
    'req/s',
    health,
  )
  row(
    `POST /api/v1/tickets, multipart + ${Math.round(shot.length / 1024)} KB PNG`,
    await throughput(() => {
      const form = new FormData()
      form.set('payload', json)
      form.set('screenshot', new Blob([shot], { type: 'image/png' }), 'shot.png')
      return post(form, {})
    }),
    'req/s',
    health,
  )
  await server.close()
  db.$client.close()
}

/** Fills a new inbox database with TICKETS tickets through the intake; returns the seconds taken. */
async function seedInbox(config) {
  const db = openDatabase(config.db)
  const { key } = createProject(db, { name: 'Bench', prefix: 'BENCH' })
  await createAgent(db, {
    email: 'bench@example.com',
    name: 'Bench',
    password: 'bench-password',
    projects: ['BENCH'],
  })
  const app = createApp(appDeps({ db, config }))
  const words = [
    'printer',
    'export',
    'login',
    'report',
    'invoice',
    'crash',
    'slow',
    'timeout',
    'VPN',
    'scanner',
    'принтер',
    'отчёт',
    'ошибка',
  ]
  const started = performance.now()
  const categories = [
    'incident',
    'incident',
    'incident',
    'consultation',
    'feature_request',
    'mass_incident',
  ]
  for (let i = 0; i < TICKETS; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, TICKETS - i) }, (_, j) => {
        const n = i + j
        const body = {
          description: `${words[n % words.length]} ${words[(n * 7) % words.length]} problem number ${n}`,
          category: categories[n % categories.length],
          blocking: n % 5 === 0,
          app: { version: `4.30.${n % 40}` },
          environment: {
            os: { name: n % 3 ? 'Windows' : 'macOS', version: n % 3 ? '11' : '14.5' },
          },
          // 20,000 reporters of 5 tickets each, in 500 organizations of 200 tickets each.
          reporter: {
            name: `Person ${n % 20_000}`,
            email: `person${n % 20_000}@example.com`,
            organization: `Organization ${n % 500}`,
          },
          context: { tenant: `tenant-${n % 1000}` },
        }
        return app.request('/api/v1/tickets', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Snagbox-Key': key },
          body: JSON.stringify(body),
        })
      }),
    )
  }
  const seconds = (performance.now() - started) / 1000
  db.$client.close()
  return seconds
}

// 2. The inbox at TICKETS tickets, in-process, against GET /healthz through the same app.
if (part('inbox')) {
  const file = join(dir, 'inbox.db')
  const config = loadConfig({ ...env, SNAGBOX_DB: file })
  const kept = process.env.BENCH_DB
  let seeded = `a copy of ${kept}`
  if (kept && existsSync(kept)) copyFileSync(kept, file)
  else {
    const seconds = await seedInbox(config)
    seeded = `seeded through the intake in ${seconds.toFixed(1)} s, ${(TICKETS / seconds).toFixed(0)} tickets/s in-process`
    if (kept) copyFileSync(file, kept)
  }
  // As a server starts on a database that grew since it last opened: the first open analyses
  // the tables for the query planner (PRAGMA optimize), the next finds nothing to do.
  const opened = () => {
    const start = performance.now()
    const db = openDatabase(config.db)
    return { db, ms: performance.now() - start }
  }
  const first = opened()
  first.db.$client.close()
  const { db, ms: reopened } = opened()
  const app = createApp(appDeps({ db, config }))
  // A second project makes the bench agent's scope one project of two; 20 agents work in both.
  createProject(db, { name: 'Other', prefix: 'OTHER' })
  const { token } = createApiToken(db, { email: 'bench@example.com', name: 'bench' })
  const team = []
  for (let i = 0; i < 20; i++) {
    const { email } = await createAgent(db, {
      email: `team${i}@example.com`,
      name: `Team ${i}`,
      password: 'bench-password',
      projects: ['BENCH', 'OTHER'],
    })
    team.push(createApiToken(db, { email, name: 'bench' }).token)
  }
  console.log(`\nThe inbox at ${TICKETS} tickets (${seeded}; median of 25)`)
  row('open: the database again, nothing to analyse (baseline)', reopened, 'ms')
  row(`open: first since it grew to ${TICKETS} tickets`, first.ms, 'ms', reopened)
  const get = (path) => () =>
    app
      .request(path, { headers: { Authorization: `Bearer ${token}` } })
      .then((r) => r.arrayBuffer())
  const health = await median(() => app.request('/healthz').then((r) => r.arrayBuffer()))
  row('GET /healthz (baseline)', health, 'ms')
  row('GET /api/v1/me (auth only)', await median(get('/api/v1/me')), 'ms', health)
  row(
    'list: first page, default order',
    await median(get('/api/v1/tickets?limit=25')),
    'ms',
    health,
  )
  const page = await (
    await app.request('/api/v1/tickets?limit=100', {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).json()
  row(
    'list: next page by cursor',
    await median(get(`/api/v1/tickets?limit=25&cursor=${page.nextCursor}`)),
    'ms',
    health,
  )
  row(
    'list: status=new&priority=high',
    await median(get('/api/v1/tickets?status=new&priority=high')),
    'ms',
    health,
  )
  row('list: assignee=none', await median(get('/api/v1/tickets?assignee=none')), 'ms', health)
  row(
    'list: category=consultation',
    await median(get('/api/v1/tickets?category=consultation')),
    'ms',
    health,
  )
  row(
    'list: os=macOS&appVersion=4.30.7',
    await median(get('/api/v1/tickets?os=macOS&appVersion=4.30.7')),
    'ms',
    health,
  )
  row(
    'search: q=printer (common word)',
    await median(get('/api/v1/tickets?q=printer')),
    'ms',
    health,
  )
  row(
    'search: q=ошибка принтер (two common words, never together)',
    await median(get(`/api/v1/tickets?q=${encodeURIComponent('ошибка принтер')}`)),
    'ms',
    health,
  )
  row(
    'search: q=export login (two common words, 7,693 tickets)',
    await median(get('/api/v1/tickets?q=export%20login')),
    'ms',
    health,
  )
  row(
    'search: q=printer e (the second word being typed)',
    await median(get('/api/v1/tickets?q=printer%20e')),
    'ms',
    health,
  )
  row(
    'search: q=problem number (two words of every ticket)',
    await median(get('/api/v1/tickets?q=problem%20number')),
    'ms',
    health,
  )
  row(
    'search: q=number 99999 (rare)',
    await median(get('/api/v1/tickets?q=number%2099999')),
    'ms',
    health,
  )
  row(
    'search: q=BENCH-50000 (a reference)',
    await median(get('/api/v1/tickets?q=BENCH-50000')),
    'ms',
    health,
  )
  // The views' counts (the 7 standard views and a shared saved view), which the inbox fetches
  // again on every live event: after a change, and with nothing changed since.
  await app.request('/api/v1/views', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Printers', query: 'status=open&q=printer', shared: true }),
  })
  let changes = 0
  const change = () =>
    app
      .request(`/api/v1/tickets/BENCH-${1 + (changes % 1000)}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ priority: changes++ % 2 ? 'normal' : 'high' }),
      })
      .then((r) => r.arrayBuffer())
  const viewsAs = (as) => () =>
    app
      .request('/api/v1/views', { headers: { Authorization: `Bearer ${as}` } })
      .then((r) => r.arrayBuffer())
  row(
    'views: GET /api/v1/views after a change, one project of two',
    await median(viewsAs(token), 25, change),
    'ms',
    health,
  )
  row(
    'views: the same, an agent of every project',
    await median(viewsAs(team[0]), 25, change),
    'ms',
    health,
  )
  row(
    'views: the same, nothing changed since the last',
    await median(viewsAs(team[0])),
    'ms',
    health,
  )
  row(
    'views: 20 agents of the same projects after one change, all 20',
    await median(
      async () => {
        for (const as of team) await viewsAs(as)()
      },
      25,
      change,
    ),
    'ms',
    health,
  )
  row(
    'read one ticket: GET /api/v1/tickets/BENCH-50000',
    await median(get('/api/v1/tickets/BENCH-50000')),
    'ms',
    health,
  )
  row(
    'search: reporter=person777 (5 tickets)',
    await median(get('/api/v1/tickets?reporter=person777')),
    'ms',
    health,
  )
  row(
    'search: reporter=organization 42 (200 tickets)',
    await median(get(`/api/v1/tickets?reporter=${encodeURIComponent('organization 42')}`)),
    'ms',
    health,
  )
  row(
    'search: q=tenant-7 (a context value)',
    await median(get('/api/v1/tickets?q=tenant-7')),
    'ms',
    health,
  )
  row(
    'list: sort=first_response_due, first page',
    await median(get('/api/v1/tickets?sort=first_response_due&limit=25')),
    'ms',
    health,
  )
  const due = await (
    await app.request('/api/v1/tickets?sort=first_response_due&limit=100', {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).json()
  row(
    'list: sort=first_response_due, next page by cursor',
    await median(get(`/api/v1/tickets?sort=first_response_due&limit=25&cursor=${due.nextCursor}`)),
    'ms',
    health,
  )
  row(
    'similar: GET /api/v1/tickets/BENCH-50000/similar',
    await median(get('/api/v1/tickets/BENCH-50000/similar')),
    'ms',
    health,
  )
  // A mass incident with 1,000 children: its page names the first 50, the list pages them all.
  const link = (ref) =>
    app.request(`/api/v1/tickets/${ref}/link`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ parent: 'BENCH-6' }),
    })
  for (let i = 0; i < 1000; i++) await link(`BENCH-${1000 + i * 7}`)
  row(
    'read a mass incident with 1,000 children: GET …/BENCH-6',
    await median(get('/api/v1/tickets/BENCH-6')),
    'ms',
    health,
  )
  row(
    'list: parent=BENCH-6 (its children)',
    await median(get('/api/v1/tickets?parent=BENCH-6')),
    'ms',
    health,
  )
  row(
    'presence: POST /api/v1/tickets/BENCH-50000/presence',
    await median(() =>
      app
        .request('/api/v1/tickets/BENCH-50000/presence', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: '{"typing":true}',
        })
        .then((r) => r.arrayBuffer()),
    ),
    'ms',
    health,
  )

  // A status link guessed character by character would show in the time of a wrong guess:
  // a wrong token sharing all but its last character with a real one vs. a random one.
  const { key } = findProjectByPrefix(db, 'BENCH')
  const { statusUrl } = await (
    await app.request('/api/v1/tickets', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Snagbox-Key': key },
      body: '{"description":"timing"}',
    })
  ).json()
  const real = statusUrl.split('/status/')[1]
  const near = real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A')
  const random = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')
  const status = (token) => () =>
    app.request(`/api/v1/status/${token}`).then((r) => r.arrayBuffer())
  const far = await median(status(random), 201)
  console.log('\nReporter tokens (median of 201)')
  row('unknown token, random (baseline)', far, 'ms')
  row('unknown token, all but the last character right', await median(status(near), 201), 'ms', far)
  db.$client.close()
}

// 3. The widget: what the script tag costs a page, and how soon the form shows after a click.
if (part('widget')) {
  const dist = new URL('../server/dist/widget/', import.meta.url)
  const file = (name) => readFileSync(new URL(name, dist))
  const widget = file('widget.js')
  // The parts the first stage knows: `{dialog:"widget/dialog-….js",en:…,ru:…}`.
  const parts = Object.fromEntries(
    [
      ...widget
        .toString()
        .match(/\{"?dialog"?:"[^}]+\}/)[0]
        .matchAll(/"?(\w+)"?:"widget\/([^"]+)"/g),
    ].map((m) => [m[1], m[2]]),
  )
  const withImports = (name, seen = new Set()) => {
    seen.add(name)
    for (const [, dep] of file(name)
      .toString()
      .matchAll(/from\s*"\.\/([\w.-]+\.js)"/g))
      if (!seen.has(dep)) withImports(dep, seen)
    return seen
  }
  const size = (names) => {
    const all = Buffer.concat([...names].map(file))
    return { gzip: gzipSync(all, { level: 9 }).length, brotli: brotliCompressSync(all).length }
  }
  const kb = (n) => `${(n / 1024).toFixed(2)} KiB`
  const dialogPart = withImports(parts.dialog)
  /** A file the dialog part imports lazily, by the start of its name, less what they share. */
  const later = (prefix) => {
    const [, name] = file(parts.dialog)
      .toString()
      .match(new RegExp(`import\\("\\./(${prefix}-[\\w-]+\\.js)"\\)`))
    return [...withImports(name)].filter((other) => !dialogPart.has(other))
  }
  console.log('\nThe widget (server/dist/widget)')
  for (const [label, names] of [
    ['first stage: widget.js', ['widget.js']],
    ['the form: the dialog part, English', [...dialogPart, parts.en]],
    ['the form: the dialog part, Russian', [...dialogPart, parts.ru]],
    ["the SDK's user-agent parser (after the dialog part)", later('user-agent')],
    ['“My requests”, English (after the dialog part)', later('requests-en')],
    ['“My requests”, Russian (after the dialog part)', later('requests-ru')],
    ["the SDK's requests add-on (after the dialog part)", later('my-requests')],
  ]) {
    const { gzip, brotli } = size(names)
    console.log(
      `${label.padEnd(58)} ${kb(gzip).padStart(10)} gzip  ${kb(brotli).padStart(10)} brotli`,
    )
  }

  // The demo page of `npm start` against this run's server, with the widget and without it.
  const config = loadConfig({ ...env, SNAGBOX_DB: join(dir, 'widget.db') })
  const db = openDatabase(config.db)
  const server = await startServer(db, config)
  const demo = readFileSync(new URL('../examples/plain-html/index.html', import.meta.url), 'utf8')
  const site = createServer((req, res) => {
    const page = req.url.startsWith('/plain')
      ? demo.replace(
          /<script async src="http:\/\/127\.0\.0\.1:8787\/widget\.js"[^>]*><\/script>/,
          '',
        )
      : demo.replaceAll('http://127.0.0.1:8787', server.url)
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end(req.url.endsWith('?dialog') ? page.replace('</body>', DIALOG_PAGE_PART) : page)
  })
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${site.address().port}`
  createProject(db, {
    name: 'Bench',
    prefix: 'WBENCH',
    key: 'pk_demo_snagbox_local',
    origins: [origin],
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  const RUNS = 9
  const middle = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]

  /** The longest task (PerformanceObserver 'longtask', 0 if none) up to the load event and in the 3 s after it. */
  const longestTask = async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.addInitScript(() => {
      window.__tasks = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration])
      }).observe({ type: 'longtask', buffered: true })
    })
    await page.goto(origin + path, { waitUntil: 'load' })
    await page.waitForTimeout(3000)
    const result = await page.evaluate(() => {
      const loaded = performance.getEntriesByType('navigation')[0].loadEventEnd
      const longest = (tasks) => Math.max(0, ...tasks.map(([, d]) => d))
      return {
        load: longest(window.__tasks.filter(([start]) => start <= loaded)),
        after: longest(window.__tasks.filter(([start]) => start > loaded)),
      }
    })
    await page.close()
    return result
  }
  const loads = { plain: [], widget: [] }
  for (let i = 0; i < RUNS; i++) {
    loads.plain.push(await longestTask('/plain'))
    loads.widget.push(await longestTask('/'))
  }
  const med = (list, key) => middle(list.map((r) => r[key]))
  console.log(
    `\nThe demo page in Chromium: the longest task (> 50 ms counts; median of ${RUNS} loads)`,
  )
  row('without the widget, up to the load event (baseline)', med(loads.plain, 'load'), 'ms')
  row(
    'with the widget, up to the load event',
    med(loads.widget, 'load'),
    'ms',
    med(loads.plain, 'load') || undefined,
  )
  row('without the widget, 3 s after the load event', med(loads.plain, 'after'), 'ms')
  row('with the widget, 3 s after it (the dialog loads at idle)', med(loads.widget, 'after'), 'ms')

  /**
   * Milliseconds from a click to the first frame that shows the dialog (`dialog:modal`), and to
   * the first that shows its screenshot: the widget's (its launcher clicked), or the page's own
   * (which has no picture: both times are its dialog's).
   */
  const clickToDialog = (page, which) =>
    page.evaluate(
      (which) =>
        new Promise((resolve) => {
          const root = document.querySelector('snagbox-widget').shadowRoot
          const [button, dialog, picture] =
            which === 'widget'
              ? [
                  root.querySelector('.launcher'),
                  () => root.querySelector('dialog:modal'),
                  () => root.querySelector('.shot__preview img')?.complete,
                ]
              : [
                  document.getElementById('bench-open'),
                  () => document.querySelector('#bench-dialog:modal'),
                  () => true,
                ]
          const start = performance.now()
          let shown = null
          const frame = () => {
            if (shown === null && dialog()) shown = performance.now() - start
            if (shown !== null && picture())
              resolve({ dialog: shown, picture: performance.now() - start })
            else requestAnimationFrame(frame)
          }
          button.click()
          requestAnimationFrame(frame)
        }),
      which,
    )
  /** The medians of both times over RUNS runs. */
  const mediansOf = async (fn) => {
    const runs = []
    for (let i = 0; i < RUNS; i++) runs.push(await fn())
    return {
      dialog: middle(runs.map((r) => r.dialog)),
      picture: middle(runs.map((r) => r.picture)),
    }
  }
  const newDemo = async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(origin + path, { waitUntil: 'domcontentloaded' })
    await page.waitForFunction(() => window.Snagbox?.loaded === true)
    return page
  }
  const baseline = await mediansOf(async () => {
    const page = await newDemo('/?dialog')
    const ms = await clickToDialog(page, 'page')
    await page.close()
    return ms
  })
  const cold = await mediansOf(async () => {
    // At once: the dialog part is not there yet, the click loads it (and the capture's renderer).
    const page = await newDemo('/')
    const ms = await clickToDialog(page, 'widget')
    await page.close()
    return ms
  })
  const warm = await mediansOf(async () => {
    const page = await newDemo('/')
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => /\/widget\/dialog-/.test(e.name)),
    )
    await page.waitForTimeout(300)
    const ms = await clickToDialog(page, 'widget')
    await page.close()
    return ms
  })
  const hovered = await mediansOf(async () => {
    // The pointer rests on the button first: the dialog part, the capture and its renderer come.
    const page = await newDemo('/')
    await page.hover('snagbox-widget .launcher')
    await page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .some((e) => /\/widget\/snapdom-[\w-]{8}\.js/.test(e.name)),
    )
    await page.waitForTimeout(300)
    const ms = await clickToDialog(page, 'widget')
    await page.close()
    return ms
  })
  const again = await mediansOf(async () => {
    const page = await newDemo('/')
    await clickToDialog(page, 'widget')
    await page.keyboard.press('Escape')
    await page.waitForFunction(
      () => !document.querySelector('snagbox-widget').shadowRoot.querySelector('dialog'),
    )
    const ms = await clickToDialog(page, 'widget')
    await page.close()
    return ms
  })
  console.log(
    `\nA click until the dialog shows, and until its screenshot does, on the demo page in Chromium (median of ${RUNS})`,
  )
  row("the page's own <dialog>, showModal() (baseline)", baseline.dialog, 'ms')
  for (const [label, times] of [
    ['1st open, part loaded by the click', cold],
    ['1st open, part loaded at idle', warm],
    ['1st open, pointer on the button first', hovered],
    ['2nd open', again],
  ]) {
    row(`widget, ${label}: dialog`, times.dialog, 'ms', baseline.dialog)
    row(`widget, ${label}: screenshot`, times.picture, 'ms', baseline.dialog)
  }
  await browser.close()
  await new Promise((resolve) => site.close(resolve))
  await server.close()
  db.$client.close()
}
