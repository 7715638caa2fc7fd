import { describe, expect, it } from 'vitest'
import type { AgentTicket, ReporterTicket } from '@snagbox/sdk/contract'
import { agentHarness, type AgentHarness } from '../../test/harness.js'
import { png } from '../../test/images.js'
import { REPLY_FILES_MAX } from '@snagbox/sdk/contract'

type Files = [name: string, bytes: Buffer | string, type?: string][]

/** A multipart reply: the JSON in `payload`, each file a `files` part. */
function form(json: unknown, files: Files): FormData {
  const f = new FormData()
  if (json !== undefined) f.set('payload', JSON.stringify(json))
  for (const [name, bytes, type = 'application/octet-stream'] of files)
    f.append(
      'files',
      new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }),
      name,
    )
  return f
}
const reply = (h: AgentHarness, ref: string, body: FormData) =>
  h.api(`/api/v1/tickets/${ref}/replies`, { method: 'POST', body })
const written = (h: AgentHarness) => `${h.count('ticket_events')}:${h.count('attachments')}`

const HTML = '<html><script>alert(document.cookie)</script></html>'

describe('a reply with files', () => {
  it('keeps them with its timeline entry: images as images, anything else as a download', async () => {
    const h = await agentHarness()
    const { reference, statusUrl } = await h.file({ description: 'Export fails' })
    const image = png(12, 9)
    const res = await reply(
      h,
      reference,
      form({ body: 'Here is the fix and a screenshot', status: 'resolved' }, [
        ['after.png', image, 'image/png'],
        ['steps.txt', 'Open the menu, then Export', 'text/plain'],
        ['../../evil".html', HTML, 'image/png'],
      ]),
    )
    expect(res.status, await res.clone().text()).toBe(201)
    const t = (await res.json()) as AgentTicket
    expect(t.status).toBe('resolved')
    const entry = t.timeline.find((e) => e.type === 'public_reply')!
    const files = entry.data.attachments as { id: string; name: string; contentType: string }[]
    expect(files).toEqual([
      {
        id: expect.any(String),
        name: 'after.png',
        contentType: 'image/png',
        width: 12,
        height: 9,
        bytes: image.length,
      },
      {
        id: expect.any(String),
        name: 'steps.txt',
        contentType: 'application/octet-stream',
        width: 0,
        height: 0,
        bytes: 26,
      },
      {
        id: expect.any(String),
        name: 'evil.html',
        contentType: 'application/octet-stream',
        width: 0,
        height: 0,
        bytes: HTML.length,
      },
    ])
    const [shot, text, page] = files as [(typeof files)[0], (typeof files)[0], (typeof files)[0]]

    const inline = await h.api(`/api/v1/tickets/${reference}/attachments/${shot.id}`)
    expect(inline.status).toBe(200)
    expect(inline.headers.get('content-type')).toBe('image/png')
    expect(inline.headers.get('content-disposition')).toMatch(/^inline/)
    expect(Buffer.compare(Buffer.from(await inline.arrayBuffer()), image)).toBe(0)
    for (const [file, filename] of [
      [text, 'steps.txt'],
      [page, 'evil.html'],
    ] as const) {
      const download = await h.api(`/api/v1/tickets/${reference}/attachments/${file.id}`)
      expect(download.status).toBe(200)
      expect(download.headers.get('content-type')).toBe('application/octet-stream')
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename="${filename}"; filename*=UTF-8''${filename}`,
      )
      expect(download.headers.get('x-content-type-options')).toBe('nosniff')
      expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    }
    expect(await (await h.api(`/api/v1/tickets/${reference}/attachments/${page.id}`)).text()).toBe(
      HTML,
    )

    // The reporter sees them in the status API, on the status page, and opens them with its token.
    const token = statusUrl.split('/status/')[1]!
    const seen = (await (await h.reporter(statusUrl)).json()) as ReporterTicket
    const shown = seen.timeline.find((e) => e.type === 'public_reply')!
    expect((shown.data.attachments as { name: string }[]).map((f) => f.name)).toEqual([
      'after.png',
      'steps.txt',
      'evil.html',
    ])
    const own = await h.reporter(statusUrl, `/attachments/${text.id}`)
    expect(own.status).toBe(200)
    expect(await own.text()).toBe('Open the menu, then Export')
    const html = await (await h.app.request(`/status/${token}`)).text()
    expect(html).toContain(`href="/api/v1/status/${token}/attachments/${shot.id}"`)
    expect(html).toContain('>steps.txt</a>')
    expect(html).not.toContain('<script>alert')
    // Without the token, or with another ticket's, nothing.
    expect(
      (await h.app.request(`/api/v1/tickets/${reference}/attachments/${shot.id}`)).status,
    ).toBe(401)
    const other = await h.file({ description: 'Other' })
    expect((await h.reporter(other.statusUrl, `/attachments/${shot.id}`)).status).toBe(404)
  })

  it('gives the reporter no file of an internal entry', async () => {
    const h = await agentHarness()
    const { id, reference, statusUrl } = await h.file()
    // As an e-mail from someone else leaves it: an internal note with its image.
    const fileId = '00000000-0000-4000-8000-0000000000f1'
    h.db.$client
      .prepare(
        `insert into attachments (id, ticket_id, kind, content_type, width, height, bytes, sha256, data, created_at)
         values (?, ?, 'attachment', 'image/png', 4, 4, 10, 'x', ?, '2026-01-01')`,
      )
      .run(fileId, id, png(4, 4))
    h.db.$client
      .prepare(
        `insert into ticket_events (ticket_id, type, actor_kind, visibility, data, created_at)
         values (?, 'internal_note', 'system', 'internal', ?, '2026-01-01')`,
      )
      .run(
        id,
        JSON.stringify({ body: 'from a stranger', attachments: [{ id: fileId, name: 'x.png' }] }),
      )
    expect((await h.api(`/api/v1/tickets/${reference}/attachments/${fileId}`)).status).toBe(200)
    expect((await h.reporter(statusUrl, `/attachments/${fileId}`)).status).toBe(404)
  })

  it('is refused whole — nothing written — past the limits, for bad parts and by the lifecycle', async () => {
    const h = await agentHarness({ env: { SNAGBOX_MAX_SCREENSHOT_BYTES: '2000' } })
    const { reference } = await h.file()
    await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { status: 'closed', closeReason: 'rejected', reason: 'Not ours' },
    })
    const open = await h.file()
    const before = written(h)
    const ok = { body: 'See the file' }
    const tooMany: Files = Array.from({ length: REPLY_FILES_MAX + 1 }, (_, i) => [`f${i}.txt`, 'x'])
    const huge = png(100, 100, [0, 0, 0], true)
    expect(huge.length).toBeGreaterThan(2000)
    const bomb = Buffer.from(png(8, 8))
    bomb.writeUInt32BE(100_000, 16)
    const cases: [string, FormData, number, string][] = [
      [`${REPLY_FILES_MAX + 1} files`, form(ok, tooMany), 413, 'payload_too_large'],
      [
        'a file over the limit',
        form(ok, [['big.bin', 'x'.repeat(2001)]]),
        413,
        'payload_too_large',
      ],
      [
        'an image over the limit',
        form(ok, [['big.png', huge, 'image/png']]),
        413,
        'payload_too_large',
      ],
      [
        'an image that claims 100000 pixels a side',
        form(ok, [['bomb.png', bomb]]),
        415,
        'invalid_image',
      ],
      ['an empty file', form(ok, [['empty.txt', '']]), 400, 'invalid_payload'],
      ['no payload part', form(undefined, [['a.txt', 'x']]), 400, 'invalid_payload'],
      [
        'no body in the payload',
        form({ status: 'resolved' }, [['a.txt', 'x']]),
        400,
        'invalid_payload',
      ],
      [
        'a bad status',
        form({ body: 'x', status: 'closed' }, [['a.txt', 'x']]),
        400,
        'invalid_payload',
      ],
    ]
    for (const [label, body, status, code] of cases) {
      const res = await reply(h, open.reference, body)
      expect([label, res.status]).toEqual([label, status])
      expect((await res.json()).code, label).toBe(code)
    }
    const text = new FormData()
    text.set('payload', JSON.stringify(ok))
    text.set('files', 'not a file')
    expect((await reply(h, open.reference, text)).status).toBe(400)
    const broken = new FormData()
    broken.set('payload', '{"body": ')
    expect((await reply(h, open.reference, broken)).status).toBe(400)
    // A closed ticket takes no reply, and no file with it.
    const closed = await reply(
      h,
      reference,
      form({ body: 'Solved', status: 'resolved' }, [['a.txt', 'x']]),
    )
    expect(closed.status).toBe(409)
    expect(written(h)).toBe(before)
    // The same request within the limits goes through.
    expect((await reply(h, open.reference, form(ok, [['a.txt', 'x']]))).status).toBe(201)
    expect(h.count('attachments')).toBe(1)
  })

  it('is e-mailed to the reporter: the outbox names each file, the sender attaches it (mail/reply-files)', async () => {
    const h = await agentHarness({ env: { SNAGBOX_SMTP_URL: 'smtp://127.0.0.1:9' } })
    const { reference } = await h.file({
      description: 'x',
      reporter: { email: 'anna@example.com' },
    })
    const res = await reply(
      h,
      reference,
      form({ body: 'The log you asked for' }, [['log.txt', 'all fine']]),
    )
    const t = (await res.json()) as AgentTicket
    const file = (t.timeline.at(-2)!.data.attachments as { id: string }[])[0]!
    const mail = h.db.$client
      .prepare("select text, headers from mail_outbox where kind = 'reply'")
      .get() as { text: string; headers: string }
    expect(mail.text).toContain('Files of this reply, attached to this e-mail:\n- log.txt (')
    expect(JSON.parse(mail.headers).files.list).toEqual([
      expect.objectContaining({ id: file.id, name: 'log.txt', attached: true, bytes: 8 }),
    ])
    expect(mail.headers).not.toContain('all fine')
  })
})
