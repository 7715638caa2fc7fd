import { ImapFlow } from 'imapflow'
import { backoff } from '@snagbox/sdk/contract'
import type { AppDeps } from '../../deps.js'
import { parseMailbox } from '../../mail-address.js'
import { applyMessage, type MailboxContext } from './apply.js'
import { parseMessage } from './parse.js'
import { mailboxAddress } from './reply-address.js'
import { recordRead, wasRead, type MailboxProject, type MessageRef } from './store.js'

/** Larger messages are refused unread: what mail servers commonly take. */
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024
/** A message whose change failed this often is set aside: it must not hold the mailbox up. */
const MAX_ATTEMPTS = 3

export interface MailboxJob {
  /** Reads every unseen message now; resolves once each was handled (or the mailbox failed). */
  readNow(): Promise<{ read: number; error?: string }>
  /** Stops after the message in hand, and logs out. */
  stop(): Promise<void>
}

export interface MailboxJobOptions {
  /** Where ignored and refused messages and connection trouble are logged. */
  log?: (line: string) => void
}

type Deps = Pick<AppDeps, 'db' | 'config' | 'changes' | 'now'>

/**
 * Watches a project's mailbox (`--imap-url`): stays connected, hears of new messages by IDLE
 * where the server has it and looks every `--imap-poll-seconds` anyway, reconnects with backoff.
 * Each unseen message is handled once: recorded as read in the transaction of what it changed,
 * and only then flagged `\Seen` — so a crash in between reads it again and the record skips it.
 * A message that can't be read is recorded, flagged `\Seen` and `\Flagged`, and the next is read.
 *
 * @example const job = watchMailbox(deps, project); …; await job.stop()
 */
export function watchMailbox(
  deps: Deps,
  project: MailboxProject,
  options: MailboxJobOptions = {},
): MailboxJob {
  const log = options.log ?? ((line: string) => console.error(line))
  const url = new URL(project.imapUrl)
  const secure = url.protocol === 'imaps:'
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const port = Number(url.port) || (secure ? 993 : 143)
  const user = decodeURIComponent(url.username)
  const path = decodeURIComponent(url.pathname.replace(/^\/+/, '')) || 'INBOX'
  const name = `${user}@${host}:${port}/${path}`
  const pollMs = deps.config.inbound.pollSeconds * 1000
  const box = context(project, deps.config)
  const failures = new Map<string, number>()
  const say = (line: string) => log(`Snagbox mail ${project.prefix} (${name}): ${line}`)
  let stopped = false
  let again = false
  let client: ImapFlow | null = null
  type Result = { read: number; error?: string }
  /** Callers of `readNow`, each answered by the first pass that began after it asked. */
  let waiters: { after: number; resolve: (r: Result) => void }[] = []
  let passes = 0
  let wake = () => {}
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (again || stopped) return resolve()
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wake = () => {}
        resolve()
      }
      wake = done
    })
  const poke = () => {
    again = true
    wake()
  }
  const answer = (result: Result, pass = Infinity) => {
    const done = waiters.filter((w) => w.after < pass)
    waiters = waiters.filter((w) => w.after >= pass)
    for (const w of done) w.resolve(result)
  }

  const flag = (imap: ImapFlow, uid: number, aside: boolean) =>
    imap.messageFlagsAdd(String(uid), aside ? ['\\Seen', '\\Flagged'] : ['\\Seen'], { uid: true })

  const setAside = async (imap: ImapFlow, ref: MessageRef, sender: string, reason: string) => {
    recordRead(deps.db, ref, { sender, outcome: 'refused', reason }, deps.now())
    say(`refused ${ref.messageKey}${sender ? ` from ${sender}` : ''}: ${reason}`)
    await flag(imap, ref.uid, true)
  }

  const readOne = async (imap: ImapFlow, uid: number, validity: string) => {
    const head = await imap.fetchOne(
      String(uid),
      { uid: true, size: true, envelope: true },
      { uid: true },
    )
    if (!head) return
    const id = head.envelope?.messageId?.trim() ?? ''
    const messageKey = id && id.length <= 500 && !/\s/.test(id) ? id : `uid:${validity}:${uid}`
    const ref: MessageRef = { projectId: project.id, mailbox: name, messageKey, uid }
    if (wasRead(deps.db, ref)) return flag(imap, uid, false)
    if ((head.size ?? 0) > MAX_MESSAGE_BYTES)
      return setAside(imap, ref, '', `larger than ${MAX_MESSAGE_BYTES} bytes (${head.size})`)
    const full = await imap.fetchOne(String(uid), { source: true }, { uid: true })
    if (!full || !full.source) return
    let message
    try {
      message = await parseMessage(full.source)
    } catch (err) {
      return setAside(imap, ref, '', `unreadable: ${(err as Error).message}`)
    }
    const sender = message.from?.address ?? ''
    try {
      const applied = applyMessage(deps, box, ref, message)
      failures.delete(messageKey)
      if (applied.outcome === 'ignored' || applied.outcome === 'refused')
        say(`${applied.outcome} ${messageKey} from ${sender || '(nobody)'}: ${applied.reason}`)
      await flag(imap, uid, applied.outcome === 'refused')
    } catch (err) {
      // Nothing of it was written: read again next time, unless it keeps failing.
      const attempts = (failures.get(messageKey) ?? 0) + 1
      failures.set(messageKey, attempts)
      say(`could not record ${messageKey} (attempt ${attempts}): ${(err as Error).message}`)
      if (attempts >= MAX_ATTEMPTS) {
        failures.delete(messageKey)
        await setAside(imap, ref, sender, `failed ${attempts} times: ${(err as Error).message}`)
      }
    }
  }

  const readUnseen = async (imap: ImapFlow): Promise<number> => {
    const validity = String(imap.mailbox ? imap.mailbox.uidValidity : 0)
    const uids = ((await imap.search({ seen: false }, { uid: true })) || []).sort((a, b) => a - b)
    let read = 0
    for (const uid of uids) {
      if (stopped) break
      await readOne(imap, uid, validity)
      read++
    }
    return read
  }

  const loop = async () => {
    let failed = 0
    while (!stopped) {
      const imap = new ImapFlow({
        host,
        port,
        secure,
        auth: { user, pass: decodeURIComponent(url.password) },
        logger: false,
        // IDLE soon after a pass: it is held off while a pass holds the mailbox lock anyway.
        autoIdleDelay: 250,
        connectionTimeout: 30_000,
        maxLiteralSize: MAX_MESSAGE_BYTES * 2,
      })
      client = imap
      imap.on('error', (err: Error) => say(`connection error: ${err.message}`))
      imap.on('exists', poke)
      try {
        await imap.connect()
        await imap.mailboxOpen(path)
        failed = 0
        while (!stopped && imap.usable) {
          again = false
          const pass = ++passes
          // Locked for a pass only: between passes the connection is free, and IDLEs.
          const lock = await imap.getMailboxLock(path)
          try {
            answer({ read: await readUnseen(imap) }, pass)
          } finally {
            lock.release()
          }
          await pause(pollMs)
        }
      } catch (err) {
        failed++
        if (!stopped) say(`cannot read the mailbox: ${(err as Error).message}`)
        answer({ read: 0, error: (err as Error).message })
        again = false
      } finally {
        imap.removeListener('exists', poke)
        if (imap.usable) await imap.logout().catch(() => imap.close())
        else imap.close()
      }
      if (!stopped) await pause(backoff(failed, 1000, pollMs, Math.random))
    }
    answer({ read: 0, error: 'stopped' })
  }
  const running = loop()

  return {
    readNow() {
      if (stopped) return Promise.resolve({ read: 0, error: 'stopped' })
      return new Promise((resolve) => {
        waiters.push({ after: passes, resolve })
        poke()
      })
    },
    async stop() {
      stopped = true
      wake()
      // A connection that hangs (a server that stopped answering) is cut after a grace period.
      const cut = setTimeout(() => client?.close(), 5_000)
      await running
      clearTimeout(cut)
    },
  }
}

/** Our own addresses and Message-ID domains, for telling our mail and our threads. */
function context(project: MailboxProject, config: Deps['config']): MailboxContext {
  const sender = (project.mailFrom && parseMailbox(project.mailFrom)) || config.mail.from
  const own = [mailboxAddress(project, config), sender.address, config.mail.from.address].filter(
    (a): a is string => !!a,
  )
  return {
    project,
    own: new Set(own),
    domains: new Set(own.map((a) => a.slice(a.lastIndexOf('@') + 1))),
  }
}
