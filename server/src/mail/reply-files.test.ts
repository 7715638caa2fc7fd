import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AgentTicket } from '@snagbox/sdk/contract'
import { agentHarness, type AgentHarness } from '../../test/harness.js'
import { png } from '../../test/images.js'
import { smtpCatcher, type Caught, type SmtpCatcher } from '../../test/smtp-catcher.js'
import { decide } from '../tickets/lifecycle/decide.js'
import { addAttachment, attachmentEntry } from '../tickets/store/create.js'
import type { OutboxHeaders } from '../tickets/store/emails.js'
import { applyDecision } from '../tickets/store/write.js'
import { ATTACH_BYTES, mailFileName } from './reply-files.js'
import { sizeRefused, startMailSender, type MailSender } from './sender.js'

/*
 * The e-mail of an agent's reply carries its files: a real SMTP server takes it, and the tests read
 * what arrived as a mail client would (postal-mime).
 */

let smtp: SmtpCatcher
let sender: MailSender | undefined
beforeAll(async () => {
  smtp = await smtpCatcher()
})
afterAll(() => smtp.close())
afterEach(async () => {
  await sender?.stop()
  sender = undefined
  smtp.messages.length = 0
})

const MiB = 1024 * 1024
const ANNA = { name: 'Anna', email: 'anna@example.com' }

async function setup(): Promise<AgentHarness> {
  return agentHarness({ env: { SNAGBOX_SMTP_URL: smtp.url } })
}
/** Starts delivering what the outbox holds, as `serve` does. */
function send(h: AgentHarness): void {
  sender = startMailSender(
    { db: h.db, config: h.config, changes: h.changes, now: () => new Date() },
    { intervalMs: 60_000 },
  )
}

type Files = [name: string, bytes: Buffer | string, type?: string][]
function form(json: unknown, files: Files): FormData {
  const f = new FormData()
  f.set('payload', JSON.stringify(json))
  for (const [name, bytes, type = 'application/octet-stream'] of files)
    f.append('files', new Blob([new Uint8Array(Buffer.from(bytes))], { type }), name)
  return f
}
async function reply(h: AgentHarness, ref: string, json: unknown, files: Files) {
  const res = await h.api(`/api/v1/tickets/${ref}/replies`, {
    method: 'POST',
    body: form(json, files),
  })
  expect(res.status, await res.clone().text()).toBe(201)
  const t = (await res.json()) as AgentTicket
  // This reply's: the newest.
  const replies = t.timeline.filter((e) => e.type === 'public_reply')
  return replies.at(-1)!.data.attachments as { id: string }[]
}
/** The e-mail to `to` whose subject says `title`, once it arrived; never two of them. */
async function mailTo(to: string, title: string, server = smtp): Promise<Caught> {
  const find = () =>
    server.messages.filter((m) => m.to.includes(to) && m.mail.subject?.includes(title))
  const until = Date.now() + 15_000
  while (!find().length && Date.now() < until) await new Promise((r) => setTimeout(r))
  expect(find(), server.messages.map((m) => `${m.to} ${m.mail.subject}`).join('\n')).toHaveLength(1)
  return find()[0]!
}
const bytesOf = (a: { content: unknown }) => Buffer.from(a.content as ArrayBuffer)
const outbox = (h: AgentHarness, kind: string) =>
  h.db.$client.prepare('select * from mail_outbox where kind = ? order by id').all(kind) as {
    recipient: string
    headers: string
    text: string
    html: string
    state: string
    attempts: number
    last_error: string | null
    next_attempt_at: string
  }[]

describe("a reply's files in the reporter's e-mail", () => {
  it('are attached byte for byte with their names and real types, read when it is sent', async () => {
    const h = await setup()
    const { reference } = await h.file({ description: 'Export fails', reporter: ANNA })
    const image = png(40, 30)
    const log = randomBytes(50_000)
    await reply(h, reference, { body: 'Fixed in 4.31: see the files', status: 'resolved' }, [
      ['after.png', image, 'image/png'],
      ['export.log', log, 'text/plain'],
    ])
    // The outbox keeps which files, not their bytes.
    const [row] = outbox(h, 'resolved')
    const kept = (JSON.parse(row!.headers) as OutboxHeaders).files!
    expect(kept.list.map((f) => [f.name, f.attached])).toEqual([
      ['after.png', true],
      ['export.log', true],
    ])
    expect(row!.headers.length + row!.text.length + row!.html.length).toBeLessThan(10_000)

    send(h)
    const mail = await mailTo('anna@example.com', 'Solution provided')
    expect(
      mail.mail.attachments.map((a) => [a.filename, a.mimeType, a.disposition, a.content]),
    ).toEqual([
      ['after.png', 'image/png', 'attachment', expect.anything()],
      ['export.log', 'application/octet-stream', 'attachment', expect.anything()],
    ])
    expect(bytesOf(mail.mail.attachments[0]!).equals(image)).toBe(true)
    expect(bytesOf(mail.mail.attachments[1]!).equals(log)).toBe(true)
    expect(mail.mail.text).toMatch(
      /Files of this reply, attached to this e-mail:\n- after\.png \(\d+(\.\d)? KB\)\n- export\.log \(48\.8 KB\)/,
    )
    expect(mail.mail.text).not.toContain('/attachments/')
    expect(mail.mail.html).toMatch(
      /<li>after\.png <span style="color:#57606a;white-space:nowrap">\(\d+(\.\d)? KB\)<\/span>/,
    )
    // The body of the e-mail is still its words, with the buttons to confirm.
    expect(mail.mail.text).toContain('> Fixed in 4.31: see the files')
    expect(mail.mail.text).toContain('Yes, solved: https://support.example.com/status/')
  })

  it(`past ${ATTACH_BYTES / MiB} MiB in all are links that open them, and the message stays under 10 MiB`, async () => {
    const h = await setup()
    const { reference } = await h.file({
      description: 'Расчёт не сходится',
      reporter: ANNA,
      environment: { locale: 'ru-RU' },
    })
    const a = randomBytes(3 * MiB)
    const b = randomBytes(3 * MiB)
    const c = randomBytes(2 * MiB)
    const d = randomBytes(MiB / 2)
    const ids = await reply(h, reference, { body: 'Выгрузки во вложении' }, [
      ['a.bin', a],
      ['b.bin', b],
      ['c.bin', c],
      ['d.bin', d],
    ])
    send(h)
    const mail = await mailTo('anna@example.com', 'Ответ поддержки')
    // In their order while they fit: a and b (6 MiB); c would pass 7 MiB; d still fits.
    expect(mail.mail.attachments.map((x) => x.filename)).toEqual(['a.bin', 'b.bin', 'd.bin'])
    expect(bytesOf(mail.mail.attachments[2]!).equals(d)).toBe(true)
    expect(mail.raw.length).toBeLessThan(10 * MiB)
    expect(mail.mail.text).toContain(
      'Файлы к ответу — во вложении к этому письму:\n- a.bin (3 МБ)\n- b.bin (3 МБ)\n- d.bin (512 КБ)',
    )
    expect(mail.mail.text).toContain(
      'Не вложены, чтобы письмо не стало слишком большим и дошло; каждая ссылка открывает файл, пока действует ссылка на обращение:\n- c.bin (2 МБ): https://support.example.com/api/v1/status/',
    )
    const link = new RegExp(
      `https://support\\.example\\.com(/api/v1/status/[^/]+/attachments/${ids[2]!.id})`,
    )
    expect(mail.mail.html).toMatch(link)
    const opened = await h.app.request(link.exec(mail.mail.text!)![1]!)
    expect(opened.status).toBe(200)
    expect(Buffer.from(await opened.arrayBuffer()).equals(c)).toBe(true)
  })

  it('go without a file removed before sending, and the e-mail says it was removed', async () => {
    const h = await setup()
    const { reference } = await h.file({ description: 'Printing fails', reporter: ANNA })
    const kept = randomBytes(1000)
    const ids = await reply(
      h,
      reference,
      { body: 'Which printer is it?', status: 'waiting_on_reporter' },
      [
        ['driver.log', randomBytes(2000)],
        ['settings.txt', kept],
      ],
    )
    // Removed while the e-mail waited in the outbox (the SMTP server was away, say).
    h.db.$client.prepare('delete from attachments where id = ?').run(ids[0]!.id)
    send(h)
    const mail = await mailTo('anna@example.com', 'Support needs more information')
    expect(mail.mail.attachments.map((x) => x.filename)).toEqual(['settings.txt'])
    expect(bytesOf(mail.mail.attachments[0]!).equals(kept)).toBe(true)
    expect(mail.mail.text).toContain(
      'Files of this reply, attached to this e-mail:\n- settings.txt (1 KB)\n\nRemoved from the request before this e-mail was sent, so not attached:\n- driver.log (2 KB)\n\nReply to this e-mail',
    )
    expect(mail.mail.html).toContain(
      'Removed from the request before this e-mail was sent, so not attached:</p><ul style="margin:0;padding-left:20px;overflow-wrap:anywhere"><li>driver.log',
    )
    expect(mail.mail.html).not.toMatch(/attached to this e-mail:<\/p><ul[^>]*><li>driver\.log/)
    await sender!.run()
    expect(outbox(h, 'question').map((r) => r.state)).toEqual(['sent'])
  })

  it("of a mass incident reach each child's reporter with its resolution, linked for that child alone", async () => {
    const h = await setup()
    const incident = await h.file({
      description: 'Nobody can sign in',
      category: 'mass_incident',
      reporter: { email: 'olga@example.com' },
    })
    const children = [
      await h.file({ description: 'Sign-in hangs', reporter: ANNA }),
      await h.file({ description: 'Login broken', reporter: { email: 'ivan@example.com' } }),
    ]
    for (const child of children) {
      const res = await h.api(`/api/v1/tickets/${child.reference}/link`, {
        method: 'POST',
        json: { parent: incident.reference },
      })
      expect(res.status, await res.clone().text()).toBe(200)
    }
    // A file of an earlier reply of the incident's, and one of another ticket: not the children's.
    const [earlier] = await reply(h, incident.reference, { body: 'Looking into it' }, [
      ['trace.txt', randomBytes(500)],
    ])
    const other = await h.file({ description: 'Printing', reporter: { email: 'petr@example.com' } })
    const [foreign] = await reply(h, other.reference, { body: 'See the log' }, [
      ['other.log', randomBytes(300)],
    ])
    const notice = randomBytes(4000)
    const dump = randomBytes(ATTACH_BYTES + 1)
    const ids = await reply(
      h,
      incident.reference,
      { body: 'The gateway is back', status: 'resolved' },
      [
        ['notice.pdf', notice],
        ['dump.bin', dump],
      ],
    )
    send(h)
    const own = await mailTo('olga@example.com', 'Solution provided')
    expect(own.mail.attachments.map((x) => x.filename)).toEqual(['notice.pdf'])
    expect(own.mail.text).toMatch(
      /- dump\.bin \(7 MB\): https:\/\/support\.example\.com\/api\/v1\/status\//,
    )
    const link = new RegExp(
      `https://support\\.example\\.com(/api/v1/status/([^/]+)/attachments/${ids[1]!.id})`,
    )
    for (const to of ['anna@example.com', 'ivan@example.com']) {
      const mail = await mailTo(to, 'Solution provided')
      expect(mail.mail.text).toContain('> The gateway is back')
      expect(mail.mail.attachments.map((x) => [x.filename, x.mimeType])).toEqual([
        ['notice.pdf', 'application/octet-stream'],
      ])
      expect(bytesOf(mail.mail.attachments[0]!).equals(notice)).toBe(true)
      // The file past the limit is linked with the child's own status token, and opens.
      expect(mail.mail.text).toContain(
        'each link opens the file as long as the link to your request works:\n- dump.bin (7 MB): https://support.example.com/api/v1/status/',
      )
      const [, path, token] = link.exec(mail.mail.text!)!
      expect(mail.mail.html).toContain(`href="https://support.example.com${path}"`)
      const opened = await h.app.request(path!)
      expect(opened.status).toBe(200)
      expect(Buffer.from(await opened.arrayBuffer()).equals(dump)).toBe(true)
      // That token opens the files the child's entry names, and no other of the incident's or of
      // another ticket.
      const fileOf = (id: string) => h.app.request(`/api/v1/status/${token}/attachments/${id}`)
      expect((await fileOf(ids[0]!.id)).status).toBe(200)
      expect((await fileOf(earlier!.id)).status).toBe(404)
      expect((await fileOf(foreign!.id)).status).toBe(404)
      // The child's status page shows them as it shows its own reply's files.
      const page = await (await h.app.request(`/status/${token}`)).text()
      for (const [i, name] of ['notice.pdf', 'dump.bin'].entries())
        expect(page).toContain(
          `<a href="/api/v1/status/${token}/attachments/${ids[i]!.id}" target="_blank" rel="noopener">${name}</a>`,
        )
      expect(page).not.toContain(earlier!.id)
    }
    // The incident's own token reaches both of its files; an agent opens the child's as well.
    const [, ownPath, ownToken] = link.exec(own.mail.text!)!
    expect((await h.app.request(ownPath!)).status).toBe(200)
    expect(
      (await h.app.request(`/api/v1/status/${ownToken}/attachments/${earlier!.id}`)).status,
    ).toBe(200)
    const byAgent = await h.api(
      `/api/v1/tickets/${children[0]!.reference}/attachments/${ids[0]!.id}`,
    )
    expect(byAgent.status).toBe(200)
    expect(Buffer.from(await byAgent.arrayBuffer()).equals(notice)).toBe(true)
  })

  it('carry hostile names that cannot break a header', async () => {
    const h = await setup()
    const { id, reference } = await h.file({ description: 'Names', reporter: ANNA })
    const names = [
      'evil\r\nBcc: victim@example.com\r\nX-Injected: yes.txt',
      'say "hi"; filename="other.exe".txt',
      `${'long-'.repeat(60)}.pdf`,
      'invoice\u202Egpj.exe',
      'отчёт за март\u0085\u2028.csv',
    ]
    const files = names.map((name, i) => ({
      id: `00000000-0000-4000-8000-00000000000${i}`,
      name,
      type: 'application/octet-stream',
      width: 0,
      height: 0,
      data: randomBytes(100 + i),
    }))
    // As any writer of a timeline entry might name them: the reply route cleans names on upload,
    // and the e-mail does not count on it.
    applyDecision(h, {
      ticketId: id,
      actor: { kind: 'agent', id: h.agent.id },
      now: new Date(),
      decide: (state, ctx) => {
        const d = decide(
          state,
          { type: 'reply', body: 'Files' },
          { kind: 'agent', id: h.agent.id },
          ctx,
        )
        if (!d.ok) return d
        const attachments = files.map(attachmentEntry)
        const events = d.events.map((e) =>
          e.type === 'public_reply' ? { ...e, data: { ...e.data, attachments } } : e,
        )
        return { ...d, events }
      },
      write: (tx) => files.forEach((f) => addAttachment(tx, id, f, new Date())),
    })
    send(h)
    const mail = await mailTo('anna@example.com', `[${reference}] Support replied`)
    expect(mail.to).toEqual(['anna@example.com'])
    expect(mail.header('Bcc')).toBeUndefined()
    // No line of the message, header or text, begins with what a name tried to add.
    expect(mail.raw).not.toMatch(/^(Bcc|X-Injected):/im)
    const expected = [
      'evil Bcc_ victim@example.com X-Injected_ yes.txt',
      'say _hi_; filename=_other.exe_.txt',
      `${'long-'.repeat(60).slice(0, 96)}.pdf`,
      'invoicegpj.exe',
      'отчёт за март .csv',
    ]
    expect(mail.mail.attachments.map((a) => a.filename)).toEqual(expected)
    mail.mail.attachments.forEach((a, i) => expect(bytesOf(a).equals(files[i]!.data)).toBe(true))
    for (const name of expected) expect(mail.mail.text).toContain(`- ${name} (0.1 KB)`)
    expect(mail.mail.text).not.toMatch(/[\u202e\u2028\u0085]/)
  })
})

describe('a receiving server with a smaller size limit', () => {
  let small: SmtpCatcher
  let tiny: SmtpCatcher
  beforeAll(async () => {
    small = await smtpCatcher({ size: 1_000_000 })
    tiny = await smtpCatcher({ size: 2_000 })
  })
  afterAll(async () => {
    await small.close()
    await tiny.close()
  })

  it('gets the same e-mail at once without the files, each its link, in one delivery attempt', async () => {
    const h = await agentHarness({ env: { SNAGBOX_SMTP_URL: small.url } })
    const { reference } = await h.file({ description: 'Export fails', reporter: ANNA })
    const build = randomBytes(2_000_000)
    const ids = await reply(h, reference, { body: 'Fixed in this build', status: 'resolved' }, [
      ['build.zip', build],
      ['notes.txt', 'Install over the old one'],
    ])
    send(h)
    const mail = await mailTo('anna@example.com', 'Solution provided', small)
    await sender!.run()
    // The server refused the message with its files once, then took it without them.
    expect(small.refused).toEqual([{ to: ['anna@example.com'], bytes: expect.any(Number) }])
    expect(small.refused[0]!.bytes).toBeGreaterThan(1_000_000)
    expect(outbox(h, 'resolved').map((r) => [r.state, r.attempts, r.last_error])).toEqual([
      ['sent', 1, null],
    ])
    expect(mail.mail.attachments).toEqual([])
    expect(mail.raw.length).toBeLessThan(20_000)
    expect(mail.mail.text).toContain('> Fixed in this build')
    expect(mail.mail.text).not.toContain('attached to this e-mail')
    expect(mail.mail.text).toMatch(
      /Not attached, so that this e-mail stays small enough to arrive; each link opens the file as long as the link to your request works:\n- build\.zip \(1\.9 MB\): https:\/\/support\.example\.com\/api\/v1\/status\/[^/]+\/attachments\/[0-9a-f-]{36}\n- notes\.txt \(0\.1 KB\): https:/,
    )
    for (const [i, bytes] of [build, Buffer.from('Install over the old one')].entries()) {
      const path = new RegExp(
        `https://support\\.example\\.com(/api/v1/status/[^/]+/attachments/${ids[i]!.id})`,
      ).exec(mail.mail.text!)![1]!
      expect(mail.mail.html).toContain(`href="https://support.example.com${path}"`)
      const opened = await h.app.request(path)
      expect(opened.status).toBe(200)
      expect(Buffer.from(await opened.arrayBuffer()).equals(bytes)).toBe(true)
    }
  })

  it('retries as usual when it refuses the e-mail without its files too', async () => {
    const h = await agentHarness({ env: { SNAGBOX_SMTP_URL: tiny.url } })
    const { reference } = await h.file({ description: 'Export fails', reporter: ANNA })
    await reply(h, reference, { body: 'Here is the log' }, [['export.log', randomBytes(5_000)]])
    send(h)
    await sender!.run()
    expect(tiny.messages).toEqual([])
    // The e-mail that the request was received (no files: refused once) and the reply's in both
    // forms, in the one attempt each; both wait for their next attempt.
    const sizes = tiny.refused.map((r) => r.bytes)
    expect(sizes).toHaveLength(3)
    expect(sizes.filter((n) => n > 6_000)).toHaveLength(1)
    for (const kind of ['received', 'reply']) {
      const [row] = outbox(h, kind)
      expect([row!.state, row!.attempts]).toEqual(['pending', 1])
      expect(row!.last_error).toMatch(/552 5\.3\.4/)
      expect(Date.parse(row!.next_attempt_at)).toBeGreaterThan(Date.now())
    }
  })

  it('is told from other refusals by reply 552 or the enhanced status 5.3.4 or 5.2.3', () => {
    const err = (responseCode: number, response: string) =>
      Object.assign(new Error(response), { responseCode, response })
    expect(
      sizeRefused(err(552, '552 5.3.4 Error: message exceeds fixed maximum message size')),
    ).toBe(true)
    expect(sizeRefused(err(552, '552 Requested mail action aborted: exceeded storage'))).toBe(true)
    expect(sizeRefused(err(554, '554 5.3.4 Message too big for system'))).toBe(true)
    expect(sizeRefused(err(523, '523 5.3.4 Message size exceeds server limit'))).toBe(true)
    expect(sizeRefused(err(550, '550-5.2.3 Your message exceeded the size limit'))).toBe(true)
    expect(sizeRefused(err(550, '550 5.1.1 No such user'))).toBe(false)
    expect(sizeRefused(err(554, '554 5.3.40 Something else'))).toBe(false)
    expect(sizeRefused(err(452, '452 4.3.4 Try again later'))).toBe(false)
    expect(sizeRefused(new Error('connect ECONNREFUSED 127.0.0.1:25'))).toBe(false)
    expect(sizeRefused(undefined)).toBe(false)
  })
})

describe('mailFileName', () => {
  it('keeps a plain name, cuts a long one by characters with its extension, never leaves it empty', () => {
    expect(mailFileName('Отчёт 2026-03.xlsx')).toBe('Отчёт 2026-03.xlsx')
    expect(mailFileName(`${'😀'.repeat(120)}.png`)).toBe(`${'😀'.repeat(96)}.png`)
    expect(mailFileName('\u202e\r\n')).toBe('file')
    expect(mailFileName('a/b\\c:d*e?f<g>h|i')).toBe('a_b_c_d_e_f_g_h_i')
  })
})
