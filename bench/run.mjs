// `npm run bench`: the performance figures of Snagbox, each against a baseline measured in the
// same run (a ratio), because these machines are noisy. Build first (`npm run build`).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  createAgent,
  createApiToken,
  appDeps,
  createApp,
  createProject,
  loadConfig,
  openDatabase,
  startServer,
} from '../server/dist/index.js'
import { png } from './png.mjs'

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000)
const dir = mkdtempSync(join(tmpdir(), 'snagbox-bench-'))
const env = {
  SNAGBOX_RATE_LIMIT_IP: '100000000',
  SNAGBOX_RATE_LIMIT_PROJECT: '100000000',
  SNAGBOX_PORT: '0',
}

/** Median milliseconds of `fn` over `runs` runs, after a warm-up. */
async function median(fn, runs = 25) {
  for (let i = 0; i < 3; i++) await fn()
  const times = []
  for (let i = 0; i < runs; i++) {
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

const row = (name, value, unit, baseline) =>
  console.log(
    `${name.padEnd(58)} ${value.toFixed(unit === 'ms' ? 2 : 0).padStart(10)} ${unit.padEnd(6)} ${baseline ? `${(value / baseline).toFixed(2)}× baseline` : ''}`,
  )

// 1. Intake over HTTP on loopback, against GET /healthz on the same server.
{
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

// 2. The inbox at TICKETS tickets, in-process, against GET /healthz through the same app.
{
  const config = loadConfig({ ...env, SNAGBOX_DB: join(dir, 'inbox.db') })
  const db = openDatabase(config.db)
  const { key } = createProject(db, { name: 'Bench', prefix: 'BENCH' })
  const agent = await createAgent(db, {
    email: 'bench@example.com',
    name: 'Bench',
    password: 'bench-password',
    projects: ['BENCH'],
  })
  const { token } = createApiToken(db, { email: agent.email, name: 'bench' })
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
  console.log(
    `\nThe inbox at ${TICKETS} tickets (seeded through the intake in ${seconds.toFixed(1)} s, ${(TICKETS / seconds).toFixed(0)} tickets/s in-process; median of 25)`,
  )
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
    'search: q=ошибка принтер',
    await median(get(`/api/v1/tickets?q=${encodeURIComponent('ошибка принтер')}`)),
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
  row(
    "views: GET /api/v1/views (7 standard views' counts)",
    await median(get('/api/v1/views')),
    'ms',
    health,
  )
  row(
    'read one ticket: GET /api/v1/tickets/BENCH-50000',
    await median(get('/api/v1/tickets/BENCH-50000')),
    'ms',
    health,
  )

  // A status link guessed character by character would show in the time of a wrong guess:
  // a wrong token sharing all but its last character with a real one vs. a random one.
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
