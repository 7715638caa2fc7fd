import { connect } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PROBLEM_CONTENT_TYPE } from '@snagbox/sdk/contract'
import { loadConfig } from '../src/config.js'
import { openDatabase } from '../src/db/client.js'
import { createProject } from '../src/projects/store.js'
import { startServer } from '../src/serve.js'
import { agentHarness, type AgentHarness } from './harness.js'
import { dataUrl, png } from './images.js'

/*
 * The reporter's side under attack: a status link is a credential anyone holding it can script.
 * Floods of writes, image bombs, a screenshot's sandbox, ids leaking into the reporter's view,
 * and clients that hang up mid-request.
 */

const comment = (h: AgentHarness, statusUrl: string, body: string, address = '203.0.113.7') =>
  h.reporter(statusUrl, '/comments', {
    method: 'POST',
    json: { body },
    headers: { 'X-Forwarded-For': address },
  })

const formPost = (h: AgentHarness, token: string, form: string, fields: Record<string, string>) =>
  h.app.request(`/status/${token}/${form}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Forwarded-For': '203.0.113.7',
    },
    body: new URLSearchParams(fields).toString(),
  })

const count = (h: AgentHarness, sql: string, ...args: unknown[]) =>
  (h.db.$client.prepare(sql).get(...args) as { n: number }).n

const comments = (h: AgentHarness, ticketId: string) =>
  count(
    h,
    `select count(*) as n from ticket_events where ticket_id = ? and type = 'reporter_comment'`,
    ticketId,
  )

async function refused(res: Response, status: number, code: string) {
  expect(res.status, await res.clone().text()).toBe(status)
  expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE)
  expect(await res.json()).toMatchObject({ status, code })
}

const HOUR = 3600_000

describe("the reporter's writes, rate-limited", () => {
  it('stops a flood of comments on one status link after 30 an hour, writing nothing past it', async () => {
    let clock = Date.parse('2026-11-24T09:00:00Z')
    const h = await agentHarness({ now: () => new Date(clock) })
    const t = await h.file()
    const long = 'flood '.repeat(3_000)
    for (let i = 1; i <= 30; i++)
      expect((await comment(h, t.statusUrl, `${i} ${long}`)).status).toBe(201)
    const events = count(h, 'select count(*) as n from ticket_events')
    const indexed = count(h, 'select count(*) as n from ticket_search')
    for (let i = 0; i < 20; i++) {
      const res = await comment(h, t.statusUrl, long)
      await refused(res, 429, 'rate_limited')
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(3600)
    }
    // Every kind of write counts, and a fresh address changes nothing for this link.
    await refused(
      await h.reporter(t.statusUrl, '/withdraw', {
        method: 'POST',
        headers: { 'X-Forwarded-For': '198.51.100.1' },
      }),
      429,
      'rate_limited',
    )
    expect(comments(h, t.id)).toBe(30)
    expect(count(h, 'select count(*) as n from ticket_events')).toBe(events)
    expect(count(h, 'select count(*) as n from ticket_search')).toBe(indexed)
    expect((await (await h.reporter(t.statusUrl)).json()).status).toBe('new')

    // Reading is not writing; and an hour later the reporter may write again.
    expect((await h.reporter(t.statusUrl)).status).toBe(200)
    clock += HOUR + 60_000
    expect((await comment(h, t.statusUrl, 'Still there?')).status).toBe(201)
  })

  it('counts every status link of one request together', async () => {
    const h = await agentHarness()
    const key = { 'Idempotency-Key': 'retry-of-one-report' }
    const first = await h.post({ description: 'Export fails' }, key)
    const again = await h.post({ description: 'Export fails' }, key)
    const links = [first, again].map(
      async (r) => ((await r.json()) as { statusUrl: string }).statusUrl,
    )
    const [a, b] = await Promise.all(links)
    expect(a).not.toBe(b)
    for (let i = 0; i < 30; i++)
      expect((await comment(h, i % 2 ? a! : b!, `comment ${i}`)).status).toBe(201)
    await refused(await comment(h, a!, 'one more'), 429, 'rate_limited')
    await refused(await comment(h, b!, 'one more'), 429, 'rate_limited')
  })

  it('stops one address writing on many status links, and only that address', async () => {
    const h = await agentHarness({ env: { SNAGBOX_RATE_LIMIT_REPORTER_IP: '20' } })
    const tickets = []
    for (let i = 0; i < 25; i++) tickets.push(await h.file({ description: `Report ${i}` }))
    const answers = []
    for (const t of tickets) answers.push((await comment(h, t.statusUrl, 'me too')).status)
    expect(answers).toEqual([...Array(20).fill(201), ...Array(5).fill(429)])
    for (const t of tickets.slice(20)) expect(comments(h, t.id)).toBe(0)
    // Another reporter, elsewhere, is not held up by it.
    expect((await comment(h, tickets[24]!.statusUrl, 'mine', '192.0.2.44')).status).toBe(201)
  })

  it('limits the status page forms with the same budget, and says so on the page', async () => {
    const h = await agentHarness()
    const t = await h.file()
    for (let i = 0; i < 20; i++)
      expect((await comment(h, t.statusUrl, `api ${i}`)).status).toBe(201)
    for (let i = 0; i < 10; i++) {
      const res = await formPost(h, t.token, 'comment', { body: `form ${i}` })
      expect(res.status).toBe(303)
    }
    const res = await formPost(h, t.token, 'comment', { body: 'form, one too many' })
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const page = await res.text()
    expect(page).toContain('try again in')
    expect(page).toContain('<form') // the reporter keeps the page and what it offers
    const withdraw = await formPost(h, t.token, 'withdraw', { reason: 'never mind' })
    expect(withdraw.status).toBe(429)
    expect(comments(h, t.id)).toBe(30)
    expect((await (await h.reporter(t.statusUrl)).json()).status).toBe('new')
  })

  it('lets a real conversation through untouched', async () => {
    const h = await agentHarness()
    const t = await h.file({ description: 'Printing fails on the second floor' })
    const reply = (body: string, status?: string) =>
      h.api(`/api/v1/tickets/${t.reference}/replies`, { method: 'POST', json: { body, status } })
    for (let i = 1; i <= 12; i++) {
      expect((await reply(`Question ${i}?`, 'waiting_on_reporter')).status).toBe(201)
      expect((await comment(h, t.statusUrl, `Answer ${i}`)).status).toBe(201)
    }
    expect((await reply('Fixed: new driver', 'resolved')).status).toBe(201)
    const reopen = await h.reporter(t.statusUrl, '/reopen', {
      method: 'POST',
      json: { reason: 'Still fails on tray 2' },
      headers: { 'X-Forwarded-For': '203.0.113.7' },
    })
    expect(reopen.status).toBe(200)
    expect((await reply('Tray 2 fixed too', 'resolved')).status).toBe(201)
    expect((await formPost(h, t.token, 'confirm', {})).status).toBe(303)
    const view = await (await h.reporter(t.statusUrl)).json()
    expect(view).toMatchObject({ status: 'closed', closeReason: 'confirmed' })
    expect(comments(h, t.id)).toBe(12)
  })
})

describe('the search index, one row per comment', () => {
  const ftsRow = (h: AgentHarness, rowid: number) =>
    h.db.$client
      .prepare('select subject, description, conversation from ticket_search where rowid = ?')
      .get(rowid) as { subject: string; description: string; conversation: string } | undefined

  it('indexes each comment once, at its own length, and finds the 1st and the 100th', async () => {
    const h = await agentHarness({ env: { SNAGBOX_RATE_LIMIT_REPORTER: '1000' } })
    const t = await h.file({ subject: 'Exporter crashes', description: 'On large workbooks' })
    const filler = 'lorem ipsum dolor '.repeat(500).trim()
    for (let i = 1; i <= 100; i++) {
      const res = await comment(h, t.statusUrl, `marker${i}word ${filler}`)
      expect(res.status).toBe(201)
    }
    const longest = count(h, 'select max(length(conversation)) as n from ticket_search')
    expect(longest).toBeLessThanOrEqual(`marker100word ${filler}`.length)
    // One row for the ticket and one per comment: the 100th wrote its own, not all hundred again.
    expect(count(h, 'select count(*) as n from ticket_search')).toBe(101)
    const firstComment = h.db.$client
      .prepare(
        `select id from ticket_events where ticket_id = ? and type = 'reporter_comment' order by id limit 1`,
      )
      .get(t.id) as { id: number }
    expect(ftsRow(h, firstComment.id)?.conversation).toBe(`marker1word ${filler}`)

    const found = async (q: string) =>
      (
        (await (await h.api(`/api/v1/tickets?q=${encodeURIComponent(q)}`)).json()) as {
          items: { reference: string }[]
        }
      ).items.map((i) => i.reference)
    expect(await found('marker1word')).toEqual([t.reference])
    expect(await found('marker100word')).toEqual([t.reference])
    // Words of one query may come from different parts of the ticket.
    expect(await found('exporter marker50word')).toEqual([t.reference])
    expect(await found('workbooks marker7')).toEqual([t.reference])
    expect(await found('exporter nonexistentword')).toEqual([])
  })

  it('finds a ticket by any word of its subject, description, replies, comments and reasons', async () => {
    const h = await agentHarness()
    const other = await h.file({ description: 'Unrelated noise' })
    const t = await h.file({ subject: 'Alphasubject', description: 'Betadescription here' })
    const agent = (suffix: string, json: unknown) =>
      h.api(`/api/v1/tickets/${t.reference}${suffix}`, { method: 'POST', json })
    await agent('/replies', { body: 'Gammareply please', status: 'resolved' })
    await h.reporter(t.statusUrl, '/reopen', { method: 'POST', json: { reason: 'Deltareason' } })
    await comment(h, t.statusUrl, 'Epsiloncomment')
    await agent('/notes', { body: 'Zetainternal' })
    await agent('/link', { duplicateOf: other.reference, comment: 'Etaclosing' })
    const found = async (q: string) =>
      (
        (await (await h.api(`/api/v1/tickets?q=${q}`)).json()) as { items: { reference: string }[] }
      ).items.map((i) => i.reference)
    for (const word of [
      'alphasubject',
      'betadescription',
      'gammareply',
      'deltareason',
      'epsiloncomment',
      'etaclosing',
    ])
      expect([word, await found(word)]).toEqual([word, [t.reference]])
    expect(await found('zetainternal')).toEqual([]) // internal notes stay out of the index
  })

  it('keeps finding tickets indexed the old way, one row holding the whole conversation', async () => {
    const h = await agentHarness()
    const t = await h.file({ subject: 'Scanner jams', description: 'Every morning' })
    await comment(h, t.statusUrl, 'Oldcomment from last year')
    // Rebuild the ticket's index as the earlier code left it: one row, keyed by `created`.
    const created = h.db.$client
      .prepare(`select id from ticket_events where ticket_id = ? and type = 'created'`)
      .get(t.id) as { id: number }
    h.db.$client.prepare('delete from ticket_search').run()
    h.db.$client
      .prepare(
        'insert into ticket_search (rowid, subject, description, conversation) values (?, ?, ?, ?)',
      )
      .run(created.id, 'Scanner jams', 'Every morning', 'Oldcomment from last year')

    const res = await comment(h, t.statusUrl, 'Newcomment today')
    expect(res.status).toBe(201)
    // The old row is left as it was; the new comment has a row of its own.
    expect(ftsRow(h, created.id)?.conversation).toBe('Oldcomment from last year')
    expect(count(h, 'select count(*) as n from ticket_search')).toBe(2)
    for (const q of ['oldcomment', 'newcomment', 'scanner', 'morning', 'scanner newcomment']) {
      const list = (await (await h.api(`/api/v1/tickets?q=${encodeURIComponent(q)}`)).json()) as {
        items: unknown[]
      }
      expect([q, list.items.length]).toEqual([q, 1])
    }
  })
})

describe('image bombs', () => {
  /** A real PNG's header claiming any size: the sniffer reads the size from IHDR. */
  const claiming = (width: number, height: number) => {
    const bytes = Buffer.from(png(8, 8))
    bytes.writeUInt32BE(width, 16)
    bytes.writeUInt32BE(height, 20)
    return bytes
  }
  const multipart = (bytes: Buffer) => {
    const form = new FormData()
    form.set('payload', JSON.stringify({ description: 'Look at this' }))
    form.set('screenshot', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 's.png')
    return form
  }
  const postForm = (h: AgentHarness, body: FormData) =>
    h.app.request('/api/v1/tickets', {
      method: 'POST',
      headers: { 'X-Snagbox-Key': h.project.key },
      body,
    })

  it('refuses a small PNG that claims 16384 × 16384 pixels with 413, writing nothing', async () => {
    const h = await agentHarness()
    const bomb = claiming(16_384, 16_384)
    expect(bomb.length).toBeLessThan(1024)
    await refused(
      await h.post({ description: 'x', screenshot: dataUrl('image/png', bomb) }),
      413,
      'payload_too_large',
    )
    await refused(await postForm(h, multipart(bomb)), 413, 'payload_too_large')
    // Each side within its own limit, the whole not: 7000 × 6000 is 42 million pixels.
    await refused(await postForm(h, multipart(claiming(7000, 6000))), 413, 'payload_too_large')
    expect(h.count('tickets')).toBe(0)
    expect(h.count('attachments')).toBe(0)
    expect(h.count('ticket_events')).toBe(0)
  })

  it('takes real screens: 1920 × 1080, an 8K screen and a tall 1920 × 12000 page', async () => {
    const h = await agentHarness()
    for (const [w, hgt] of [
      [1920, 1080],
      [1920, 12_000],
    ] as const) {
      const res = await postForm(h, multipart(Buffer.from(png(w, hgt))))
      expect([w, hgt, res.status]).toEqual([w, hgt, 201])
    }
    const res = await h.post({
      description: '8K',
      screenshot: dataUrl('image/png', claiming(7680, 4320)),
    })
    expect(res.status).toBe(201)
    const sizes = h.db.$client
      .prepare('select width, height from attachments order by width, height')
      .all()
    expect(sizes).toEqual([
      { width: 1920, height: 1080 },
      { width: 1920, height: 12000 },
      { width: 7680, height: 4320 },
    ])
  })

  it('follows --max-screenshot-total-pixels', async () => {
    const h = await agentHarness({ env: { SNAGBOX_MAX_SCREENSHOT_TOTAL_PIXELS: '2000000' } })
    expect((await postForm(h, multipart(claiming(1920, 1040)))).status).toBe(201)
    const res = await postForm(h, multipart(claiming(1920, 1080)))
    await refused(res, 413, 'payload_too_large')
    expect(h.count('tickets')).toBe(1)
  })
})

describe("the screenshot's own sandbox", () => {
  it('keeps default-src none and sandbox on both screenshot routes; other answers keep the global policy', async () => {
    const h = await agentHarness()
    const res = await h.post({ description: 'x', screenshot: dataUrl('image/png', png(40, 30)) })
    const { statusUrl, reference } = (await res.json()) as { statusUrl: string; reference: string }
    for (const shot of [
      await h.api(`/api/v1/tickets/${reference}/screenshot`),
      await h.reporter(statusUrl, '/screenshot'),
    ]) {
      expect(shot.status).toBe(200)
      expect(shot.headers.get('content-type')).toBe('image/png')
      expect(shot.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    }
    for (const other of [
      await h.reporter(statusUrl),
      await h.app.request(`/status/${statusUrl.split('/status/')[1]}`),
      await h.api(`/api/v1/tickets/${reference}`),
      await h.app.request('/healthz'),
    ]) {
      expect(other.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(other.headers.get('content-security-policy')).toContain("default-src 'self'")
    }
  })
})

describe("the reporter's view, without ids", () => {
  it('carries no agent id, API token id or ticket id after a token reply, a split, a duplicate, a mass incident and its resolution', async () => {
    const h = await agentHarness()
    const agent = (ref: string, suffix: string, method: string, json: unknown) =>
      h.api(`/api/v1/tickets/${ref}${suffix}`, { method, json })
    const main = await h.file({ description: 'The VPN drops every hour' })
    const dup = await h.file({ description: 'VPN drops for me too' })
    const mass = await h.file({
      description: 'Nobody can reach the VPN',
      category: 'mass_incident',
    })
    const child = await h.file({ description: 'VPN down at the branch office' })

    expect((await agent(main.reference, '', 'PATCH', { assigneeId: 'me' })).status).toBe(200)
    expect(
      (await agent(main.reference, '/replies', 'POST', { body: 'Looking into it' })).status,
    ).toBe(201)
    const split = await agent(main.reference, '/split', 'POST', {
      subject: 'Printer too',
      description: 'Also the printer is offline',
    })
    expect(split.status).toBe(201)
    const splitTicket = (await split.json()) as { id: string; reference: string; statusUrl: string }
    const linkDup = await agent(dup.reference, '/link', 'POST', {
      duplicateOf: main.reference,
      comment: 'Same as the first report',
    })
    expect(linkDup.status).toBe(200)
    expect((await agent(child.reference, '/link', 'POST', { parent: mass.reference })).status).toBe(
      200,
    )
    const resolve = await agent(mass.reference, '/replies', 'POST', {
      body: 'The VPN gateway is back',
      status: 'resolved',
    })
    expect(resolve.status).toBe(201)
    expect(
      (await agent(main.reference, '/replies', 'POST', { body: 'Fixed', status: 'resolved' }))
        .status,
    ).toBe(201)

    const tokenIds = (
      h.db.$client.prepare('select id from api_tokens').all() as { id: string }[]
    ).map((r) => r.id)
    const ticketIds = (
      h.db.$client.prepare('select id from tickets').all() as { id: string }[]
    ).map((r) => r.id)
    expect(tokenIds).toHaveLength(1)
    expect(ticketIds).toHaveLength(5)
    const secrets = [h.agent.id, ...tokenIds, ...ticketIds]

    // The agent's own view still names them all (it needs them): the test looks for real ids.
    const agentJson = await (await h.api(`/api/v1/tickets/${main.reference}`)).text()
    expect(agentJson).toContain(h.agent.id)
    expect(agentJson).toContain(tokenIds[0])
    expect(agentJson).toContain(splitTicket.id)

    for (const link of [
      main.statusUrl,
      dup.statusUrl,
      mass.statusUrl,
      child.statusUrl,
      splitTicket.statusUrl,
    ]) {
      const json = await (await h.reporter(link)).text()
      const page = await (await h.app.request(`/status/${link.split('/status/')[1]}`)).text()
      for (const secret of secrets) {
        expect(json.includes(secret), `${secret} in ${json}`).toBe(false)
        expect(page.includes(secret), `${secret} in the status page`).toBe(false)
      }
    }

    // Where the reporter should see a link, the reference stands in for the id.
    const view = async (link: string) =>
      (await (await h.reporter(link)).json()) as {
        duplicateOf: string | null
        splitFrom: string | null
        timeline: { type: string; actor: { name: string | null }; data: Record<string, unknown> }[]
      }
    const mainView = await view(main.statusUrl)
    expect(mainView.timeline.find((e) => e.type === 'split')?.data).toEqual({
      reference: splitTicket.reference,
    })
    // How support organises its work is not the reporter's: no assignment, priority or category.
    expect(mainView.timeline.map((e) => e.type)).not.toContain('assigned')
    const reply = mainView.timeline.find((e) => e.type === 'public_reply')
    expect(reply).toMatchObject({ actor: { name: 'Ann Agent' }, data: { body: 'Looking into it' } })
    const dupView = await view(dup.statusUrl)
    expect(dupView.duplicateOf).toBe(main.reference)
    expect(dupView.timeline.find((e) => e.type === 'closed')?.data).toMatchObject({
      closeReason: 'duplicate',
      comment: 'Same as the first report',
      duplicateOf: main.reference,
    })
    expect(dupView.timeline.find((e) => e.type === 'linked')?.data).toEqual({
      relation: 'duplicate_of',
      reference: main.reference,
    })
    const childView = await view(child.statusUrl)
    expect(childView.timeline.find((e) => e.type === 'linked')?.data).toEqual({
      relation: 'child_of',
      reference: mass.reference,
    })
    expect(childView.timeline.find((e) => e.type === 'public_reply')?.data).toMatchObject({
      body: 'The VPN gateway is back',
      parent: mass.reference,
    })
    const splitView = await view(splitTicket.statusUrl)
    expect(splitView.splitFrom).toBe(main.reference)
    expect(splitView.timeline[0]?.data).toMatchObject({ splitFrom: main.reference })

    // The status page still tells the story it told.
    const page = await (await h.app.request(`/status/${main.token}`)).text()
    for (const text of [
      'Support replied',
      'Looking into it',
      'Support · Ann Agent',
      'A separate request was created from this one',
    ])
      expect(page).toContain(text)
    const dupPage = await (await h.app.request(`/status/${dup.token}`)).text()
    expect(dupPage).toContain(`Duplicate of ${main.reference}`)
    expect(dupPage).toContain('Same as the first report')
  })
})

describe('a client that hangs up mid-request', () => {
  const logged: string[] = []
  afterEach(() => {
    vi.restoreAllMocks()
    logged.length = 0
  })

  it('costs one short line at most, no stack, and writes nothing', async () => {
    for (const level of ['error', 'warn', 'info', 'log'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(
          args.map((a) => (a instanceof Error ? (a.stack ?? String(a)) : String(a))).join(' '),
        )
      })
    const db = openDatabase(':memory:')
    const project = createProject(db, {
      name: 'Demo',
      prefix: 'DEMO',
      key: 'pk_test_demo_key',
      origins: [],
    })
    const running = await startServer(db, loadConfig({}, { port: '0', host: '127.0.0.1' }))
    try {
      const filed = await fetch(`${running.url}/api/v1/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Snagbox-Key': project.key },
        body: JSON.stringify({ description: 'hello there' }),
      })
      const { statusUrl } = (await filed.json()) as { statusUrl: string }
      const token = statusUrl.split('/status/')[1]
      const { port } = new URL(running.url)
      const halfBody = (path: string, type: string, body: string, extra = '') =>
        new Promise<void>((resolve) => {
          const socket = connect(Number(port), '127.0.0.1', () => {
            socket.write(
              `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: ${type}\r\nContent-Length: 5000\r\n${extra}\r\n${body}`,
            )
            setTimeout(() => socket.destroy(), 100)
          })
          socket.on('close', () => setTimeout(resolve, 200))
          socket.on('error', () => {})
        })
      const before = db.$client.prepare('select count(*) as n from ticket_events').get()
      await halfBody(`/api/v1/status/${token}/comments`, 'application/json', '{"body":"half')
      await halfBody(`/status/${token}/comment`, 'application/x-www-form-urlencoded', 'body=half')
      const key = `X-Snagbox-Key: ${project.key}\r\n`
      await halfBody('/api/v1/tickets', 'application/json', '{"description":"half', key)
      expect(db.$client.prepare('select count(*) as n from ticket_events').get()).toEqual(before)
      expect(logged.filter((line) => /\n\s+at /.test(line))).toEqual([])
      expect(logged.length).toBeLessThanOrEqual(3)
      for (const line of logged) {
        expect(line.length).toBeLessThan(200)
        expect(line).not.toContain(token) // a reporter's token never reaches the log
      }
    } finally {
      await running.close(100)
      db.$client.close()
    }
  })
})

describe('search with a rare word and a common one', () => {
  it('finds a ticket by a rare word in a comment and a common word in its subject, and only it', async () => {
    const h = await agentHarness({ env: { SNAGBOX_RATE_LIMIT_IP: '1000' } })
    for (let i = 0; i < 30; i++) await h.file({ description: `Export fails on invoice ${i}` })
    const { statusUrl } = await h.file({ description: 'Export fails on the yearly report' })
    await h.reporter(statusUrl, '/comments', {
      method: 'POST',
      json: { body: 'Error code zq7731' },
    })
    const found = async (q: string) =>
      (
        (await (await h.api(`/api/v1/tickets?q=${encodeURIComponent(q)}`)).json()) as {
          items: { reference: string }[]
        }
      ).items.map((t) => t.reference)
    expect(await found('export zq7731')).toEqual(['DEMO-31'])
    expect(await found('zq7731 export')).toEqual(['DEMO-31'])
    expect(await found('export export zq7731')).toEqual(['DEMO-31'])
    expect(await found('export invoice')).toHaveLength(25) // a page
    expect(await found('zq7731 printer')).toEqual([])
  })
})
