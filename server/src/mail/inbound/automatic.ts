import type { InboundMessage } from './parse.js'

/**
 * Why a message must be neither answered nor turned into a ticket — an auto-reply, a bounce or
 * a delivery report, mailing-list traffic, or mail from ourselves — or `null` for a person's
 * message. Answering any of these is how two robots mail each other forever.
 *
 * @example automaticReason(message, new Set(['support@kvant.example'])) // 'auto-submitted: auto-replied'
 */
export function automaticReason(m: InboundMessage, ownAddresses: Set<string>): string | null {
  const h = (name: string) => m.header(name)?.trim().toLowerCase()
  const auto = h('auto-submitted')
  if (auto && auto !== 'no') return `auto-submitted: ${auto.slice(0, 40)}`
  if (h('x-autoreply') !== undefined || h('x-autorespond') !== undefined) return 'auto-reply'
  const precedence = h('precedence')
  if (precedence && /^(bulk|junk|list)\b/.test(precedence)) return `precedence: ${precedence}`
  if (h('list-id') !== undefined) return 'mailing list'
  if (h('return-path')?.replace(/\s/g, '') === '<>') return 'bounce (empty Return-Path)'
  if (h('content-type')?.startsWith('multipart/report')) return 'delivery report'
  if (!m.from) return 'no sender'
  const local = m.from.address.slice(0, m.from.address.lastIndexOf('@'))
  if (local === 'mailer-daemon' || local === 'postmaster') return 'mailer daemon'
  if (ownAddresses.has(m.from.address) || ownAddresses.has(withoutTag(m.from.address)))
    return 'our own address'
  return null
}

/** `support+abc@x.example` → `support@x.example`. */
export function withoutTag(address: string): string {
  return address.replace(/\+[^@]*@/, '@')
}
