import type { Attachment } from 'nodemailer/lib/mailer/index.js'
import { pickLanguage } from '@snagbox/sdk/contract'
import type { Db } from '../db/client.js'
import type { OutboxFile, OutboxFiles } from '../tickets/store/emails.js'
import { attachmentData } from '../tickets/store/read.js'
import { renderFiles, type MailFile } from './messages.js'

/**
 * How many bytes of a reply's files one e-mail carries. The smallest limit in common use is 10 MB
 * for the whole message as it travels (Exchange Server's default for sending and receiving);
 * base64 with its line breaks makes 7 MiB of files about 9.6 MiB, which leaves room for the text,
 * the HTML and the headers. Gmail (25 MB) and Outlook.com (20 MB) take more. The files past it
 * stay links.
 */
export const ATTACH_BYTES = 7 * 1024 * 1024

/** The longest file name an e-mail gives, in characters: long names fold badly in some clients. */
const NAME_CHARS = 100

/**
 * The files a reply's timeline entry of the ticket `ticketId` names (`attachments: [{ id, name,
 * bytes }]`) as its e-mail gives them: attached, in their order, as long as they fit in
 * {@link ATTACH_BYTES} together; each with its link (`urlOf`), which the e-mail gives for the ones
 * not attached.
 */
export function replyFiles(
  entries: unknown,
  ticketId: string,
  urlOf: (id: string) => string,
): OutboxFile[] {
  let room = ATTACH_BYTES
  const list = Array.isArray(entries) ? (entries as Record<string, unknown>[]) : []
  return list.flatMap((f) => {
    if (typeof f?.id !== 'string') return []
    const bytes = typeof f.bytes === 'number' && f.bytes > 0 ? f.bytes : 0
    const attached = bytes > 0 && bytes <= room
    if (attached) room -= bytes
    const name = mailFileName(typeof f.name === 'string' ? f.name : '')
    return [{ id: f.id, ticketId, name, bytes, attached, url: urlOf(f.id) }]
  })
}

/**
 * A file's name as an e-mail may carry it in its headers and words: no control characters (a
 * line break would end the header), no bidirectional or invisible marks (a right-to-left override
 * shows `gpj.exe` as `exe.jpg`), no quotes, slashes or other characters file systems refuse,
 * and at most {@link NAME_CHARS} characters, its extension kept.
 */
export function mailFileName(name: string): string {
  const clean = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/["\\/:*?<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
  // By code points, so that a cut never halves a character.
  const chars = [...clean]
  if (chars.length <= NAME_CHARS) return clean || 'file'
  const dot = chars.lastIndexOf('.')
  const ext = dot > 0 && chars.length - dot <= 10 ? chars.slice(dot) : []
  return [...chars.slice(0, NAME_CHARS - ext.length), ...ext].join('')
}

/**
 * What an e-mail carries of its reply's files when it is sent, read now: each attached file's
 * bytes with its type and name. A file gone meanwhile is left out, and the e-mail's text and HTML
 * name it among the removed ones, in place of the list it was recorded with. With `attach` false
 * (a receiving server refused the message's size) nothing is attached: each file is its link.
 */
export function filesToSend(
  db: Db,
  mail: { text: string; html: string },
  files: OutboxFiles,
  attach = true,
): { text: string; html: string; attachments: Attachment[] } {
  const attachments: Attachment[] = []
  const sent = files.list.map((f): MailFile => {
    if (!f.attached) return f
    const found = attachmentData(db, f.ticketId, f.id, 'reporter')
    if (!found) return { ...f, removed: true }
    if (!attach) return { ...f, attached: false }
    attachments.push({
      filename: f.name,
      content: found.data,
      contentType: found.contentType,
      contentDisposition: 'attachment',
    })
    return f
  })
  if (sent.every((f, i) => f === files.list[i])) return { ...mail, attachments }
  const lang = pickLanguage([files.lang])
  const before = renderFiles(files.list, lang)
  const after = renderFiles(sent, lang)
  return {
    text: replaceLast(mail.text, before.text, after.text),
    html: replaceLast(mail.html, before.html, after.html),
    attachments,
  }
}

/** The list comes after the agent's words, which might quote it: the last one is the e-mail's own. */
function replaceLast(whole: string, part: string, by: string): string {
  const at = whole.lastIndexOf(part)
  return at < 0 ? whole : whole.slice(0, at) + by + whole.slice(at + part.length)
}
