import { createApiToken } from '../src/auth/tokens.js'
import { createView } from '../src/views/store.js'
import { createMacro } from '../src/macros/store.js'
import { attachTo } from './images.js'
import { describe, expect, it } from 'vitest'
import {
  CLOSE_REASONS,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  ROUTES,
  STATUSES,
} from '@snagbox/sdk/contract'
import { createApp } from '../src/app.js'
import { createSession } from '../src/auth/sessions.js'
import { createProject } from '../src/projects/store.js'
import { appDeps } from '../src/deps.js'
import { ChangeFeed } from '../src/tickets/store/changes.js'
import { agentHarness, ORIGIN, routesOf, type AgentHarness, type Route } from './harness.js'
import { dataUrl, jpegHeader, png, webpHeader } from './images.js'

/*
 * The adversary's battery. Every route the app serves — read from `app.routes`, so a new route is
 * covered the day it is added — gets bad bodies, bad path parameters, bad query strings and bad
 * headers, with and without credentials. Whatever it is sent, the server must answer below 500,
 * refuse with a problem document (the reporter's HTML pages may refuse in HTML), and write nothing
 * when it refuses.
 */

/** The battery sends thousands of requests from one address; rate limits would hide the rest. */
const ENV = {
  SNAGBOX_RATE_LIMIT_IP: '1000000',
  SNAGBOX_RATE_LIMIT_PROJECT: '1000000',
  SNAGBOX_RATE_LIMIT_REPORTER: '1000000',
  SNAGBOX_RATE_LIMIT_REPORTER_IP: '1000000',
}

const XSS = '<script>alert(1)</script>'
const MB = 1024 * 1024

interface Probe {
  label: string
  method: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer | FormData | URLSearchParams
}

const isHtmlRoute = (route: Route) => route.path.startsWith(`${ROUTES.statusPage}/`)
const takesBody = (method: string) => method !== 'GET' && method !== 'HEAD'

/** What the refusals may not touch: tickets, their timeline, their screenshots, their versions. */
function snapshot(h: AgentHarness): string {
  const row = h.db.$client
    .prepare(
      `select (select count(*) from tickets) as tickets, (select count(*) from ticket_events) as events,
        (select count(*) from attachments) as attachments, (select coalesce(sum(version), 0) from tickets) as versions,
        (select group_concat(status || ':' || coalesce(close_reason, '') || ':' || priority, ',') from tickets) as states`,
    )
    .get()
  return JSON.stringify(row)
}

/** Sends one probe as a client on the wire would (with a Content-Length) and lists what it broke. */
async function send(
  h: AgentHarness,
  route: Route,
  probe: Probe,
  statuses: number[] = [],
): Promise<string[]> {
  const headers = new Headers(probe.headers)
  const body = probe.body
  if ((typeof body === 'string' || Buffer.isBuffer(body)) && !headers.has('content-length')) {
    headers.set('content-length', String(Buffer.byteLength(body)))
  }
  let request: Request
  try {
    request = new Request(`http://localhost${probe.path}`, {
      method: probe.method,
      headers,
      ...(body !== undefined
        ? {
            body:
              typeof body === 'string' ||
              body instanceof FormData ||
              body instanceof URLSearchParams
                ? body
                : new Uint8Array(body),
          }
        : {}),
    })
  } catch {
    return [] // Not even a client can send this (a header outside Latin-1, a body on GET).
  }
  const where = `${probe.method} ${probe.path.slice(0, 80)}${probe.path.length > 80 ? '…' : ''} [${probe.label}]`
  const before = snapshot(h)
  let res: Response
  try {
    res = await h.app.request(request)
  } catch (err) {
    return [`${where}: threw ${String(err)}`]
  }
  statuses.push(res.status)
  const type = res.headers.get('content-type') ?? ''
  // The live event stream never ends by itself; a client closing it is all it needs.
  const text = type.startsWith('text/event-stream')
    ? (await res.body?.cancel(), '')
    : await res.text()
  const broken: string[] = []
  if (res.status >= 500) broken.push(`${where}: answered ${res.status} ${text.slice(0, 200)}`)
  if (type.startsWith('text/html') && text.includes(XSS))
    broken.push(`${where}: echoed markup unescaped`)
  if (res.status >= 400) {
    const html = isHtmlRoute(route) && type.startsWith('text/html')
    if (!html && type !== PROBLEM_CONTENT_TYPE)
      broken.push(`${where}: ${res.status} as "${type}", not a problem document`)
    if (!html && type === PROBLEM_CONTENT_TYPE && probe.method !== 'HEAD')
      broken.push(...problemDefects(where, res.status, text))
    if (snapshot(h) !== before)
      broken.push(`${where}: refused with ${res.status} but changed tickets`)
  }
  if (({} as Record<string, unknown>).polluted !== undefined)
    broken.push(`${where}: polluted Object.prototype`)
  return broken
}

function problemDefects(where: string, status: number, text: string): string[] {
  let doc: Record<string, unknown>
  try {
    doc = JSON.parse(text)
  } catch {
    return [`${where}: problem body is not JSON: ${text.slice(0, 100)}`]
  }
  const defects: string[] = []
  if (typeof doc.type !== 'string' || !doc.type.startsWith(PROBLEM_TYPE_BASE)) defects.push('type')
  if (typeof doc.title !== 'string' || !doc.title) defects.push('title')
  if (doc.status !== status) defects.push('status')
  if (typeof doc.detail !== 'string' || !doc.detail) defects.push('detail')
  if (typeof doc.code !== 'string' || doc.type !== PROBLEM_TYPE_BASE + doc.code)
    defects.push('code')
  return defects.length
    ? [`${where}: problem document lacks a good ${defects.join(', ')}: ${text.slice(0, 200)}`]
    : []
}

/** A fresh world for one route: its own ticket (with a screenshot), so no route's probes starve another's. */
async function world(h: AgentHarness) {
  const ticket = await h.file({
    description: 'Export fails with error 0x80070005',
    screenshot: dataUrl('image/png', png(4, 4)),
  })
  const params: Record<string, string> = {
    ref: ticket.reference,
    token: ticket.token,
    id: h.agent.id,
    // A token of its own: revoking it must not take the battery's credentials away.
    tokenId: createApiToken(h.db, { email: h.agent.email, name: 'spare' }).id,
    prefix: h.project.prefix,
    fileId: attachTo(h, ticket.id),
    viewId: createView(
      h.db,
      { agentId: h.agent.id, projects: 'all', admin: true },
      { name: 'Spare', query: 'status=new' },
      new Date(),
    ).id,
    macroId: createMacro(
      h.db,
      { agentId: h.agent.id, projects: 'all', admin: true },
      {
        name: 'Spare',
        body: 'Hello {{reporter.name}}',
        status: null,
        priority: null,
        project: null,
      },
      new Date(),
    ).id,
  }
  const valid = {
    description: 'Export fails',
    subject: 'Export',
    body: 'Which printer is it?',
    reason: 'Still broken',
    comment: 'Same as the other one',
    email: 'ann@example.com',
    password: 'correct-horse',
    priority: 'high',
    reporter: { name: 'Boris', email: 'boris@example.com' },
    app: { name: 'Kvant', version: '4.30.34', build: '6255' },
    environment: {
      os: {
        name: 'Windows',
        version: '11',
        bitness: 64,
        architecture: 'x64',
        source: 'client-hints',
      },
    },
    context: { tenant: 42 },
    logs: [{ level: 'error', message: 'boom', timestamp: 1 }],
    blocking: true,
  }
  const fields = [
    ...Object.keys(valid),
    'category',
    'status',
    'closeReason',
    'assigneeId',
    'duplicateOf',
    'parent',
    'screenshot',
  ]
  const credentials = {
    Authorization: `Bearer ${h.token}`,
    'X-Snagbox-Key': h.project.key,
  }
  return { ticket, params, valid, fields, credentials }
}

type World = Awaited<ReturnType<typeof world>>

const fill = (path: string, values: Record<string, string>, hostile?: string) =>
  path.replace(/:(\w+)/g, (_, name: string) => hostile ?? values[name] ?? 'x')

function deep(levels: number, open: string, close: string, inner = '1'): string {
  return open.repeat(levels) + inner + close.repeat(levels)
}

/** Bodies no route should take badly: wrong types, broken JSON, hostile strings, huge sizes. */
function bodies(
  w: World,
): { label: string; headers: Record<string, string>; body?: Probe['body'] }[] {
  const J = { 'Content-Type': 'application/json' }
  const list: { label: string; headers: Record<string, string>; body?: Probe['body'] }[] = [
    { label: 'no body', headers: {} },
    { label: 'empty JSON', headers: J, body: '' },
    {
      label: 'text/plain',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify(w.valid),
    },
    {
      label: 'form',
      headers: {},
      body: new URLSearchParams({ body: XSS, reason: XSS, email: 'a', password: 'b' }),
    },
    {
      label: 'xml',
      headers: { 'Content-Type': 'application/xml' },
      body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    },
    { label: 'jsonp', headers: { 'Content-Type': 'application/jsonp' }, body: '{}' },
    {
      label: 'JSON claiming utf-16',
      headers: { 'Content-Type': 'application/json; charset=utf-16' },
      body: JSON.stringify(w.valid),
    },
    {
      label: 'upper-case JSON type',
      headers: { 'Content-Type': 'APPLICATION/JSON' },
      body: JSON.stringify(w.valid),
    },
    {
      label: 'multipart without boundary',
      headers: { 'Content-Type': 'multipart/form-data' },
      body: '--x\r\n\r\n--x--',
    },
    {
      label: 'multipart garbage',
      headers: { 'Content-Type': 'multipart/form-data; boundary=zzz' },
      body: 'not multipart at all',
    },
    { label: 'truncated JSON', headers: J, body: '{"description": "x' },
    { label: 'JSON with a BOM', headers: J, body: `\uFEFF${JSON.stringify(w.valid)}` },
    { label: 'two JSON documents', headers: J, body: '{"body":"a"}{"body":"b"}' },
    { label: 'trailing comma', headers: J, body: '{"body":"a",}' },
    { label: 'NaN literal', headers: J, body: '{"body": NaN}' },
    { label: 'binary', headers: J, body: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80, 0xc0]) },
    { label: 'deep array', headers: J, body: deep(100_000, '[', ']') },
    { label: 'deep object', headers: J, body: deep(100_000, '{"a":', '}') },
    { label: 'huge number', headers: J, body: `{"priority": 1${'0'.repeat(400)}, "limit": 1e999}` },
    {
      label: 'duplicate keys',
      headers: J,
      body: '{"body":"a","body":{"toString":1},"reason":"a","reason":[]}',
    },
    {
      label: 'long array',
      headers: J,
      body: JSON.stringify({ ...w.valid, logs: Array.from({ length: 50_000 }, () => ({})) }),
    },
    {
      label: 'prototype keys',
      headers: J,
      body: '{"__proto__":{"polluted":"yes","body":"x"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}',
    },
    {
      label: 'prototype keys inside valid fields',
      headers: J,
      body: JSON.stringify(w.valid)
        .replace(/^\{/, '{"__proto__":{"polluted":"yes"},')
        .replace(
          '"tenant":42',
          '"tenant":42,"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}',
        ),
    },
    {
      label: 'hostile strings in every field',
      headers: J,
      body: JSON.stringify(
        Object.fromEntries(w.fields.map((f) => [f, `${XSS}\u0000'; DROP TABLE tickets; --\u202e`])),
      ),
    },
    {
      label: 'lone surrogates',
      headers: J,
      body: JSON.stringify(w.valid).replace(/"([^"]*)":"([^"]*)"/g, '"$1":"$2\\ud800 \\udfff"'),
    },
    {
      label: 'NUL characters',
      headers: J,
      body: JSON.stringify(w.valid).replace(/"([^"]*)":"([^"]*)"/g, '"$1":"\\u0000$2\\u0000"'),
    },
    {
      label: 'only NULs',
      headers: J,
      body: JSON.stringify(Object.fromEntries(w.fields.map((f) => [f, '\u0000\u0000']))),
    },
    {
      label: '300 KB JSON',
      headers: J,
      body: JSON.stringify({ ...w.valid, body: 'x'.repeat(300 * 1024) }),
    },
    {
      label: 'absurd Content-Length',
      headers: { ...J, 'Content-Length': '99999999999999' },
      body: '{}',
    },
    {
      label: 'unparsable Content-Length',
      headers: { ...J, 'Content-Length': 'lots' },
      body: JSON.stringify(w.valid),
    },
  ]
  for (const value of [null, 0, 1e308, true, [], {}, { $gt: '' }, '', 'x'.repeat(70_000)]) {
    list.push({
      label: `every field ${JSON.stringify(value).slice(0, 20)}`,
      headers: J,
      body: JSON.stringify(Object.fromEntries(w.fields.map((f) => [f, value]))),
    })
  }
  // One field wrong, the others right — but no password, which would cost a real scrypt each time.
  const { email, password, ...others } = w.valid
  for (const value of [null, 0, true, [], {}, '', 'x'.repeat(70_000)]) {
    for (const field of w.fields) {
      const base =
        field === 'password'
          ? { ...others, email }
          : field === 'email'
            ? { ...others, password }
            : others
      list.push({
        label: `${field}: ${JSON.stringify(value).slice(0, 20)}`,
        headers: J,
        body: JSON.stringify({ ...base, [field]: value }),
      })
    }
  }
  for (const field of ['context', 'environment', 'reporter', 'logs', 'body']) {
    list.push({
      label: `deep ${field}`,
      headers: J,
      body: `{"description":"x","body":"x",${JSON.stringify(field)}:${deep(20_000, '{"a":', '}')}}`,
    })
  }
  const form = new FormData()
  form.set('payload', JSON.stringify(w.valid))
  form.set('body', new Blob([XSS]), 'body.txt')
  form.set('screenshot', new Blob(['GIF89a not a png'], { type: 'image/png' }), 'x.png')
  list.push({ label: 'multipart with a fake image', headers: {}, body: form })
  return list
}

const HOSTILE_PARAMS = [
  'x'.repeat(5000),
  '%00',
  'DEMO-1%00',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%F0%9F%92%A9',
  '%D0%94%D0%95%D0%9C%D0%9E-1',
  '%E0%A4%A',
  '%ED%A0%80',
  encodeURIComponent(XSS),
  'DEMO-99999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  'A'.repeat(43),
]

const HOSTILE_QUERIES = [
  'limit=0',
  'limit=-1',
  'limit=1.5',
  'limit=1e3',
  'limit=abc',
  'limit=99999999999999999999999',
  'limit=',
  'limit=1&limit=100000',
  'status=bogus',
  'status=open,closed,open,,',
  'status=new&status=closed',
  'category=__proto__',
  'priority=constructor',
  'assignee=%00',
  `assignee=${'x'.repeat(10_000)}`,
  `q=${'x'.repeat(100_000)}`,
  'q=%22',
  'q=*',
  'q=NEAR(a%20b)',
  'q=a%20OR%20b%20NOT%20c%20AND%20%5E',
  'q=%ud800',
  'q=%ED%A0%80',
  'q=%00',
  `q=${encodeURIComponent(XSS)}`,
  'q=DEMO-1',
  `reporter=${encodeURIComponent('" OR 1 NEAR(a b) *')}`,
  `reporter=${'x'.repeat(10_000)}`,
  'reporter=%00',
  'sort=__proto__',
  'sort=first_response_due&cursor=djE6ZHw',
  `sort=first_response_due&cursor=${Buffer.from("v1:d\u0000|'--").toString('base64url')}`,
  'parent=%00',
  `duplicateOf=${'x'.repeat(100)}`,
  `splitFrom=${encodeURIComponent(XSS)}`,
  'q=%E2%80%AE%F0%9F%92%A9',
  `q=${encodeURIComponent('word '.repeat(1000))}`,
  'cursor=garbage',
  'cursor=djE6',
  `cursor=${Buffer.from("v1:\u0000'--").toString('base64url')}`,
  `cursor=${'A'.repeat(10_000)}`,
  'updatedSince=yesterday',
  'updatedSince=%2B275760-09-13T00:00:00.000Z',
  'updatedSince=-271821-04-20T00:00:00.000Z',
  'updatedSince=99999999999999',
  'os=Windows%20%20%2011%20%00',
  `appVersion=${'9'.repeat(1000)}`,
  'lang=xx&lang=ru',
  `lang=${'x'.repeat(5000)}`,
  `done=${encodeURIComponent(XSS)}`,
  `key=${'pk_'.repeat(3000)}`,
  `token=${'A'.repeat(5000)}`,
  `token=${Array.from({ length: 60 }, () => 'A'.repeat(43)).join('&token=')}`,
  '__proto__[polluted]=yes&constructor[prototype][polluted]=yes',
  '&&&==&=',
  '%',
]

const HOSTILE_HEADERS: Record<string, string>[] = [
  { 'If-Match': 'garbage' },
  { 'If-Match': '"abc"' },
  { 'If-Match': '"1", "2"' },
  { 'If-Match': '"-1"' },
  { 'If-Match': '""' },
  { 'If-Match': `"${'9'.repeat(400)}"` },
  { 'If-Match': 'W/"0"' },
  { 'If-None-Match': `"${'1'.repeat(1000)}"` },
  { Accept: 'text/html;q=abc, */*;q=-1' },
  { 'Accept-Language': 'x'.repeat(10_000) },
  { 'Accept-Language': '*;q=abc,ru;q=2,,,' },
  { Origin: 'null' },
  { Origin: 'not a url' },
  { Origin: 'https://evil.example' },
  { Origin: `https://${'a'.repeat(5000)}.example` },
  { 'Sec-Fetch-Site': 'cross-site' },
  { 'Sec-Fetch-Site': 'same-origin', Origin: 'https://evil.example' },
  { 'X-Forwarded-For': 'x'.repeat(10_000) },
  { 'X-Forwarded-For': ', , ,' },
  { 'Idempotency-Key': '' },
  { 'Idempotency-Key': ' ' },
  { 'Idempotency-Key': 'x'.repeat(10_000) },
  { 'Idempotency-Key': '\u00e9t\u00e9' },
  { 'X-Snagbox-Key': '' },
  { 'X-Snagbox-Key': `${'pk_'.repeat(3000)}` },
  { Cookie: 'snagbox_session=%E0%A4%A; snagbox_session=; =;;;' },
  { Cookie: `snagbox_session=${'x'.repeat(8000)}` },
  { 'Content-Type': 'application/json; charset=nonsense; boundary' },
  { 'Transfer-Encoding': 'chunked' },
]

const PUBLIC_URL = 'https://support.example.com'

/** Who a request claims to be: nobody, the agent, the reporter, forgers, the inbox's cookie from here and from elsewhere. */
function credentialsFor(h: AgentHarness, w: World): [string, Record<string, string>][] {
  const session = `snagbox_session=${createSession(h.db, h.agent.id, new Date())}`
  return [
    ['anonymous', {}],
    ['agent token', { Authorization: `Bearer ${h.token}` }],
    ['reporter token as bearer', { Authorization: `Bearer ${w.ticket.token}` }],
    ['empty bearer', { Authorization: 'Bearer' }],
    ['bearer with spaces', { Authorization: 'Bearer a b c' }],
    ['huge bearer', { Authorization: `Bearer ${'x'.repeat(8000)}` }],
    ['basic', { Authorization: 'Basic YW5uQGV4YW1wbGUuY29tOmNvcnJlY3QtaG9yc2U=' }],
    ['lower-case padded bearer', { Authorization: `bearer   ${h.token}   ` }],
    ['forged cookie', { Cookie: 'snagbox_session=forged' }],
    ['session, same origin', { Cookie: session, Origin: PUBLIC_URL }],
    ['session, cross-site', { Cookie: session, Origin: 'https://evil.example' }],
    [
      'session, fetch metadata cross-site',
      { Cookie: session, Origin: PUBLIC_URL, 'Sec-Fetch-Site': 'cross-site' },
    ],
    ['session, no origin', { Cookie: session }],
    ['project key and origin', { 'X-Snagbox-Key': h.project.key, Origin: ORIGIN }],
    ['unknown project key', { 'X-Snagbox-Key': 'pk_nobody' }],
    [
      'project key, foreign origin',
      { 'X-Snagbox-Key': h.project.key, Origin: 'https://evil.example' },
    ],
  ]
}

/** Runs probes one after another (their order must not depend on timing) and gathers defects. */
async function run(h: AgentHarness, route: Route, probes: Probe[]): Promise<string[]> {
  const broken: string[] = []
  for (const probe of probes) broken.push(...(await send(h, route, probe)))
  return broken
}

// Each test walks every route: they grow with the API, past vitest's 5 s on a busy machine (the
// bad bodies, some 300 for each of some 45 routes that take a body, past 30 s).
describe('every route, attacked', { timeout: 60_000 }, () => {
  it('takes bad bodies without a 5xx, with problem documents, writing nothing', async () => {
    const h = await agentHarness({ env: ENV })
    const broken: string[] = []
    for (const route of routesOf(h).filter((r) => takesBody(r.method))) {
      const w = await world(h)
      const path = fill(route.path, w.params)
      const probes = bodies(w).map((b) => ({
        label: b.label,
        method: route.method,
        path,
        headers: { ...w.credentials, ...b.headers },
        body: b.body,
      }))
      broken.push(...(await run(h, route, probes)))
    }
    expect(broken).toEqual([])
  })

  it('takes bodies over every limit without a 5xx', async () => {
    const h = await agentHarness({ env: ENV })
    const huge = `{"description":"${'x'.repeat(11 * MB)}","body":"x"}`
    const broken: string[] = []
    for (const route of routesOf(h).filter((r) => takesBody(r.method))) {
      const w = await world(h)
      const path = fill(route.path, w.params)
      broken.push(
        ...(await run(h, route, [
          {
            label: '11 MB JSON',
            method: route.method,
            path,
            headers: { ...w.credentials, 'Content-Type': 'application/json' },
            body: huge,
          },
          {
            label: '11 MB text',
            method: route.method,
            path,
            headers: { ...w.credentials, 'Content-Type': 'text/plain' },
            body: huge,
          },
        ])),
      )
    }
    expect(broken).toEqual([])
  })

  it('takes every credential, good or forged, on every route', async () => {
    const h = await agentHarness({ env: ENV })
    const broken: string[] = []
    const shut: string[] = []
    for (const route of routesOf(h)) {
      const w = await world(h)
      const path = fill(route.path, w.params)
      const variants: { label: string; body?: string }[] = takesBody(route.method)
        ? [
            { label: 'no body' },
            { label: 'valid-ish JSON', body: JSON.stringify(w.valid) },
            { label: 'empty object', body: '{}' },
          ]
        : [{ label: 'no body' }]
      const answers = new Map<string, number[]>()
      for (const [name, credentials] of [
        ['right', w.credentials] as const,
        ...credentialsFor(h, w),
      ]) {
        const statuses: number[] = []
        answers.set(name, statuses)
        for (const v of variants) {
          const headers = {
            ...credentials,
            ...(v.body ? { 'Content-Type': 'application/json' } : {}),
          }
          const probe = {
            label: `${name}, ${v.label}`,
            method: route.method,
            path,
            headers,
            ...(v.body ? { body: v.body } : {}),
          }
          broken.push(...(await send(h, route, probe, statuses)))
        }
      }
      const where = `${route.method} ${route.path}`
      // The battery means something only if the right credentials get past the door.
      // (Static files of the widget and the inbox need no credentials and exist once built.)
      const assets = /^\/(widget|inbox)/.test(route.path)
      if (!assets && answers.get('right')!.every((status) => status === 401 || status === 404))
        shut.push(`${where}: ${answers.get('right')}`)
      // A route closed to strangers stays closed to a cookie another site makes the browser send.
      const closed = answers.get('anonymous')!.every((status) => status === 401)
      for (const name of [
        'session, cross-site',
        'session, fetch metadata cross-site',
        'session, no origin',
      ]) {
        if (closed && takesBody(route.method) && answers.get(name)!.some((status) => status < 400))
          broken.push(`${where}: took a write from "${name}"`)
      }
      // HEAD of every GET, and methods nobody serves.
      if (route.method === 'GET')
        broken.push(
          ...(await send(h, route, {
            label: 'HEAD',
            method: 'HEAD',
            path,
            headers: w.credentials,
          })),
        )
      for (const method of ['PUT', 'DELETE', 'OPTIONS', 'PROPFIND']) {
        broken.push(
          ...(await send(h, route, { label: method, method, path, headers: w.credentials })),
        )
      }
    }
    expect(broken).toEqual([])
    expect(shut).toEqual([])
  })

  it('stops reading an endless body early, on every route that takes one', async () => {
    const h = await agentHarness({ env: ENV })
    const broken: string[] = []
    for (const route of routesOf(h).filter((r) => takesBody(r.method))) {
      const w = await world(h)
      for (const type of [
        'application/json',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
      ]) {
        let sent = 0
        const chunk = new Uint8Array(64 * 1024).fill(0x20)
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            // 256 MB if the server read it all.
            if (sent >= 256 * MB) return controller.close()
            sent += chunk.length
            controller.enqueue(chunk)
          },
        })
        const request = new Request(`http://localhost${fill(route.path, w.params)}`, {
          method: route.method,
          headers: { ...w.credentials, 'Content-Type': type, 'Transfer-Encoding': 'chunked' },
          body,
          duplex: 'half',
        } as RequestInit)
        const res = await h.app.request(request)
        await res.body?.cancel()
        if (res.status >= 500) broken.push(`${route.method} ${route.path} (${type}): ${res.status}`)
        if (sent > h.config.limits.bodyBytes + 2 * chunk.length)
          broken.push(`${route.method} ${route.path} (${type}): read ${sent / MB} MB`)
      }
    }
    expect(broken).toEqual([])
  })

  it('opens no event stream for a HEAD request, so none is left behind', async () => {
    const h = await agentHarness({ env: ENV })
    const changes = new ChangeFeed()
    const listening = new Set<unknown>()
    const subscribe = changes.subscribe.bind(changes)
    changes.subscribe = (listener) => {
      listening.add(listener)
      const unsubscribe = subscribe(listener)
      return () => {
        listening.delete(listener)
        unsubscribe()
      }
    }
    const app = createApp(appDeps({ db: h.db, config: h.config, changes }))
    const head = await app.request('/api/v1/events', {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${h.token}` },
    })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const get = await app.request('/api/v1/events', {
      headers: { Authorization: `Bearer ${h.token}` },
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(listening.size).toBe(1)
    await get.body!.cancel()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(listening.size).toBe(0)
  })

  it('takes hostile path parameters', async () => {
    const h = await agentHarness({ env: ENV })
    const broken: string[] = []
    for (const route of routesOf(h).filter((r) => r.path.includes(':'))) {
      const w = await world(h)
      for (const param of HOSTILE_PARAMS) {
        const path = fill(route.path, w.params, param)
        const probe = {
          label: `param ${param.slice(0, 20)}`,
          method: route.method,
          path,
          headers: { ...w.credentials, 'Content-Type': 'application/json' },
        }
        broken.push(
          ...(await send(
            h,
            route,
            takesBody(route.method) ? { ...probe, body: JSON.stringify(w.valid) } : probe,
          )),
        )
      }
      // The real parameter with something after it.
      for (const suffix of ['/', '//', '/..', '%2F..', '?', '#x', '/x'.repeat(100)]) {
        const path = fill(route.path, w.params) + suffix
        broken.push(
          ...(await send(h, route, {
            label: `suffix ${suffix.slice(0, 10)}`,
            method: route.method,
            path,
            headers: w.credentials,
          })),
        )
      }
    }
    expect(broken).toEqual([])
  })

  it('takes hostile query strings', async () => {
    const h = await agentHarness({ env: ENV })
    const broken: string[] = []
    for (const route of routesOf(h)) {
      const w = await world(h)
      const path = fill(route.path, w.params)
      for (const query of HOSTILE_QUERIES) {
        const probe = {
          label: `?${query.slice(0, 30)}`,
          method: route.method,
          path: `${path}?${query}`,
          headers: w.credentials,
        }
        broken.push(
          ...(await send(
            h,
            route,
            takesBody(route.method)
              ? {
                  ...probe,
                  headers: { ...w.credentials, 'Content-Type': 'application/json' },
                  body: JSON.stringify(w.valid),
                }
              : probe,
          )),
        )
      }
    }
    expect(broken).toEqual([])
  })

  it('takes hostile headers', async () => {
    const h = await agentHarness({ env: ENV })
    const broken: string[] = []
    for (const route of routesOf(h)) {
      const w = await world(h)
      const path = fill(route.path, w.params)
      for (const extra of HOSTILE_HEADERS) {
        const label = Object.entries(extra)
          .map(([k, v]) => `${k}: ${v.slice(0, 20)}`)
          .join(', ')
        const headers = { ...w.credentials, 'Content-Type': 'application/json', ...extra }
        const probe: Probe = { label, method: route.method, path, headers }
        broken.push(
          ...(await send(
            h,
            route,
            takesBody(route.method) ? { ...probe, body: JSON.stringify(w.valid) } : probe,
          )),
        )
      }
    }
    expect(broken).toEqual([])
  })
})

describe('what the contract promises under attack', () => {
  const intake = (h: AgentHarness, body: FormData | string, headers: Record<string, string> = {}) =>
    h.app.request('/api/v1/tickets', {
      method: 'POST',
      headers: {
        'X-Snagbox-Key': h.project.key,
        ...(typeof body === 'string' ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body,
    })
  const form = (parts: [string, string | Blob, string?][]) => {
    const f = new FormData()
    for (const [name, value, filename] of parts) {
      if (typeof value === 'string') f.append(name, value)
      else f.append(name, value, filename ?? 'file')
    }
    return f
  }
  const blob = (bytes: Buffer | string, type = 'image/png') =>
    new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type })
  const payload = JSON.stringify({ description: 'Export fails' })

  async function refused(res: Response, status: number, code: string) {
    expect(res.status, await res.clone().text()).toBe(status)
    expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
    expect(await res.json()).toMatchObject({ status, code })
  }

  it('refuses multipart edge cases with the right problem and writes nothing', async () => {
    const h = await agentHarness({ env: ENV })
    const hugeClaim = Buffer.from(png(8, 8))
    hugeClaim.writeUInt32BE(100_000, 16)
    const cases: [string, FormData, number, string][] = [
      ['no payload part', form([['screenshot', blob(png(4, 4)), 's.png']]), 400, 'invalid_payload'],
      ['payload part that is not JSON', form([['payload', '{oops']]), 400, 'invalid_json'],
      ['payload part that is an array', form([['payload', '[1,2]']]), 400, 'invalid_payload'],
      [
        'payload part that is deeply nested',
        form([['payload', `{"description":"x","context":${deep(50_000, '{"a":', '}')}}`]]),
        400,
        'invalid_payload',
      ],
      [
        'screenshot as a text field',
        form([
          ['payload', payload],
          ['screenshot', 'iVBORw0KGgo='],
        ]),
        400,
        'invalid_payload',
      ],
      [
        'screenshot both as a part and in the payload',
        form([
          [
            'payload',
            JSON.stringify({ description: 'x', screenshot: dataUrl('image/png', png(2, 2)) }),
          ],
          ['screenshot', blob(png(2, 2)), 's.png'],
        ]),
        400,
        'invalid_payload',
      ],
      [
        'a GIF named .png',
        form([
          ['payload', payload],
          ['screenshot', blob('GIF89a\x01\x00\x01\x00'), 's.png'],
        ]),
        415,
        'invalid_image',
      ],
      [
        'an SVG claiming image/png',
        form([
          ['payload', payload],
          ['screenshot', blob(`<svg xmlns="http://www.w3.org/2000/svg">${XSS}</svg>`), 's.png'],
        ]),
        415,
        'invalid_image',
      ],
      [
        'a PNG signature and nothing else',
        form([
          ['payload', payload],
          ['screenshot', blob(png(8, 8).subarray(0, 8)), 's.png'],
        ]),
        415,
        'invalid_image',
      ],
      [
        'a PNG header claiming 100000 pixels',
        form([
          ['payload', payload],
          ['screenshot', blob(hugeClaim), 's.png'],
        ]),
        415,
        'invalid_image',
      ],
      [
        'a JPEG start and no frame',
        form([
          ['payload', payload],
          [
            'screenshot',
            blob(Buffer.from([0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0]), 'image/jpeg'),
            's.jpg',
          ],
        ]),
        415,
        'invalid_image',
      ],
      [
        'a WAVE file in RIFF',
        form([
          ['payload', payload],
          [
            'screenshot',
            blob(
              Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt '), Buffer.alloc(30)]),
              'image/webp',
            ),
            's.webp',
          ],
        ]),
        415,
        'invalid_image',
      ],
      [
        'a WebP with an unknown chunk',
        form([
          ['payload', payload],
          [
            'screenshot',
            blob(
              Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP9 '), Buffer.alloc(30)]),
              'image/webp',
            ),
            's.webp',
          ],
        ]),
        415,
        'invalid_image',
      ],
      [
        'an invalid payload with a valid image',
        form([
          ['payload', '{}'],
          ['screenshot', blob(png(4, 4)), 's.png'],
        ]),
        400,
        'invalid_payload',
      ],
    ]
    for (const [label, body, status, code] of cases) {
      const before = snapshot(h)
      const res = await intake(h, body)
      expect(res.status, label).toBe(status)
      await refused(res, status, code)
      expect(snapshot(h), label).toBe(before)
    }

    // What is well-formed goes through: a payload sent as a file part, JPEG and WebP headers, an empty screenshot part.
    for (const [label, body, type] of [
      [
        'payload as a file part',
        form([['payload', blob(payload, 'application/json'), 'p.json']]),
        null,
      ],
      [
        'a JPEG',
        form([
          ['payload', payload],
          ['screenshot', blob(jpegHeader(30, 20), 'image/jpeg'), 's.jpg'],
        ]),
        'image/jpeg',
      ],
      [
        'a WebP sent as image/png',
        form([
          ['payload', payload],
          ['screenshot', blob(webpHeader(30, 20)), 's.png'],
        ]),
        'image/webp',
      ],
      [
        'an empty screenshot part',
        form([
          ['payload', payload],
          ['screenshot', blob(Buffer.alloc(0)), 's.png'],
        ]),
        null,
      ],
    ] as const) {
      const res = await intake(h, body)
      expect(res.status, label).toBe(201)
      const { reference } = await res.json()
      const ticket = await (await h.api(`/api/v1/tickets/${reference}`)).json()
      expect(ticket.screenshot?.contentType ?? null, label).toBe(type)
    }
  })

  it('refuses a data-URL screenshot that lies about itself', async () => {
    const h = await agentHarness({ env: ENV })
    const cases: [string, string, number, string][] = [
      ['not base64', 'data:image/png;base64,!!!!', 400, 'invalid_payload'],
      [
        'an SVG',
        `data:image/svg+xml;base64,${Buffer.from(`<svg>${XSS}</svg>`).toString('base64')}`,
        400,
        'invalid_payload',
      ],
      ['a GIF', dataUrl('image/gif', Buffer.from('GIF89a')), 400, 'invalid_payload'],
      [
        'text called a PNG',
        dataUrl('image/png', Buffer.from('hello, I am a PNG')),
        415,
        'invalid_image',
      ],
      [
        'base64 with a line break',
        `data:image/png;base64,${png(4, 4)
          .toString('base64')
          .replace(/(.{10})/, '$1\n')}`,
        400,
        'invalid_payload',
      ],
    ]
    for (const [label, screenshot, status, code] of cases) {
      const before = snapshot(h)
      const res = await h.post({ description: label, screenshot })
      await refused(res, status, code)
      expect(snapshot(h), label).toBe(before)
    }
  })

  it('keeps screenshots under their own limit apart from the body limit', async () => {
    const h = await agentHarness({ env: { ...ENV, SNAGBOX_MAX_SCREENSHOT_BYTES: '1000' } })
    const big = png(200, 200, [0, 0, 0], true)
    expect(big.length).toBeGreaterThan(1000)
    await refused(
      await intake(
        h,
        form([
          ['payload', payload],
          ['screenshot', blob(big), 's.png'],
        ]),
      ),
      413,
      'payload_too_large',
    )
    await refused(
      await h.post({ description: 'x', screenshot: dataUrl('image/png', big) }),
      413,
      'payload_too_large',
    )
    expect(h.count('tickets')).toBe(0)
  })

  it('answers an Idempotency-Key retry with the same ticket only when it repeats the request', async () => {
    const h = await agentHarness({ env: ENV })
    const key = { 'Idempotency-Key': 'retry-1' }
    const first = await h.post({ description: 'First try' }, key)
    expect(first.status).toBe(201)
    const { id } = await first.json()
    const counts = snapshot(h)
    const tokens = h.count('reporter_tokens')

    const again = await h.post({ description: 'First try' }, key)
    expect(again.status).toBe(200)
    expect((await again.json()).id).toBe(id)
    const multipartRetry = await intake(h, form([['payload', '{"description":"First try"}']]), key)
    expect(multipartRetry.status).toBe(200)
    expect((await multipartRetry.json()).id).toBe(id)
    expect(h.count('reporter_tokens')).toBe(tokens + 2)

    // Anything else under the key is refused, and hands out no credential for its ticket.
    await refused(
      await h.post({ description: 'A different body on the retry' }, key),
      422,
      'idempotency_key_reused',
    )
    await refused(
      await intake(
        h,
        form([
          ['payload', '{"description":"First try"}'],
          ['screenshot', blob(png(4, 4)), 's.png'],
        ]),
        key,
      ),
      422,
      'idempotency_key_reused',
    )
    expect(h.count('reporter_tokens')).toBe(tokens + 2)
    expect(snapshot(h)).toBe(counts)

    // A retry that is itself bad is refused for what it is, and still writes nothing.
    await refused(await h.post({ description: '' }, key), 400, 'invalid_payload')
    await refused(await h.post('{', key), 400, 'invalid_json')
    expect(snapshot(h)).toBe(counts)

    // Keys differ by case and by project; a key at the limit works, one past it does not.
    expect((await h.post({ description: 'x' }, { 'Idempotency-Key': 'RETRY-1' })).status).toBe(201)
    const other = createProject(h.db, {
      name: 'Other',
      prefix: 'OTH',
      key: 'pk_test_other',
      origins: [ORIGIN],
    })
    const elsewhere = await h.post({ description: 'x' }, { ...key, 'X-Snagbox-Key': other.key })
    expect(elsewhere.status).toBe(201)
    expect((await elsewhere.json()).reference).toBe('OTH-1')
    expect(
      (
        await h.post(
          { description: 'x' },
          { 'Idempotency-Key': 'k'.repeat(h.config.limits.idempotencyKeyChars) },
        )
      ).status,
    ).toBe(201)
    const before = snapshot(h)
    for (const bad of [
      'k'.repeat(h.config.limits.idempotencyKeyChars + 1),
      '',
      ' ',
      'two words',
      '\u00e9',
    ]) {
      await refused(
        await h.post({ description: 'x' }, { 'Idempotency-Key': bad }),
        400,
        'invalid_payload',
      )
    }
    expect(snapshot(h)).toBe(before)
  })

  it('creates one ticket when retries of one key race, in JSON and multipart at once', async () => {
    const h = await agentHarness({ env: ENV })
    const key = { 'Idempotency-Key': 'race' }
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        // The same report both ways: a key is bound to its request (hostile-idempotency.test.ts).
        i % 2 ? intake(h, payload, key) : intake(h, form([['payload', payload]]), key),
      ),
    )
    expect(answers.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ])
    expect(new Set(await Promise.all(answers.map(async (r) => (await r.json()).id))).size).toBe(1)
    expect(h.count('tickets')).toBe(1)
  })

  it('lets exactly one of two writes with the same If-Match win; the other gets 412 and writes nothing', async () => {
    const h = await agentHarness({ env: ENV })
    const writes: [string, string, unknown, unknown][] = [
      ['PATCH', '', { priority: 'critical' }, { priority: 'low' }],
      ['PATCH', '', { assigneeId: 'me' }, { status: 'in_progress' }],
      [
        'POST',
        '/replies',
        { body: 'Which printer?', status: 'waiting_on_reporter' },
        { body: 'Fixed', status: 'resolved' },
      ],
      ['POST', '/notes', { body: 'one' }, { body: 'two' }],
      ['POST', '/split', { subject: 'a', description: 'a' }, { subject: 'b', description: 'b' }],
    ]
    for (const [method, suffix, a, b] of writes) {
      const { reference } = await h.file()
      const etag = (await h.api(`/api/v1/tickets/${reference}`)).headers.get('etag')!
      const send = (json: unknown) =>
        h.api(`/api/v1/tickets/${reference}${suffix}`, {
          method,
          json,
          headers: { 'If-Match': etag },
        })
      const answers = await Promise.all([send(a), send(b)])
      const label = `${method} ${suffix}`
      expect(answers.map((r) => r.status).sort(), label).toEqual(
        [method === 'PATCH' ? 200 : 201, 412].sort(),
      )
      const lost = answers.find((r) => r.status === 412)!
      expect(await lost.json(), label).toMatchObject({ status: 412, code: 'precondition_failed' })
      const ticket = await (await h.api(`/api/v1/tickets/${reference}`)).json()
      expect(ticket.version, label).toBe(2)
    }
    // Both mass-incident link and close-as-duplicate too.
    const mass = await h.file({ description: 'Nobody can log in', category: 'mass_incident' })
    const { reference } = await h.file()
    const etag = (await h.api(`/api/v1/tickets/${reference}`)).headers.get('etag')!
    const link = (json: unknown) =>
      h.api(`/api/v1/tickets/${reference}/link`, {
        method: 'POST',
        json,
        headers: { 'If-Match': etag },
      })
    const answers = await Promise.all([
      link({ parent: mass.reference }),
      link({ duplicateOf: mass.reference, comment: 'same' }),
    ])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 412])
  })

  it('keeps every ticket consistent whatever is asked of it, in whatever status it is', async () => {
    const h = await agentHarness({ env: ENV })
    const mass = await h.file({ description: 'Nobody can log in', category: 'mass_incident' })
    const other = await h.file({ description: 'Printing is slow' })
    const inStatus = async (status: string) => {
      const t = await h.file()
      const call = (suffix: string, method: string, json: unknown) =>
        h.api(`/api/v1/tickets/${t.reference}${suffix}`, { method, json })
      if (status === 'in_progress') await call('', 'PATCH', { assigneeId: 'me' })
      if (status === 'waiting_on_reporter')
        await call('/replies', 'POST', { body: 'Which printer?', status })
      if (status === 'resolved') await call('/replies', 'POST', { body: 'Fixed', status })
      if (status === 'closed') await h.reporter(t.statusUrl, '/withdraw', { method: 'POST' })
      expect((await (await h.api(`/api/v1/tickets/${t.reference}`)).json()).status).toBe(status)
      return t
    }
    type Ticket = Awaited<ReturnType<typeof inStatus>>
    const agent = (suffix: string, method: string, json: unknown) => (t: Ticket) =>
      h.api(`/api/v1/tickets/${t.reference}${suffix}`, { method, json })
    const reporter = (suffix: string, json: unknown) => (t: Ticket) =>
      h.reporter(t.statusUrl, suffix, { method: 'POST', json })
    const actions: [string, (t: Ticket) => Promise<Response>][] = []
    for (const status of [undefined, ...STATUSES]) {
      for (const closeReason of [undefined, ...CLOSE_REASONS]) {
        for (const reason of [undefined, 'Because']) {
          for (const duplicateOf of [undefined, other.reference]) {
            const json = { status, closeReason, reason, duplicateOf }
            actions.push([`PATCH ${JSON.stringify(json)}`, agent('', 'PATCH', json)])
          }
        }
      }
    }
    for (const status of [undefined, 'waiting_on_reporter', 'resolved'])
      actions.push([`reply ${status}`, agent('/replies', 'POST', { body: 'Try again', status })])
    actions.push(['note', agent('/notes', 'POST', { body: 'Internal' })])
    actions.push([
      'split',
      agent('/split', 'POST', { subject: 'Other', description: 'Another problem' }),
    ])
    actions.push([
      'duplicate',
      agent('/link', 'POST', { duplicateOf: other.reference, comment: 'Same' }),
    ])
    actions.push([
      'duplicate without comment',
      agent('/link', 'POST', { duplicateOf: other.reference }),
    ])
    actions.push(['child of a mass incident', agent('/link', 'POST', { parent: mass.reference })])
    actions.push(['reporter comment', reporter('/comments', { body: 'It happens again' })])
    actions.push(['reporter confirm', reporter('/confirm', {})])
    actions.push(['reporter reopen', reporter('/reopen', { reason: 'Still broken' })])
    actions.push(['reporter reopen without reason', reporter('/reopen', {})])
    actions.push(['reporter withdraw', reporter('/withdraw', { reason: 'Not needed' })])

    const inconsistent = () =>
      h.db.$client
        .prepare(
          `select reference, status, close_reason, duplicate_of_id from tickets
           where (status = 'closed') != (close_reason is not null)
              or (close_reason = 'duplicate' and duplicate_of_id is null)
              or (status = 'resolved' and (resolved_at is null or auto_close_due_at is null))
              or (status = 'closed' and closed_at is null)
              or status not in (${STATUSES.map((s) => `'${s}'`).join(', ')})`,
        )
        .all()
    const broken: string[] = []
    for (const status of STATUSES) {
      let ticket = await inStatus(status)
      for (const [label, act] of actions) {
        const before = snapshot(h)
        const version = (await (await h.api(`/api/v1/tickets/${ticket.reference}`)).json()).version
        const res = await act(ticket)
        const where = `${label} on a ${status} ticket`
        const text = await res.text()
        if (res.status >= 500) broken.push(`${where}: ${res.status} ${text}`)
        if (res.status >= 400) {
          if (res.headers.get('content-type') !== PROBLEM_CONTENT_TYPE)
            broken.push(`${where}: ${res.status} is not a problem`)
          if (snapshot(h) !== before)
            broken.push(`${where}: refused with ${res.status} but changed tickets`)
          continue
        }
        const after = (await (await h.api(`/api/v1/tickets/${ticket.reference}`)).json()).version
        if (after !== version + 1)
          broken.push(`${where}: ${res.status}, version ${version} → ${after}`)
        const bad = inconsistent()
        if (bad.length) broken.push(`${where}: left ${JSON.stringify(bad)}`)
        ticket = await inStatus(status)
      }
    }
    expect(broken).toEqual([])
  }, 30_000)

  it('never matches an If-Match that is not an ETag it gave out', async () => {
    const h = await agentHarness({ env: ENV })
    const { reference } = await h.file()
    for (const ifMatch of [
      'garbage',
      '"abc"',
      '"1", "2"',
      '"0"',
      '"01"',
      '"-1"',
      `"${'9'.repeat(400)}"`,
      '""',
      '1',
    ]) {
      const before = snapshot(h)
      const res = await h.api(`/api/v1/tickets/${reference}`, {
        method: 'PATCH',
        json: { priority: 'low' },
        headers: { 'If-Match': ifMatch },
      })
      await refused(res, 412, 'precondition_failed')
      expect(snapshot(h), ifMatch).toBe(before)
    }
    const good: [string, string][] = [
      ['"1"', 'low'],
      ['W/"2"', 'high'],
      [' "3" ', 'critical'],
      ['*', 'normal'],
    ]
    for (const [ifMatch, priority] of good) {
      const res = await h.api(`/api/v1/tickets/${reference}`, {
        method: 'PATCH',
        json: { priority },
        headers: { 'If-Match': ifMatch },
      })
      expect(res.status, ifMatch).toBe(200)
    }
  })

  it('counts a client behind the proxy by the address the proxy saw, not one it made up', async () => {
    const h = await agentHarness({ env: { SNAGBOX_RATE_LIMIT_IP: '3' } })
    const statuses = []
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await h.post({ description: 'x' }, { 'X-Forwarded-For': `10.0.0.${i}, 203.0.113.7` }))
          .status,
      )
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429])
    expect((await h.post({ description: 'x' }, { 'X-Forwarded-For': '203.0.113.8' })).status).toBe(
      201,
    )
  })

  it('lets no password in past the failed-login limit, not even the right one, nor guesses sent at once', async () => {
    const h = await agentHarness()
    const login = (password: string) =>
      h.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: h.agent.email, password }),
      })
    expect((await login('correct-horse')).status).toBe(200)
    const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`guess-${i}`)))
    expect(guesses.filter((r) => r.status === 401)).toHaveLength(20)
    expect(guesses.filter((r) => r.status === 429)).toHaveLength(20)
    const right = await login('correct-horse')
    await refused(right, 429, 'rate_limited')
    expect(right.headers.get('set-cookie')).toBeNull()
  })

  it('keeps the status token the only reporter credential', async () => {
    const h = await agentHarness({ env: ENV })
    const mine = await h.file()
    const theirs = await h.file()
    const before = snapshot(h)
    // Someone else's token, a token with a character changed, the agent's token: never another's ticket.
    const flipped = mine.token.slice(0, -1) + (mine.token.endsWith('A') ? 'B' : 'A')
    for (const token of [
      flipped,
      h.token,
      theirs.id,
      theirs.reference,
      mine.token.toLowerCase() === mine.token ? `${mine.token}x` : mine.token.toLowerCase(),
    ]) {
      const res = await h.app.request(`/api/v1/status/${token}/withdraw`, { method: 'POST' })
      await refused(res, 404, 'not_found')
    }
    expect(snapshot(h)).toBe(before)
  })
})
