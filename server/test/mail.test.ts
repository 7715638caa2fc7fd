import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAgent, updateAgent } from '../src/auth/agents.js'
import { createApiToken } from '../src/auth/tokens.js'
import { loadConfig } from '../src/config.js'
import { openDatabase, type Db } from '../src/db/client.js'
import { createProject } from '../src/projects/store.js'
import { startServer, type RunningServer } from '../src/serve.js'
import { freePort } from '../../sdk/test/browser-harness.js'
import './harness.js'
import { smtpCatcher, type Caught, type SmtpCatcher } from './smtp-catcher.js'

/*
 * E-mail to the reporter and to agents, end to end: a real server sends through a real SMTP
 * server in this process; the tests read the raw MIME and follow its links against the server.
 */

let smtp: SmtpCatcher
let server: RunningServer
let db: Db
let dir: string
let key: string
let bot: string

beforeAll(async () => {
  smtp = await smtpCatcher()
})
afterAll(() => smtp.close())

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snagbox-mail-'))
  db = openDatabase(join(dir, 'snagbox.db'))
  key = createProject(db, {
    name: 'Kvant Energo',
    prefix: 'KVT',
    origins: ['https://app.kvant.example'],
    mailFrom: '"Kvant support" <support@kvant.example>',
    timeZone: 'Europe/Moscow',
  }).key
  const ann = await createAgent(db, {
    email: 'ann@kvant.example',
    name: 'Ann',
    password: 'ann-password',
    projects: ['KVT'],
  })
  bot = createApiToken(db, { email: ann.email, name: 'tests' }).token
  smtp.messages.length = 0
  const port = String(await freePort())
  const config = loadConfig({}, { port, host: '127.0.0.1', 'smtp-url': smtp.url })
  server = await startServer(db, config)
})

afterEach(async () => {
  await server.close(0)
  db.$client.close()
  await rm(dir, { recursive: true, force: true })
})

async function file(body: Record<string, unknown>) {
  const res = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Snagbox-Key': key,
      Origin: 'https://app.kvant.example',
    },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { reference: string; statusUrl: string; mailTo: string | null }
}

const agent = (path: string, json?: unknown) =>
  fetch(`${server.url}/api/v1/tickets/${path}`, {
    method: json ? 'POST' : 'GET',
    headers: {
      Authorization: `Bearer ${bot}`,
      ...(json ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(json ? { body: JSON.stringify(json) } : {}),
  })

const reporterMail = (to = 'anna@example.com') => smtp.messages.filter((m) => m.to.includes(to))
const linkIn = (m: Caught, pattern: RegExp) => m.mail.text!.match(pattern)?.[0]

const ANNA = { name: 'Anna Petrova', email: 'anna@example.com' }

describe('e-mail to the reporter', () => {
  it('tells the reporter the reference and a working status link, in the report language', async () => {
    const { reference, mailTo } = await file({
      description: 'Export fails with error 0x80070005',
      reporter: ANNA,
      environment: { locale: 'ru-RU' },
    })
    // What the widget's success screen tells the reporter.
    expect(mailTo).toBe('a***@example.com')
    const [received] = await smtp.waitFor(1)
    expect(received!.to).toEqual(['anna@example.com'])
    expect(received!.mail.subject).toBe(
      `[${reference}] Обращение получено: Export fails with error 0x80070005`,
    )
    expect(received!.mail.from).toEqual({ name: 'Kvant support', address: 'support@kvant.example' })
    expect(received!.header('Auto-Submitted')).toBe('auto-generated')
    expect(received!.header('Message-ID')).toMatch(
      new RegExp(`^<${reference}\\.\\d+\\.received\\.[0-9a-f]{8}@kvant\\.example>$`),
    )
    expect(received!.header('References')).toBe(`<${reference}@kvant.example>`)
    expect(received!.mail.text).toContain('Здравствуйте, Anna Petrova!')
    expect(received!.mail.text).toContain(reference)
    expect(received!.mail.html).toContain('Мы получили ваше обращение')
    const link = linkIn(received!, /http:\/\/127\.0\.0\.1:\d+\/status\/[\w-]+\?lang=ru/)!
    expect(link).toBeTruthy()
    const page = await fetch(link)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(reference)
    expect(html).toContain('Мы напишем вам на a***@example.com')
  })

  it('sends nothing to a reporter without an e-mail, and escapes what the reporter typed', async () => {
    expect((await file({ description: 'No address given' })).mailTo).toBeNull()
    await file({
      description: '<script>alert(1)</script> & <img src=https://evil.test/x.png>',
      reporter: { name: '<b>Eve</b>', email: 'eve@example.com' },
    })
    const [mail] = await smtp.waitFor(1)
    expect(mail!.to).toEqual(['eve@example.com'])
    expect(mail!.mail.html).not.toMatch(/<script|<img|<b>Eve/)
    expect(mail!.mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt;')
    expect(mail!.mail.subject).toContain('&')
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.messages).toHaveLength(1)
  })

  it('delivers a question, and a solution whose "yes, solved" link closes only when clicked', async () => {
    const { reference } = await file({ description: 'Printing fails', reporter: ANNA })
    await smtp.waitFor(1)
    await agent(`${reference}/replies`, {
      body: 'Which printer is it?',
      status: 'waiting_on_reporter',
    })
    const [, question] = await smtp.waitFor(2)
    expect(question!.mail.subject).toBe(
      `[${reference}] Support needs more information: Printing fails`,
    )
    expect(question!.mail.text).toContain('> Which printer is it?')
    expect(question!.mail.text).toContain('Reply to this e-mail')
    await agent(`${reference}/replies`, { body: 'Update the driver to 4.2', status: 'resolved' })
    const [, , solution] = await smtp.waitFor(3)
    expect(solution!.mail.subject).toBe(`[${reference}] Solution provided: Printing fails`)
    expect(solution!.mail.text).toMatch(/Without an answer the request closes itself on .*2026/)
    const yes = linkIn(solution!, /http:\/\/\S+&do=confirm/)!
    const no = linkIn(solution!, /http:\/\/\S+&do=reopen#reopen/)!
    expect(yes && no).toBeTruthy()
    // A mail scanner fetching both links changes nothing.
    const seen = await (await fetch(yes)).text()
    await fetch(no)
    expect(seen).toContain('autofocus')
    expect(((await (await agent(reference)).json()) as { status: string }).status).toBe('resolved')
    // Pressing the button of the page the link opened closes it.
    const form = /<form method="post" action="([^"]+\/confirm[^"]*)"/.exec(seen)![1]!
    const base = new URL(yes)
    const done = await fetch(new URL(form.replace(/&amp;/g, '&'), base), {
      method: 'POST',
      redirect: 'manual',
    })
    expect(done.status).toBe(303)
    expect(((await (await agent(reference)).json()) as { status: string }).status).toBe('closed')
    const [, , , closed] = await smtp.waitFor(4)
    expect(closed!.mail.subject).toBe(`[${reference}] Your request is closed: Printing fails`)
    expect(closed!.mail.text).toContain('You confirmed the solution')
  })

  it('names a duplicate by reference, links it only for the same reporter, and shows the delivery in the ticket', async () => {
    const original = await file({
      description: 'Invoices do not print',
      reporter: { email: 'boris@example.com' },
    })
    const copy = await file({ description: 'Cannot print invoices', reporter: ANNA })
    await smtp.waitFor(2)
    const res = await agent(`${copy.reference}/link`, {
      duplicateOf: original.reference,
      comment: 'Same printer driver problem',
    })
    expect(res.status).toBe(200)
    const [closed] = (await smtp.waitFor(3)).slice(2)
    expect(closed!.to).toEqual(['anna@example.com'])
    expect(closed!.mail.text).toContain(`same problem as ${original.reference} (received)`)
    expect(closed!.mail.text).toContain('> Same printer driver problem')
    // Boris's request is not Anna's to read.
    expect(closed!.mail.text!.match(/\/status\//g)).toHaveLength(1)
    const ticket = (await (await agent(copy.reference)).json()) as {
      emails: { kind: string; to: string; state: string }[]
    }
    await expect
      .poll(async () =>
        ((await (await agent(copy.reference)).json()) as typeof ticket).emails.map((e) => [
          e.kind,
          e.to,
          e.state,
        ]),
      )
      .toEqual([
        ['closed', 'anna@example.com', 'sent'],
        ['received', 'anna@example.com', 'sent'],
      ])
  })
})

describe('the ticket as agents cache it', () => {
  it('changes its ETag when an e-mail is delivered, and takes that ETag for a write', async () => {
    await smtp.stop()
    const { reference } = await file({ description: 'Printing fails', reporter: ANNA })
    await new Promise((r) => setTimeout(r, 300))
    const before = (await agent(reference)).headers.get('etag')!
    expect(before).toMatch(/^"1\.[\w-]{22}"$/)
    await smtp.start()
    db.$client.prepare("update mail_outbox set next_attempt_at = '2000-01-01T00:00:00.000Z'").run()
    await smtp.waitFor(1, 15_000)
    await expect.poll(async () => (await agent(reference)).headers.get('etag')).not.toBe(before)
    const cached = await fetch(`${server.url}/api/v1/tickets/${reference}`, {
      headers: { Authorization: `Bearer ${bot}`, 'If-None-Match': before },
    })
    expect(cached.status).toBe(200)
    expect(((await cached.json()) as { emails: { state: string }[] }).emails[0]!.state).toBe('sent')
    // The version is what If-Match guards: an e-mail delivered meanwhile is no conflict.
    const write = await fetch(`${server.url}/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${bot}`,
        'Content-Type': 'application/json',
        'If-Match': before,
      },
      body: JSON.stringify({ priority: 'high' }),
    })
    expect(write.status).toBe(200)
  }, 30_000)
})

describe('e-mail to agents', () => {
  it('tells every agent of the project of an urgent ticket, and of others only those who asked', async () => {
    await createAgent(db, {
      email: 'bob@kvant.example',
      name: 'Bob',
      password: 'bob-password',
      projects: ['KVT'],
    })
    await createAgent(db, { email: 'cy@other.example', name: 'Cy', password: 'cy-password' })
    updateAgent(db, 'bob@kvant.example', { notifications: { newTickets: 'all' } })
    const urgent = await file({
      description: 'Nothing starts',
      priority: 'critical',
      category: 'mass_incident',
    })
    await file({ description: 'A typo in the menu' })
    await smtp.waitFor(3)
    await new Promise((r) => setTimeout(r, 300))
    const got = smtp.messages.map((m) => [m.to[0], m.mail.subject])
    expect(got).toHaveLength(3)
    expect(got).toEqual(
      expect.arrayContaining([
        [
          'ann@kvant.example',
          expect.stringMatching(
            new RegExp(`^\\[${urgent.reference}\\] New request \\(critical\\)`),
          ),
        ],
        ['bob@kvant.example', expect.stringContaining(urgent.reference)],
        ['bob@kvant.example', expect.stringContaining('A typo in the menu')],
      ]),
    )
    const mail = smtp.messages.find((m) => m.to[0] === 'ann@kvant.example')!
    expect(mail.mail.text).toContain(`/inbox/tickets/${urgent.reference}`)
  })

  it("tells the assignee of the reporter's answer, and nobody who turned it off", async () => {
    const { reference, statusUrl } = await file({ description: 'Printing fails', reporter: ANNA })
    await agent(`${reference}/replies`, { body: 'Which printer?', status: 'waiting_on_reporter' })
    await smtp.waitFor(2)
    const token = statusUrl.split('/status/')[1]
    await fetch(`${server.url}/api/v1/status/${token}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'An HP LaserJet 1020' }),
    })
    const [activity] = (await smtp.waitFor(3)).slice(2)
    expect(activity!.to).toEqual(['ann@kvant.example'])
    expect(activity!.mail.subject).toBe(`[${reference}] The reporter answered: Printing fails`)
    expect(activity!.mail.text).toContain('> An HP LaserJet 1020')
    const me = await fetch(`${server.url}/api/v1/me`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${bot}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ notifications: { activity: false } }),
    })
    expect(((await me.json()) as { notifications: unknown }).notifications).toEqual({
      newTickets: 'urgent',
      activity: false,
    })
    await fetch(`${server.url}/api/v1/status/${token}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'Any news?' }),
    })
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.messages).toHaveLength(3)
  })
})

describe('delivery', () => {
  it('keeps every e-mail while the SMTP server is down and sends each exactly once when it is back', async () => {
    await smtp.stop()
    const filed = []
    for (let i = 0; i < 3; i++)
      filed.push(
        await file({ description: `Report ${i}`, reporter: { email: `r${i}@example.com` } }),
      )
    await agent(`${filed[0]!.reference}/replies`, { body: 'Looking into it' })
    await new Promise((r) => setTimeout(r, 300))
    const pending = db.$client
      .prepare("select count(*) n, max(attempts) a from mail_outbox where state = 'pending'")
      .get() as { n: number; a: number }
    expect(pending.n).toBe(4)
    expect(pending.a).toBeGreaterThanOrEqual(1)
    await smtp.start()
    // The retry is due within the backoff's first step; bring it forward instead of waiting.
    db.$client.prepare("update mail_outbox set next_attempt_at = '2000-01-01T00:00:00.000Z'").run()
    await smtp.waitFor(4, 15_000)
    await new Promise((r) => setTimeout(r, 500))
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([
      'r0@example.com',
      'r0@example.com',
      'r1@example.com',
      'r2@example.com',
    ])
    const states = db.$client.prepare('select state, last_error from mail_outbox').all() as {
      state: string
    }[]
    expect(states.every((s) => s.state === 'sent')).toBe(true)
  }, 30_000)
})

describe('every e-mail to the reporter, in both languages', () => {
  const patch = (ref: string, json: unknown) =>
    fetch(`${server.url}/api/v1/tickets/${ref}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${bot}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(json),
    })
  const reporterDoes = (statusUrl: string, action: string, json: unknown = {}) =>
    fetch(`${server.url}/api/v1/status/${statusUrl.split('/status/')[1]}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(json),
    })

  for (const [locale, words] of [
    [
      'en-GB',
      {
        received: 'Your request is received',
        reply: 'Support replied',
        question: 'Support needs more information',
        resolved: 'Solution provided',
        reminder: 'Reminder: does the solution work?',
        closed: 'Your request is closed',
        reopened: 'Your request is back in work',
        split: 'A separate request was created',
      },
    ],
    [
      'ru',
      {
        received: 'Обращение получено',
        reply: 'Ответ поддержки',
        question: 'Поддержке нужна информация',
        resolved: 'Решение предоставлено',
        reminder: 'Напоминание: решение помогло?',
        closed: 'Обращение закрыто',
        reopened: 'Обращение снова в работе',
        split: 'Создано отдельное обращение',
      },
    ],
  ] as const) {
    it(`sends each kind in ${locale}, with the reference in the subject and a status link`, async () => {
      const reporter = { name: 'Anna', email: `anna-${locale.toLowerCase()}@example.com` }
      const environment = { locale }
      const one = await file({ description: 'Printing fails', reporter, environment })
      await agent(`${one.reference}/replies`, { body: 'We are on it' })
      await agent(`${one.reference}/replies`, {
        body: 'Which printer?',
        status: 'waiting_on_reporter',
      })
      await agent(`${one.reference}/replies`, { body: 'Update the driver', status: 'resolved' })
      // The reminder falls due a working day before the auto-close: bring the close near.
      const soon = new Date(Date.now() + 3_600_000).toISOString()
      db.$client
        .prepare('update tickets set auto_close_due_at = ? where reference = ?')
        .run(soon, one.reference)
      await smtp.waitFor(5, 15_000)
      await reporterDoes(one.statusUrl, 'reopen', { reason: 'Still broken' })
      await patch(one.reference, {
        status: 'closed',
        closeReason: 'rejected',
        reason: 'Works as designed',
      })
      await patch(one.reference, { status: 'in_progress', reason: 'Looking again' })
      await agent(`${one.reference}/split`, {
        subject: 'The scanner too',
        description: 'Scanning fails as well',
      })
      await reporterDoes(one.statusUrl, 'withdraw', { reason: 'Found a workaround' })
      const two = await file({ description: 'Printing fails again', reporter, environment })
      await agent(`${two.reference}/link`, { duplicateOf: one.reference, comment: 'The same' })
      const three = await file({ description: 'Scanning is slow', reporter, environment })
      await agent(`${three.reference}/replies`, { body: 'Fixed', status: 'resolved' })
      await reporterDoes(three.statusUrl, 'confirm')
      // 14 to the reporter (the split's new ticket announced on the original), 3 to the assignee.
      const mails = await smtp.waitFor(17, 15_000)
      const mine = mails.filter((m) => m.to[0] === reporter.email)
      expect(mine).toHaveLength(14)
      const subjects = mine.map((m) => m.mail.subject!)
      for (const [kind, title] of Object.entries(words)) {
        expect(
          subjects.some((s) => s.includes(title)),
          `${kind}: ${subjects.join(' | ')}`,
        ).toBe(true)
      }
      for (const m of mine) {
        expect(m.mail.subject).toMatch(/^\[KVT-\d+\] /)
        expect(m.mail.text).toMatch(/\/status\/[\w-]{40,}\?lang=(en|ru)/)
        expect(m.header('Auto-Submitted')).toBe('auto-generated')
        expect(m.mail.html).not.toMatch(/<script|<img|src=/i)
      }
      const closedWhy = mine
        .filter((m) => m.mail.subject!.includes(words.closed))
        .map((m) => m.mail.text!)
      expect(closedWhy).toHaveLength(4)
      const reminder = mine.find((m) => m.mail.subject!.includes(words.reminder))!
      expect(reminder.mail.text).toMatch(/do=confirm/)
    }, 40_000)
  }
})
