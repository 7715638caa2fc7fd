import type { AddressInfo } from 'node:net'
import PostalMime, { type Email } from 'postal-mime'
import { SMTPServer } from 'smtp-server'

/** A message as the SMTP server took it: the envelope, the raw MIME and the parsed message. */
export interface Caught {
  from: string
  to: string[]
  raw: string
  mail: Email
  /** A header of the raw message, unfolded (`undefined` when absent). */
  header(name: string): string | undefined
}

/**
 * A real SMTP server on a loopback port (the `smtp-server` package), keeping every message it
 * takes. `stop()` and `start()` take it down and bring it back on the same port. With `size`, it
 * refuses a larger message (`552 5.3.4`) and keeps its envelope and size in `refused` instead.
 */
export interface SmtpCatcher {
  url: string
  messages: Caught[]
  refused: { to: string[]; bytes: number }[]
  /** Resolves once `count` messages arrived (at most `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Caught[]>
  stop(): Promise<void>
  start(): Promise<void>
  close(): Promise<void>
}

export async function smtpCatcher(options: { size?: number } = {}): Promise<SmtpCatcher> {
  const messages: Caught[] = []
  const refused: SmtpCatcher['refused'] = []
  let port = 0
  let server: SMTPServer
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Refused by the server itself, in its words: `552 5.3.4 Error: message exceeds …`.
      ...(options.size
        ? { size: options.size, rejectOversized: true, hideENHANCEDSTATUSCODES: false }
        : {}),
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          if (stream.sizeExceeded) {
            const bytes = chunks.reduce((n, c) => n + c.length, 0)
            refused.push({ to: session.envelope.rcptTo.map((r) => r.address), bytes })
            return callback()
          }
          const raw = Buffer.concat(chunks).toString('utf8')
          void PostalMime.parse(raw).then((mail) => {
            const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ')
            messages.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              mail,
              header: (name) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim(),
            })
            callback()
          }, callback)
        })
      },
    })
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = make()
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        port = (server.server.address() as AddressInfo).port
        resolve()
      })
    })
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()))
  await listen()
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refused,
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs
      while (messages.length < count) {
        if (Date.now() > until)
          throw new Error(
            `expected ${count} e-mails, got ${messages.length}: ${messages.map((m) => m.mail.subject).join(' | ')}`,
          )
        await new Promise((r) => setTimeout(r, 25))
      }
      return messages.slice(0, count)
    },
    stop,
    start: listen,
    close: stop,
  }
}
