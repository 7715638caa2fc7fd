// The demo's mail catcher: a real SMTP server on loopback that keeps every e-mail the demo sends,
// and a page that shows them, so the reporter's side of the conversation is visible without any
// mail setup. Nothing leaves the machine. (Development only: it keeps messages in memory.)
import { createServer } from 'node:http'
import PostalMime from 'postal-mime'
import { SMTPServer } from 'smtp-server'

const escape = (s) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  )
const who = (a) => (a ? escape(a.name ? `${a.name} <${a.address}>` : a.address) : '')

const STYLE = `body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#1f2328;background:#f5f6f8}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.4rem}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #dde1e6}
td,th{text-align:left;padding:.5rem .75rem;border-top:1px solid #eef0f3;vertical-align:top}
th{font-size:.8rem;color:#57606a;text-transform:uppercase}a{color:#2457c5}
.meta{color:#57606a;font-size:.9rem}iframe{width:100%;height:32rem;border:1px solid #dde1e6;background:#fff}
pre{white-space:pre-wrap;background:#fff;border:1px solid #dde1e6;padding:1rem}`

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>` +
  `<meta name="viewport" content="width=device-width"><style>${STYLE}</style></head><body><main>${body}</main></body></html>`

/**
 * Starts the SMTP server on `smtpPort` and the page on `webPort` (both on 127.0.0.1).
 *
 * @example const catcher = await startMailCatcher({ smtpPort: 2525, webPort: 8025 })
 */
export async function startMailCatcher({ smtpPort, webPort }) {
  const messages = []
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks = []
      stream.on('data', (c) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        PostalMime.parse(raw).then(
          (mail) => {
            messages.unshift({
              id: messages.length + 1,
              at: new Date(),
              to: session.envelope.rcptTo.map((r) => r.address),
              mail,
              raw: raw.toString('utf8'),
            })
            callback()
          },
          (err) => callback(err),
        )
      })
    },
  })
  await new Promise((resolve, reject) => {
    smtp.once('error', reject)
    smtp.listen(smtpPort, '127.0.0.1', resolve)
  })

  const web = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost')
    const found = /^\/(\d+)(\/raw|\/html|\/files\/(\d+))?$/.exec(url.pathname)
    const message = found && messages.find((m) => m.id === Number(found[1]))
    const send = (status, type, body, extra = {}) =>
      res
        .writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra })
        .end(body)
    if (url.pathname === '/messages.json')
      return send(
        200,
        'application/json',
        JSON.stringify(
          messages.map((m) => ({
            id: m.id,
            to: m.to,
            subject: m.mail.subject,
            text: m.mail.text,
            files: m.mail.attachments.map((f) => ({ name: f.filename, type: f.mimeType })),
            at: m.at,
          })),
        ),
      )
    if (url.pathname === '/')
      return send(
        200,
        'text/html; charset=utf-8',
        page(
          'Demo e-mails',
          `<h1>E-mails the demo sent</h1><p class="meta">Every e-mail Snagbox sends while <code>npm start</code> runs lands here, newest first. Reload to see new ones.</p>` +
            (messages.length
              ? `<table><tr><th>When</th><th>To</th><th>Subject</th></tr>${messages
                  .map(
                    (m) =>
                      `<tr><td class="meta">${escape(m.at.toLocaleString('en-GB'))}</td><td>${escape(m.to.join(', '))}</td><td><a href="/${m.id}">${escape(m.mail.subject)}</a></td></tr>`,
                  )
                  .join('')}</table>`
              : '<p>None yet. Report a problem in the demo app with an e-mail address, or answer a request in the inbox.</p>'),
        ),
      )
    if (!message) return send(404, 'text/plain; charset=utf-8', 'No such e-mail')
    if (found[2] === '/raw') return send(200, 'text/plain; charset=utf-8', message.raw)
    // An attached file, as a download only: whatever it claims to be, this page never renders it.
    if (found[3] !== undefined) {
      const file = message.mail.attachments[Number(found[3])]
      if (!file) return send(404, 'text/plain; charset=utf-8', 'No such file')
      return send(200, 'application/octet-stream', Buffer.from(file.content), {
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename ?? 'file').replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      })
    }
    // The message's own HTML, framed without scripts, forms or anything it could load.
    if (found[2] === '/html')
      return send(200, 'text/html; charset=utf-8', message.mail.html ?? '', {
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      })
    const m = message.mail
    return send(
      200,
      'text/html; charset=utf-8',
      page(
        m.subject,
        `<p><a href="/">← All e-mails</a></p><h1>${escape(m.subject)}</h1>` +
          `<p class="meta">From ${who(m.from)}<br>To ${escape(message.to.join(', '))}<br>${escape(m.date ?? '')} · <a href="/${message.id}/raw">raw MIME</a></p>` +
          (m.attachments.length
            ? `<h2>Attached files</h2><ul>${m.attachments
                .map(
                  (f, i) =>
                    `<li><a href="/${message.id}/files/${i}" download>${escape(f.filename ?? 'file')}</a> <span class="meta">${escape(f.mimeType)}, ${(Buffer.from(f.content).length / 1024).toFixed(1)} KB</span></li>`,
                )
                .join('')}</ul>`
            : '') +
          (m.html
            ? `<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" src="/${message.id}/html" title="The e-mail as HTML"></iframe>`
            : '') +
          `<h2>Plain text</h2><pre>${escape(m.text ?? '').replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}" target="_blank" rel="noopener">${u}</a>`)}</pre>`,
      ),
    )
  })
  await new Promise((resolve, reject) => {
    web.once('error', reject)
    web.listen(webPort, '127.0.0.1', resolve)
  })
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    pageUrl: `http://127.0.0.1:${webPort}/`,
    close: () => Promise.all([new Promise((r) => smtp.close(r)), new Promise((r) => web.close(r))]),
  }
}
