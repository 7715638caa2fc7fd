import PostalMime, { type Address, type Email } from 'postal-mime'
import { htmlToText } from './html-text.js'

/** More text than this is cut before anything else reads it (what is stored is cut further). */
const MAX_TEXT = 100_000
const MAX_HTML = 2_000_000
const MAX_NAMES = 50
const MAX_IMAGES = 10

/** A message as the mailbox reader works with it: text only, every value cleaned of controls. */
export interface InboundMessage {
  from: { name: string; address: string } | null
  subject: string
  /** The body as plain text (converted from HTML when there is no text part). */
  text: string
  /** Every address it was sent or delivered to, lower case. */
  recipients: string[]
  /** Message-IDs it answers: `In-Reply-To`, then `References` from the newest. */
  thread: string[]
  /** `Content-Language`, when there is one. */
  language: string | null
  /** The names of its attachments. */
  attachments: string[]
  /** The first attached image (one attached as a file before one shown inline), for a screenshot. */
  image: { name: string; data: Uint8Array } | null
  /** Every image it came with (at most 10), in order: what a reply keeps as attachments. */
  images: { name: string; data: Uint8Array }[]
  /** A header's first value, unfolded; `undefined` when absent. */
  header(name: string): string | undefined
}

/**
 * Reads a raw message. Throws on what it refuses to read: deeper MIME nesting than any mailer
 * writes, or headers larger than any message needs.
 *
 * @example const message = await parseMessage(raw)
 */
export async function parseMessage(raw: Uint8Array): Promise<InboundMessage> {
  const email = await PostalMime.parse(raw, {
    maxNestingDepth: 32,
    maxHeadersSize: 256 * 1024,
    maxRfc822NestingDepth: 2,
  })
  const headers = new Map<string, string>()
  for (const h of email.headers) if (!headers.has(h.key)) headers.set(h.key, h.value)
  const all = (key: string) => email.headers.filter((h) => h.key === key).map((h) => h.value)
  const from = email.from && !email.from.group ? email.from : null
  const address = from?.address?.trim().toLowerCase() ?? ''
  const text = email.text ?? (email.html ? htmlToText(email.html.slice(0, MAX_HTML)) : '')
  const language = (headers.get('content-language') ?? '').split(',')[0]!.trim()
  return {
    from: address ? { name: oneLine(from?.name ?? ''), address: oneLine(address) } : null,
    subject: oneLine(email.subject ?? ''),
    text: cleanText(text.slice(0, MAX_TEXT)),
    recipients: recipientsOf(email, [
      ...all('delivered-to'),
      ...all('x-original-to'),
      ...all('envelope-to'),
    ]),
    thread: [
      ...messageIds(email.inReplyTo ?? ''),
      ...messageIds(email.references ?? '').reverse(),
    ].slice(0, 100),
    language: /^[a-z]{1,8}(-[a-z0-9]{1,8}){0,4}$/i.test(language) ? language : null,
    attachments: email.attachments.slice(0, MAX_NAMES).map(nameOf),
    image: firstImage(email),
    images: imagesOf(email),
    header: (name) => headers.get(name.toLowerCase()),
  }
}

/** One line of text: line breaks and other controls (a header's CR/LF) become spaces. */
export function oneLine(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Text with `\n` line ends and no controls but tabs. */
function cleanText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .trim()
}

function recipientsOf(email: Email, delivered: string[]): string[] {
  const listed = (list: Address[] | undefined) =>
    (list ?? []).flatMap((a) => (a.group ? a.group : [a])).map((m) => m.address ?? '')
  const raw = [
    ...listed(email.to),
    ...listed(email.cc),
    email.deliveredTo ?? '',
    ...delivered.flatMap((v) => v.match(/[^\s<>,;"]{1,200}@[^\s<>,;"]{1,200}/g) ?? []),
  ]
  return [...new Set(raw.map((a) => a.trim().toLowerCase()).filter((a) => a.includes('@')))]
}

function messageIds(value: string): string[] {
  return value.match(/<[^<>\s]{1,300}>/g) ?? []
}

type Attachment = Email['attachments'][number]

function nameOf(a: Attachment): string {
  const name = oneLine(a.filename ?? '').slice(0, 100)
  return name || `(${oneLine(a.mimeType).slice(0, 60) || 'unnamed'})`
}

/** The images of a message, at most `MAX_IMAGES` of them, with their data. */
function imagesOf(email: Email): InboundMessage['images'] {
  return email.attachments
    .filter((a) => a.mimeType.toLowerCase().startsWith('image/') && typeof a.content !== 'string')
    .slice(0, MAX_IMAGES)
    .map((a) => ({ name: nameOf(a), data: new Uint8Array(a.content as ArrayBuffer) }))
}

function firstImage(email: Email): InboundMessage['image'] {
  const images = email.attachments.filter((a) => a.mimeType.toLowerCase().startsWith('image/'))
  const chosen = images.find((a) => a.disposition !== 'inline') ?? images[0]
  if (!chosen || typeof chosen.content === 'string') return null
  return { name: nameOf(chosen), data: new Uint8Array(chosen.content) }
}
