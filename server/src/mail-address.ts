import { isEmailAddress } from '@snagbox/sdk/contract'

/** A sender or recipient: an address and, optionally, the name shown beside it. */
export interface Mailbox {
  name: string | null
  address: string
}

/**
 * Reads `"Kvant support" <support@kvant.example>`, `Kvant support <support@kvant.example>` or a
 * bare address; `undefined` when it is none of these (a header break, two addresses, no `@`).
 *
 * @example parseMailbox('"Kvant support" <support@kvant.example>') // { name: 'Kvant support', address: 'support@kvant.example' }
 */
export function parseMailbox(value: string): Mailbox | undefined {
  if (/[\r\n\0]/.test(value)) return undefined
  const trimmed = value.trim()
  const named = /^(?:"((?:[^"\\]|\\.)*)"|([^"<>,;]*?))\s*<([^<>\s]+)>$/.exec(trimmed)
  const address = (named ? named[3]! : trimmed).toLowerCase()
  if (!isEmailAddress(address)) return undefined
  const name = named ? (named[1]?.replace(/\\(.)/g, '$1') ?? named[2]!).trim() : ''
  return { name: name || null, address }
}

/**
 * The address with all but its first letter hidden, as the reporter is told where mail goes.
 *
 * @example maskAddress('anna@example.com') // 'a***@example.com'
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@')
  return `${address.slice(0, 1)}***${address.slice(at)}`
}
