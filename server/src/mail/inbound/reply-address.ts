import { isEmailAddress } from '@snagbox/sdk/contract'
import type { Config } from '../../config.js'
import { parseMailbox } from '../../mail-address.js'

/** A ticket's reply token: 128 random bits as lower-case hex, since mail systems may fold case. */
export const REPLY_TOKEN = /^[0-9a-f]{32}$/

/**
 * The address a project's mailbox is reached at: its IMAP user when that is an address, else the
 * project's sender (or the server's); `null` when the project reads no mailbox.
 *
 * @example mailboxAddress({ imapUrl: 'imaps://support%40kvant.example:pw@imap.kvant.example/INBOX', mailFrom: null }, config) // 'support@kvant.example'
 */
export function mailboxAddress(
  project: { imapUrl: string | null; mailFrom: string | null },
  config: Config,
): string | null {
  if (!project.imapUrl) return null
  const user = decodeURIComponent(new URL(project.imapUrl).username).trim().toLowerCase()
  if (isEmailAddress(user)) return user
  return ((project.mailFrom && parseMailbox(project.mailFrom)) || config.mail.from).address
}

/**
 * The per-ticket reply address, by plus-addressing: `support@kvant.example` and a token make
 * `support+<token>@kvant.example`, which reaches the same mailbox.
 *
 * @example replyAddress('support@kvant.example', token) // 'support+3f…@kvant.example'
 */
export function replyAddress(mailbox: string, token: string): string {
  const at = mailbox.lastIndexOf('@')
  return `${mailbox.slice(0, at)}+${token}${mailbox.slice(at)}`
}

/** The reply tokens among the addresses a message was delivered to (`support+<token>@…`). */
export function replyTokensIn(addresses: string[]): string[] {
  const tokens = addresses.flatMap((a) => {
    const local = a.toLowerCase().slice(0, a.lastIndexOf('@'))
    const token = local.slice(local.lastIndexOf('+') + 1)
    return local.includes('+') && REPLY_TOKEN.test(token) ? [token] : []
  })
  return [...new Set(tokens)]
}
