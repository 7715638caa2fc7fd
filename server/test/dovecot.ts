import { spawn, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { ImapFlow } from 'imapflow'
import { freePort } from '../../sdk/test/browser-harness.js'

/*
 * A real IMAP server for the mailbox reader's tests: Debian's Dovecot, started as the current
 * user on a free loopback port with a throw-away configuration and maildir in a temporary
 * folder, and stopped after. Missing Dovecot fails the tests (CI installs `dovecot-imapd`).
 */

const BINARIES = [process.env.DOVECOT_PATH, '/usr/sbin/dovecot', '/usr/local/sbin/dovecot']

export interface Dovecot {
  port: number
  user: string
  password: string
  /** `imap://user:password@127.0.0.1:port/<mailbox>` for a project's `--imap-url`. */
  url(mailbox?: string): string
  /** A connected IMAP client, as the mail client of whoever drops messages in. */
  client(): Promise<ImapFlow>
  /** Creates a mailbox (folder), so that each test reads its own. */
  createMailbox(name: string): Promise<void>
  /** Drops a raw message into a mailbox by IMAP APPEND. */
  append(mailbox: string, raw: string | Buffer, flags?: string[]): Promise<void>
  /** The flags of every message of a mailbox, by UID. */
  flags(mailbox: string): Promise<Map<number, Set<string>>>
  /** Takes `\Seen` off every message, as if the reader crashed before marking them. */
  markUnseen(mailbox: string): Promise<void>
  stop(): Promise<void>
}

export async function startDovecot(): Promise<Dovecot> {
  const binary = BINARIES.find((b): b is string => !!b && existsSync(b))
  if (!binary)
    throw new Error(
      'Dovecot is not installed: the mailbox tests need a real IMAP server. Install it (Debian: apt-get install dovecot-imapd) or set DOVECOT_PATH.',
    )
  const dir = await mkdtemp(join(tmpdir(), 'snagbox-dovecot-'))
  for (const sub of ['base', 'state', 'Maildir']) mkdirSync(join(dir, sub))
  const port = await freePort()
  const me = userInfo()
  // Dovecot will not run its login or mail processes as root: as root, they run as nobody.
  const mail =
    me.uid === 0 ? passwdEntry('nobody') : { name: me.username, uid: me.uid, gid: me.gid }
  if (me.uid === 0) for (const d of [dir, join(dir, 'Maildir')]) chownSync(d, mail.uid, mail.gid)
  const user = 'support@kvant.example'
  const password = 'imap-secret'
  const config = join(dir, 'dovecot.conf')
  writeFileSync(
    config,
    `base_dir = ${dir}/base
state_dir = ${dir}/state
log_path = /dev/stderr
info_log_path = /dev/null
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${me.username}
default_internal_group = ${groupName(me.gid)}
default_login_user = ${mail.name}
first_valid_uid = ${Math.min(mail.uid, 500)}
first_valid_gid = 0
mail_location = maildir:${dir}/Maildir
passdb {
  driver = static
  args = password=${password}
}
userdb {
  driver = static
  args = uid=${mail.uid} gid=${mail.gid} home=${dir}
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  chroot =
}
`,
  )
  const child = spawn(binary, ['-F', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  await listening(child, port, () => log)

  const client = async () => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    })
    await c.connect()
    return c
  }
  const withClient = async <T>(work: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const c = await client()
    try {
      return await work(c)
    } finally {
      await c.logout()
    }
  }
  return {
    port,
    user,
    password,
    url: (mailbox = 'INBOX') =>
      `imap://${encodeURIComponent(user)}:${password}@127.0.0.1:${port}/${encodeURIComponent(mailbox)}`,
    client,
    createMailbox: (name) => withClient(async (c) => void (await c.mailboxCreate(name))),
    append: (mailbox, raw, flags = []) =>
      withClient(async (c) => void (await c.append(mailbox, raw, flags))),
    flags: (mailbox) =>
      withClient(async (c) => {
        const lock = await c.getMailboxLock(mailbox)
        const found = new Map<number, Set<string>>()
        try {
          if (c.mailbox && c.mailbox.exists > 0)
            for await (const m of c.fetch('1:*', { uid: true, flags: true }))
              found.set(m.uid, m.flags ?? new Set())
        } finally {
          lock.release()
        }
        return found
      }),
    markUnseen: (mailbox) =>
      withClient(async (c) => {
        const lock = await c.getMailboxLock(mailbox)
        try {
          await c.messageFlagsRemove('1:*', ['\\Seen'])
        } finally {
          lock.release()
        }
      }),
    async stop() {
      await stopProcess(child)
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Resolves once the server greets on its port; rejects with its log when it exits or hangs. */
async function listening(child: ChildProcess, port: number, log: () => string): Promise<void> {
  let exited = false
  child.once('exit', () => (exited = true))
  const until = Date.now() + 15_000
  while (Date.now() < until) {
    if (exited) throw new Error(`Dovecot exited at start:\n${log()}`)
    if (await greets(port)) return
    await new Promise((r) => setTimeout(r, 50))
  }
  child.kill('SIGKILL')
  throw new Error(`Dovecot did not listen on port ${port} within 15 s:\n${log()}`)
}

function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('data', (d) => {
      socket.destroy()
      resolve(d.toString().startsWith('* OK'))
    })
    socket.once('error', () => resolve(false))
  })
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

function passwdEntry(name: string): { name: string; uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`))
  if (!line) throw new Error(`no user ${name} to run Dovecot's processes as`)
  const [, , uid, gid] = line.split(':')
  return { name, uid: Number(uid), gid: Number(gid) }
}

function groupName(gid: number): string {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((l) => l.split(':')[2] === String(gid))
  return line ? line.split(':')[0]! : String(gid)
}
