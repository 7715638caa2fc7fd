import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import MailComposer from 'nodemailer/lib/mail-composer'
import type Mail from 'nodemailer/lib/mailer'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AgentTicket } from '@snagbox/sdk/contract'
import { createAgent } from '../src/auth/agents.js'
import { createApiToken } from '../src/auth/tokens.js'
import { loadConfig, type Config } from '../src/config.js'
import { openDatabase, type Db } from '../src/db/client.js'
import { appDeps, type AppDeps } from '../src/deps.js'
import { watchMailbox } from '../src/mail/inbound/mailbox-job.js'
import { projectsWithMailbox } from '../src/mail/inbound/store.js'
import { startMailSender } from '../src/mail/sender.js'
import { createProject } from '../src/projects/store.js'
import { startServer, type RunningServer } from '../src/serve.js'
import { freePort } from '../../sdk/test/browser-harness.js'
import { startDovecot, type Dovecot } from './dovecot.js'
import './harness.js'
import { png } from './images.js'
import { smtpCatcher, type SmtpCatcher } from './smtp-catcher.js'

/*
 * The project's mailbox as an intake channel and the way replies come back, end to end: a real
 * Dovecot holds the mailbox, messages are dropped in by IMAP APPEND, the server's own job reads
 * them into a real SQLite file, and what it e-mails arrives at a real SMTP server.
 */

const SUPPORT = 'support@kvant.example'
const ANNA = { name: 'Anna Petrova', email: 'anna@example.com' }
const FROM_ANNA = '"Anna Petrova" <anna@example.com>'

let dovecot: Dovecot
let smtp: SmtpCatcher
let mailboxes = 0

beforeAll(async () => {
  ;[dovecot, smtp] = await Promise.all([startDovecot(), smtpCatcher()])
}, 30_000)
afterAll(async () => {
  await Promise.all([dovecot?.stop(), smtp?.close()])
})

interface Setup {
  db: Db
  config: Config
  box: string
  drop(raw: Buffer | string): Promise<void>
  /** Resolves once the mailbox reader recorded `count` messages (of this test). */
  read(count: number): Promise<{ outcome: string; reason: string | null; sender: string }[]>
  close(): Promise<void>
}

/** A project reading a mailbox of its own, in a database of its own. */
async function project(settings: Record<string, string> = {}): Promise<Setup & { port: string }> {
  const box = `T${++mailboxes}`
  await dovecot.createMailbox(box)
  const dir = await mkdtemp(join(tmpdir(), 'snagbox-inbound-'))
  const db = openDatabase(join(dir, 'snagbox.db'))
  createProject(db, {
    name: 'Kvant Energo',
    prefix: 'KVT',
    key: 'pk_test_kvant_key',
    origins: ['https://app.kvant.example'],
    mailFrom: `"Kvant support" <${SUPPORT}>`,
    imapUrl: dovecot.url(box),
  })
  smtp.messages.length = 0
  const port = String(await freePort())
  const config = loadConfig(
    {},
    { port, host: '127.0.0.1', 'smtp-url': smtp.url, 'imap-poll-seconds': '1', ...settings },
  )
  const rows = () =>
    db.$client.prepare('select outcome, reason, sender from inbound_mail order by id').all() as {
      outcome: string
      reason: string | null
      sender: string
    }[]
  return {
    db,
    config,
    box,
    port,
    drop: (raw) => dovecot.append(box, raw),
    async read(count) {
      await expect.poll(() => rows().length, { timeout: 15_000, interval: 50 }).toBe(count)
      return rows()
    },
    async close() {
      db.$client.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** The project, read by `snagbox serve` itself, with an agent and an API token. */
async function served(settings: Record<string, string> = {}) {
  const setup = await project(settings)
  const ann = await createAgent(setup.db, {
    email: 'ann@kvant.example',
    name: 'Ann',
    password: 'ann-password',
    projects: ['KVT'],
  })
  const bot = createApiToken(setup.db, { email: ann.email, name: 'tests' }).token
  const server = await startServer(setup.db, setup.config)
  running.push(async () => {
    await server.close(0)
    await setup.close()
  })
  const api = async <T = AgentTicket>(path: string, json?: unknown, method = 'POST') => {
    const res = await fetch(`${server.url}/api/v1/tickets${path}`, {
      method: json ? method : 'GET',
      headers: {
        Authorization: `Bearer ${bot}`,
        ...(json ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(json ? { body: JSON.stringify(json) } : {}),
    })
    expect(res.status, await res.clone().text()).toBeLessThan(300)
    return (await res.json()) as T
  }
  const file = async (body: Record<string, unknown>) => {
    const res = await fetch(`${server.url}/api/v1/tickets`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Snagbox-Key': 'pk_test_kvant_key',
        Origin: 'https://app.kvant.example',
      },
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(201)
    return (await res.json()) as { reference: string; statusUrl: string }
  }
  return { ...setup, server, ann, api, file }
}

const running: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of running.splice(0)) await stop()
})

/** A message as a mail client writes it. */
function mail(options: Mail.Options): Promise<Buffer> {
  return new MailComposer({
    to: SUPPORT,
    messageId: `<${randomUUID()}@mail.example.com>`,
    date: new Date(),
    ...options,
  })
    .compile()
    .build()
}

const last = (t: AgentTicket, type: string) => t.timeline.filter((e) => e.type === type).at(-1)
const toAnn = () => smtp.messages.filter((m) => m.to.includes('ann@kvant.example'))

// A real IMAP and SMTP server each: more than the default five seconds on a slow machine.
const SLOW = { timeout: 30_000 }

describe('replies by e-mail', SLOW, () => {
  it("makes the reporter's reply the reporter's comment — by reply address, thread or subject — and puts a ticket waiting on the reporter back to work", async () => {
    const s = await served()
    const { reference } = await s.file({ description: 'Printing fails', reporter: ANNA })
    const [received] = await smtp.waitFor(1)
    const replyTo = received!.header('Reply-To')!
    expect(replyTo).toMatch(/^"?Kvant support"? <support\+[0-9a-f]{32}@kvant\.example>$/)
    const plus = /<(.+)>/.exec(replyTo)![1]!
    await s.api(`/${reference}/replies`, {
      body: 'Which printer is it?',
      status: 'waiting_on_reporter',
    })
    const [, question] = await smtp.waitFor(2)
    const asked = question!.header('Message-ID')!

    await s.drop(
      await mail({
        from: FROM_ANNA,
        to: plus,
        subject: 'Re: about my printer',
        text: 'An HP LaserJet 1020.\n\nOn Mon, 1 Dec 2025 at 10:00, Kvant support <support@kvant.example> wrote:\n> Which printer is it?\n',
      }),
    )
    await s.read(1)
    let ticket = await s.api(`/${reference}`)
    expect(ticket.status).toBe('in_progress')
    expect(last(ticket, 'reporter_comment')).toMatchObject({
      actor: { kind: 'reporter' },
      visibility: 'public',
      data: { body: 'An HP LaserJet 1020.', via: 'email' },
    })

    await s.drop(
      await mail({
        from: FROM_ANNA,
        subject: 'Re: your question',
        inReplyTo: asked,
        references: [asked],
        text: 'It is on the second floor.\n\n-- \nAnna Petrova\nKvant Energo, accounts',
      }),
    )
    await s.read(2)
    await s.drop(
      await mail({
        from: FROM_ANNA,
        subject: `RE: [${reference}] Support needs more information: Printing fails`,
        html: '<p>Thank you!</p><div>Sent from my iPhone</div><blockquote>old words</blockquote>',
        text: 'Thank you!\n\nSent from my iPhone\n\n-----Original Message-----\nFrom: Kvant support\nWhich printer is it?',
      }),
    )
    const rows = await s.read(3)
    expect(rows.map((r) => [r.outcome, r.reason, r.sender])).toEqual([
      ['comment', 'matched by reply_address', 'anna@example.com'],
      ['comment', 'matched by thread', 'anna@example.com'],
      ['comment', 'matched by subject', 'anna@example.com'],
    ])
    ticket = await s.api(`/${reference}`)
    expect(
      ticket.timeline.filter((e) => e.type === 'reporter_comment').map((e) => e.data.body),
    ).toEqual(['An HP LaserJet 1020.', 'It is on the second floor.', 'Thank you!'])
    // A reply is never answered: the reporter was e-mailed twice (received, the question).
    expect(smtp.messages.filter((m) => m.to.includes(ANNA.email))).toHaveLength(2)
  })

  it("keeps the images of a reply as the ticket's attachments, checked as a screenshot is, beside the comment", async () => {
    const s = await served()
    const { reference } = await s.file({ description: 'Printing fails', reporter: ANNA })
    await smtp.waitFor(1)
    const picture = png(320, 200)
    await s.drop(
      await mail({
        from: FROM_ANNA,
        subject: `Re: [${reference}] Your request is received`,
        text: 'Here is what the printer shows.',
        attachments: [
          { filename: 'printer.png', content: picture, contentType: 'image/png' },
          {
            filename: 'fake.png',
            content: Buffer.from('<svg onload=alert(1)>'),
            contentType: 'image/png',
          },
          { filename: 'notes.txt', content: 'paper jam' },
        ],
      }),
    )
    const [row] = await s.read(1)
    expect(row!.outcome).toBe('comment')
    const ticket = await s.api(`/${reference}`)
    const comment = last(ticket, 'reporter_comment')!
    const files = comment.data.attachments as { id: string; name: string; contentType: string }[]
    expect(files.map((f) => [f.name, f.contentType])).toEqual([['printer.png', 'image/png']])
    expect(String(comment.data.body)).toContain('Here is what the printer shows.')
    expect(String(comment.data.body)).toMatch(/Attachments not kept: .*notes\.txt/)
    expect(String(comment.data.body)).toMatch(/fake\.png: /)
    // The ticket's screenshot is still none: a reply's image is an attachment of its comment.
    expect(ticket.screenshot).toBeNull()
    const token = createApiToken(s.db, { email: 'ann@kvant.example', name: 'files' }).token
    const got = await fetch(
      `${s.server.url}/api/v1/tickets/${reference}/attachments/${files[0]!.id}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    )
    expect(got.status).toBe(200)
    expect(got.headers.get('content-type')).toBe('image/png')
    expect(got.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(Buffer.from(await got.arrayBuffer()).equals(picture)).toBe(true)
    const missing = await fetch(
      `${s.server.url}/api/v1/tickets/${reference}/attachments/${randomUUID()}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    )
    expect(missing.status).toBe(404)
  })

  it('keeps mail from anyone else about a ticket as an internal note naming its sender, which the reporter never sees', async () => {
    const s = await served()
    const { reference, statusUrl } = await s.file({ description: 'Printing fails', reporter: ANNA })
    await smtp.waitFor(1)
    await s.drop(
      await mail({
        from: '"Boris Ivanov" <boris@kvant.example>',
        subject: `Re: [${reference}] Request received: Printing fails`,
        text: 'Anna is on leave; the printer is the one in room 12.',
      }),
    )
    expect((await s.read(1))[0]!.outcome).toBe('note')
    const ticket = await s.api(`/${reference}`)
    expect(ticket.status).toBe('new')
    expect(last(ticket, 'internal_note')).toMatchObject({
      actor: { kind: 'system' },
      visibility: 'internal',
      data: {
        body: 'Anna is on leave; the printer is the one in room 12.',
        via: 'email',
        from: { name: 'Boris Ivanov', address: 'boris@kvant.example' },
        fromReporter: false,
      },
    })
    expect(last(ticket, 'reporter_comment')).toBeUndefined()
    const status = await (await fetch(statusUrl.replace('/status/', '/api/v1/status/'))).json()
    expect(JSON.stringify(status)).not.toContain('room 12')
    // The agents hear of it (nobody has the ticket yet: every agent who asked).
    await expect
      .poll(() => toAnn().map((m) => m.mail.subject))
      .toEqual([`[${reference}] An e-mail came: Printing fails`])
    expect(toAnn()[0]!.mail.text).toContain('boris@kvant.example')
  })

  it('records a reply to a resolved ticket without closing or reopening it and alerts the assignee; on a closed one it is a note', async () => {
    const s = await served()
    await createAgent(s.db, {
      email: 'bob@kvant.example',
      name: 'Bob',
      password: 'bob-password',
      projects: ['KVT'],
    })
    const { reference } = await s.file({ description: 'Printing fails', reporter: ANNA })
    await s.api(`/${reference}`, { assigneeId: 'me' }, 'PATCH')
    await s.api(`/${reference}/replies`, { body: 'Update the driver to 4.2', status: 'resolved' })
    const [, solution] = await smtp.waitFor(2)
    const due = (await s.api(`/${reference}`)).autoCloseDueAt
    await s.drop(
      await mail({
        from: FROM_ANNA,
        to: /<(.+)>/.exec(solution!.header('Reply-To')!)![1]!,
        subject: 'Re: Solution provided',
        text: 'Yes, solved, it works. Close it.\n\nOn Tue, 2 Dec 2025, Kvant support <support@kvant.example> wrote:\n> Update the driver to 4.2',
      }),
    )
    await s.read(1)
    let ticket = await s.api(`/${reference}`)
    expect(ticket.status).toBe('resolved')
    expect(ticket.closeReason).toBeNull()
    expect(last(ticket, 'reporter_comment')!.data).toMatchObject({
      body: 'Yes, solved, it works. Close it.',
      via: 'email',
    })
    expect(ticket.timeline.some((e) => e.type === 'confirmed' || e.type === 'reopened')).toBe(false)
    // The reporter answered, as on the status page: the time without an answer starts again.
    expect(Date.parse(ticket.autoCloseDueAt!)).toBeGreaterThanOrEqual(Date.parse(due!))
    await expect
      .poll(() => toAnn().map((m) => m.mail.subject))
      .toEqual([`[${reference}] The reporter answered: Printing fails`])
    expect(toAnn()[0]!.mail.text).toContain('> Yes, solved, it works. Close it.')
    expect(smtp.messages.some((m) => m.to.includes('bob@kvant.example'))).toBe(false)

    await s.api(
      `/${reference}`,
      { status: 'closed', closeReason: 'rejected', reason: 'Not ours' },
      'PATCH',
    )
    await s.drop(
      await mail({ from: FROM_ANNA, subject: `Re: [${reference}]`, text: 'But it broke again!' }),
    )
    expect((await s.read(2))[1]!.outcome).toBe('note')
    ticket = await s.api(`/${reference}`)
    expect(ticket.status).toBe('closed')
    expect(last(ticket, 'internal_note')!.data).toMatchObject({
      body: 'But it broke again!',
      fromReporter: true,
    })
    await expect.poll(() => toAnn().length).toBe(2)
    expect(toAnn()[1]!.mail.subject).toBe(`[${reference}] An e-mail came: Printing fails`)
  })
})

describe('e-mail as an intake channel', SLOW, () => {
  it('makes a new message a ticket with the sender as reporter and its first image as the screenshot, and answers with the reference', async () => {
    const s = await served()
    const screenshot = png(640, 400)
    await s.drop(
      await mail({
        from: FROM_ANNA,
        subject: 'Export to Excel fails',
        text: 'Since this morning the export fails with 0x80070005.\n\n--\nAnna',
        headers: { 'Content-Language': 'ru-RU' },
        attachments: [
          { filename: 'log.txt', content: 'E 0x80070005' },
          { filename: 'screen.png', content: screenshot, contentType: 'image/png' },
          { filename: 'second.png', content: png(10, 10), contentType: 'image/png' },
        ],
      }),
    )
    const [row] = await s.read(1)
    expect(row!.outcome).toBe('ticket')
    const page = await s.api<{ items: { reference: string }[] }>('?limit=5')
    const ticket = await s.api(`/${page.items[0]!.reference}`)
    expect(ticket).toMatchObject({
      category: 'incident',
      subject: 'Export to Excel fails',
      reporter: { name: 'Anna Petrova', email: 'anna@example.com' },
      app: {},
      environment: { locale: 'ru-RU' },
      screenshot: { contentType: 'image/png', width: 640, height: 400 },
    })
    expect(ticket.description).toContain('Since this morning the export fails with 0x80070005.')
    expect(ticket.description).toContain('[Attachments not kept: log.txt, second.png]')
    expect(ticket.timeline[0]!.data).toMatchObject({ screenshot: true, via: 'email' })
    const shot = await fetch(`${s.server.url}/api/v1/tickets/${ticket.reference}/screenshot`, {
      headers: {
        Authorization: `Bearer ${createApiToken(s.db, { email: 'ann@kvant.example', name: 'shot' }).token}`,
      },
    })
    expect(Buffer.from(await shot.arrayBuffer()).equals(screenshot)).toBe(true)
    const [received] = await smtp.waitFor(1)
    expect(received!.to).toEqual(['anna@example.com'])
    expect(received!.mail.subject).toBe(
      `[${ticket.reference}] Обращение получено: Export to Excel fails`,
    )
    expect(received!.mail.text).toContain(ticket.reference)
  })

  it('reads the mail that arrives while the server runs (IDLE), and a reply to the received e-mail finds its ticket', async () => {
    // Looking only every minute: what is read sooner was heard of by IDLE.
    const s = await served({ 'imap-poll-seconds': '60' })
    await s.drop(await mail({ from: FROM_ANNA, subject: 'VPN drops', text: 'Every hour.' }))
    await s.read(1)
    const [received] = await smtp.waitFor(1)
    const started = Date.now()
    await s.drop(
      await mail({
        from: FROM_ANNA,
        to: /<(.+)>/.exec(received!.header('Reply-To')!)![1]!,
        inReplyTo: received!.header('Message-ID')!,
        subject: `Re: ${received!.mail.subject}`,
        text: 'It dropped again at 10:00.',
      }),
    )
    expect((await s.read(2))[1]!.outcome).toBe('comment')
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

describe('loops and abuse', SLOW, () => {
  it('records auto-replies, bounces and list mail, and never answers them or makes them tickets', async () => {
    const s = await served()
    await s.drop(
      await mail({
        from: FROM_ANNA,
        subject: 'Out of office',
        text: 'I am away until Monday.',
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
    )
    await s.drop(
      await mail({
        from: 'anna@example.com',
        subject: 'Automatic reply',
        text: 'Away.',
        headers: { 'X-Autoreply': 'yes' },
      }),
    )
    await s.drop(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
        `To: ${SUPPORT}`,
        'Subject: Undelivered Mail Returned to Sender',
        `Message-ID: <${randomUUID()}@mx.example.com>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'The mail to anna@example.com could not be delivered.',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.com',
        'Final-Recipient: rfc822; anna@example.com',
        'Action: failed',
        'Status: 5.1.1',
        '--b1--',
        '',
      ].join('\r\n'),
    )
    await s.drop(
      await mail({
        from: '"Users list" <users@lists.example.org>',
        subject: 'Weekly digest',
        text: 'Topics of the week',
        headers: { 'List-Id': '<users.lists.example.org>', Precedence: 'list' },
      }),
    )
    await s.drop(
      await mail({ from: `"Kvant support" <${SUPPORT}>`, subject: 'Our own', text: 'Loop?' }),
    )
    const rows = await s.read(5)
    expect(rows.map((r) => [r.outcome, r.reason])).toEqual([
      ['ignored', 'auto-submitted: auto-replied'],
      ['ignored', 'auto-reply'],
      ['ignored', 'delivery report'],
      ['ignored', 'precedence: list'],
      ['ignored', 'our own address'],
    ])
    const page = await s.api<{ items: unknown[] }>('')
    expect(page.items).toHaveLength(0)
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.messages).toHaveLength(0)
    const flags = await dovecot.flags(s.box)
    expect([...flags.values()].every((f) => f.has('\\Seen'))).toBe(true)
  })

  it('opens at most N tickets an hour for one sender', async () => {
    const s = await served({ 'imap-new-tickets-per-hour': '2' })
    for (const n of [1, 2, 3])
      await s.drop(await mail({ from: FROM_ANNA, subject: `Problem ${n}`, text: `Number ${n}` }))
    await s.drop(await mail({ from: 'boris@kvant.example', subject: 'Mine', text: 'Another one' }))
    const rows = await s.read(4)
    expect(rows.map((r) => [r.outcome, r.sender])).toEqual([
      ['ticket', 'anna@example.com'],
      ['ticket', 'anna@example.com'],
      ['ignored', 'anna@example.com'],
      ['ticket', 'boris@kvant.example'],
    ])
    expect(rows[2]!.reason).toBe('over 2 new tickets an hour')
    const page = await s.api<{ items: { subject: string }[] }>('')
    expect(page.items.map((t) => t.subject).sort()).toEqual(['Mine', 'Problem 1', 'Problem 2'])
    await smtp.waitFor(3)
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.messages.filter((m) => m.to.includes(ANNA.email))).toHaveLength(2)
  })

  it('stores hostile MIME as inert text or refuses it, and reads the next message all the same', async () => {
    const s = await served()
    const id = () => `Message-ID: <${randomUUID()}@evil.example>`
    // A 5 MB text part.
    await s.drop(
      await mail({
        from: 'eve@evil.example',
        subject: 'Huge',
        text: `${'A'.repeat(5 * 1024 * 1024)}`,
      }),
    )
    // 100-deep multipart nesting.
    const open = Array.from(
      { length: 100 },
      (_, i) => `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n`,
    ).join('')
    const close = Array.from({ length: 100 }, (_, i) => `\r\n--n${99 - i}--`).join('')
    await s.drop(
      `From: eve@evil.example\r\nTo: ${SUPPORT}\r\nSubject: Deep\r\n${id()}\r\nMIME-Version: 1.0\r\n${open}Content-Type: text/plain\r\n\r\ndeep down${close}\r\n`,
    )
    // Broken base64, and a header whose encoded words carry CR/LF (a header injection).
    await s.drop(
      `From: =?utf-8?Q?Eve=0D=0ABcc=3A_all=40kvant.example?= <eve@evil.example>\r\nTo: ${SUPPORT}\r\nSubject: =?utf-8?Q?Hello=0D=0AX-Injected:_yes?=\r\n${id()}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVsbG8g!!!d29ybGQ*&^%\r\n===broken===\r\n`,
    )
    // HTML only, with scripts and handlers.
    await s.drop(
      await mail({
        from: 'eve@evil.example',
        subject: 'Scripted',
        html: '<html><head><script>steal("head")</script></head><body><p>Hi <b>there</b></p><img src=x onerror="steal(1)"><script type="text/javascript">steal(document.cookie)</script><a href="javascript:steal(2)">link</a><style>p{}</style><svg><script>steal(3)</script></svg>',
      }),
    )
    await s.drop(await mail({ from: FROM_ANNA, subject: 'A good one', text: 'Please help.' }))
    const rows = await s.read(5)
    expect(rows.map((r) => r.outcome)).toEqual(['ticket', 'refused', 'ticket', 'ticket', 'ticket'])
    expect(rows[1]!.reason).toMatch(/^unreadable: Maximum MIME nesting depth/)
    const page = await s.api<{ items: { reference: string; subject: string }[] }>('')
    const tickets = await Promise.all(page.items.map((t) => s.api(`/${t.reference}`)))
    const bySubject = new Map(tickets.map((t) => [t.subject, t]))
    expect(bySubject.get('Huge')!.description.length).toBeLessThanOrEqual(20_000)
    expect(bySubject.get('A good one')!.description).toBe('Please help.')
    expect(bySubject.get('Scripted')!.description).toBe('Hi there\nlink')
    const injected = tickets.find((t) => t.subject.startsWith('Hello'))!
    expect(injected.subject).toBe('Hello X-Injected: yes')
    expect(injected.reporter.name).toBe('Eve Bcc: all@kvant.example')
    const everything = JSON.stringify(tickets)
    expect(everything).not.toMatch(/steal|<script|onerror|javascript:/)
    expect(injected.subject + injected.reporter.name).not.toMatch(/[\r\n]/)
    const flags = await dovecot.flags(s.box)
    expect([...flags.values()].map((f) => f.has('\\Flagged'))).toEqual([
      false,
      true,
      false,
      false,
      false,
    ])
  })
})

describe('exactly once', SLOW, () => {
  it('duplicates nothing after a failure inside the transaction, a crash before \\Seen, or a second reader', async () => {
    const setup = await project()
    running.push(() => setup.close())
    const deps: AppDeps = appDeps({ db: setup.db, config: setup.config })
    const sender = startMailSender(deps, { intervalMs: 100 })
    running.unshift(() => sender.stop())
    let failNext = true
    deps.changes.recordWith(() => {
      if (!failNext) return
      failNext = false
      throw new Error('the disk went away')
    })
    const lines: string[] = []
    const job = () => {
      const j = watchMailbox(deps, projectsWithMailbox(setup.db)[0]!, { log: (l) => lines.push(l) })
      running.unshift(() => j.stop())
      return j
    }
    const count = (table: string) =>
      (setup.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
    await setup.drop(await mail({ from: FROM_ANNA, subject: 'Once only', text: 'One ticket.' }))

    const first = job()
    await first.readNow()
    // The change rolled back, the record with it: nothing written, the message still unseen.
    expect(lines.join('\n')).toContain('could not record')
    expect([count('tickets'), count('inbound_mail'), count('mail_outbox')]).toEqual([0, 0, 0])
    expect([...(await dovecot.flags(setup.box)).values()][0]!.has('\\Seen')).toBe(false)

    await first.readNow()
    expect([count('tickets'), count('inbound_mail'), count('mail_outbox')]).toEqual([1, 1, 1])
    await smtp.waitFor(1)

    // As if it crashed after committing and before flagging: unseen again, and a new reader.
    await dovecot.markUnseen(setup.box)
    await first.stop()
    const second = job()
    await second.readNow()
    await second.readNow()
    expect([count('tickets'), count('inbound_mail'), count('mail_outbox')]).toEqual([1, 1, 1])
    expect([...(await dovecot.flags(setup.box)).values()][0]!.has('\\Seen')).toBe(true)
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.messages).toHaveLength(1)
  })

  it('sets aside a message whose change keeps failing, and reads the next', async () => {
    const setup = await project()
    running.push(() => setup.close())
    const deps = appDeps({ db: setup.db, config: setup.config })
    deps.changes.recordWith((_, change) => {
      if (change.created[0]?.subject === 'Poison') throw new Error('always fails')
    })
    const lines: string[] = []
    const job = watchMailbox(deps, projectsWithMailbox(setup.db)[0]!, { log: (l) => lines.push(l) })
    running.unshift(() => job.stop())
    await setup.drop(await mail({ from: FROM_ANNA, subject: 'Poison', text: 'Fails.' }))
    await setup.drop(await mail({ from: FROM_ANNA, subject: 'Fine', text: 'Works.' }))
    for (let i = 0; i < 3; i++) await job.readNow()
    const rows = await setup.read(2)
    // The job's first read may race the test's: the order of the two records is not the point.
    expect(rows.map((r) => [r.outcome, r.reason]).sort()).toEqual([
      ['refused', 'failed 3 times: always fails'],
      ['ticket', 'a new message'],
    ])
    expect(lines.filter((l) => l.includes('could not record'))).toHaveLength(3)
    const flags = [...(await dovecot.flags(setup.box)).values()]
    expect(flags.map((f) => [f.has('\\Seen'), f.has('\\Flagged')])).toEqual([
      [true, true],
      [true, false],
    ])
  })
})
