import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { Language } from '@snagbox/sdk/contract'
import type { OutboxFile } from '../tickets/store/emails.js'
import { MAIL_WORDS } from './i18n.js'

/** What an e-mail is about: to the reporter (the first eight) or to agents. */
export type MailKind =
  | 'received'
  | 'reply'
  | 'question'
  | 'resolved'
  | 'reminder'
  | 'closed'
  | 'reopened'
  | 'split'
  | 'new_ticket'
  | 'activity'

/** Everything one e-mail says; what a kind does not use is left out. */
export interface MailContent {
  kind: MailKind
  lang: Language
  reference: string
  /** The ticket's subject. */
  subject: string
  /** Whom it greets. */
  name: string | null
  /** The reporter's status page, or the ticket in the inbox for an agent. */
  link: string
  /** The words of the agent (a reply, a solution, a reason) or of the reporter (activity). */
  body?: string | null
  /** `reply`, `question`, `resolved`: the files of the agent's reply, attached or linked. */
  files?: MailFile[]
  /** `resolved` and `reminder`: the status page at its confirm and reopen actions. */
  confirmUrl?: string
  reopenUrl?: string
  /** `resolved` and `reminder`: the day it closes itself, in words. */
  closesOn?: string | null
  /** `closed`: why. */
  closeReason?: string | null
  /** `closed` as a duplicate: the other request; `split`: the new one. */
  other?: { reference: string; status: string; link: string | null }
  /** `new_ticket`: its priority, in words, and the facts support reads first. */
  priority?: string
  facts?: [label: string, value: string][]
  /** `activity`: the reporter's event (`reporter_comment`, `confirmed`, `reopened`, `withdrawn`), or `internal_note` for an e-mail kept as a note. */
  event?: string
}

/** A file of the agent's reply in its e-mail; `removed` once it was found gone at sending. */
export type MailFile = OutboxFile & { removed?: boolean }

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

/** A paragraph of the e-mail, as text and as HTML. */
type Part =
  | { lead: string }
  | { quote: string }
  | { link: string; label: string }
  | { buttons: { label: string; url: string }[] }
  | { facts: [string, string][] }
  | { files: MailFile[]; lang: Language }

/**
 * Writes an e-mail: the subject carries the reference (`[DEMO-42] …`), the body comes as plain
 * text and as HTML in which every value is escaped and nothing is fetched from elsewhere.
 *
 * @example renderMail({ kind: 'received', lang: 'en', reference: 'DEMO-42', subject: 'Export fails', name: 'Anna', link })
 */
export function renderMail(content: MailContent): RenderedMail {
  const w = MAIL_WORDS[content.lang]
  const { title, parts } = partsOf(content)
  const topic = content.subject.length > 80 ? `${content.subject.slice(0, 79)}…` : content.subject
  const subject = `[${content.reference}] ${title}: ${topic}`.replace(/[\r\n]+/g, ' ')
  const agent = content.kind === 'new_ticket' || content.kind === 'activity'
  const closing = agent ? w.agent.off : w.footer
  const greeting = agent ? null : w.greeting(content.name)
  const text = [
    ...(greeting ? [greeting, ''] : []),
    ...parts.flatMap((p) => [partText(p), '']),
    '--',
    closing,
    '',
  ].join('\n')
  const body = html`<!doctype html>
<html lang="${content.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${subject}</title></head>
<body style="margin:0;padding:24px;background:#f5f6f8;font:15px/1.5 -apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1f2328">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;color:#57606a;font-size:13px">${content.reference}</p>
${greeting ? html`<p>${greeting}</p>` : ''}
${parts.map(partHtml)}
<p style="margin:24px 0 0;color:#57606a;font-size:12px">${closing}</p>
</div></body></html>`
  return { subject, text, html: (body as HtmlEscapedString).toString() }
}

function partsOf(c: MailContent): { title: string; parts: Part[] } {
  const w = MAIL_WORDS[c.lang]
  const quote: Part[] = [
    ...(c.body ? [{ quote: c.body }] : []),
    ...(c.files?.length ? [{ files: c.files, lang: c.lang }] : []),
  ]
  const status = { link: c.link, label: w.statusLink }
  const replyHint = { lead: w.replyHint }
  switch (c.kind) {
    case 'received':
      return {
        title: w.received.subject,
        parts: [{ lead: w.received.lead(c.reference) }, { lead: w.received.next }, status],
      }
    case 'reply':
      return {
        title: w.reply.subject,
        parts: [{ lead: w.reply.lead }, ...quote, replyHint, status],
      }
    case 'question':
      return {
        title: w.question.subject,
        parts: [{ lead: w.question.lead }, ...quote, replyHint, status],
      }
    case 'resolved':
    case 'reminder':
      return {
        title: c.kind === 'resolved' ? w.resolved.subject : w.reminder.subject,
        parts: [
          c.kind === 'resolved'
            ? { lead: w.resolved.lead }
            : { lead: w.reminder.lead(c.closesOn ?? '') },
          ...(c.kind === 'resolved' ? quote : []),
          { lead: w.resolved.ask },
          {
            buttons: [
              { label: w.resolved.yes, url: c.confirmUrl! },
              { label: w.resolved.no, url: c.reopenUrl! },
            ],
          },
          ...(c.kind === 'resolved' && c.closesOn ? [{ lead: w.resolved.closes(c.closesOn) }] : []),
          status,
        ],
      }
    case 'closed': {
      const why = c.closeReason ?? ''
      const other = c.other
      const parts: Part[] =
        why === 'duplicate' && other
          ? [
              { lead: w.closed.duplicate(other.reference, other.status) },
              ...quote,
              ...(other.link ? [{ link: other.link, label: w.closed.duplicateLink }] : []),
            ]
          : why === 'rejected'
            ? [{ lead: w.closed.rejected }, ...quote]
            : [{ lead: (w.closed as Record<string, unknown>)[why] as string }]
      return { title: w.closed.subject, parts: [...parts, status] }
    }
    case 'reopened':
      return { title: w.reopened.subject, parts: [{ lead: w.reopened.lead }, ...quote, status] }
    case 'split':
      return {
        title: w.split.subject,
        parts: [{ link: c.other!.link ?? c.link, label: w.split.lead(c.other!.reference) }, status],
      }
    case 'new_ticket':
      return {
        title: w.agent.newTicket(c.priority ?? ''),
        parts: [{ facts: c.facts ?? [] }, ...quote, { link: c.link, label: w.agent.open }],
      }
    case 'activity':
      return {
        title: c.event === 'internal_note' ? w.agent.emailed : w.agent.activity,
        parts: [
          { lead: w.agent.did[c.event ?? ''] ?? c.event ?? '' },
          ...quote,
          { link: c.link, label: w.agent.open },
        ],
      }
  }
}

function partText(p: Part): string {
  if ('lead' in p) return p.lead
  if ('quote' in p)
    return p.quote
      .split(/\r?\n/)
      .map((l) => `> ${l}`)
      .join('\n')
  if ('link' in p) return `${p.label}\n${p.link}`
  if ('buttons' in p) return p.buttons.map((b) => `${b.label}: ${b.url}`).join('\n')
  if ('files' in p)
    return fileGroups(p)
      .map(([label, files]) => [label, ...files.map((f) => `- ${fileText(f, p.lang)}`)].join('\n'))
      .join('\n\n')
  return p.facts.map(([k, v]) => `${k}: ${v}`).join('\n')
}

function partHtml(p: Part) {
  if ('lead' in p) return html`<p>${p.lead}</p>`
  if ('quote' in p)
    return html`<blockquote style="margin:16px 0;padding:8px 16px;border-left:4px solid #2457c5;background:#f5f7fb;white-space:pre-wrap">${p.quote}</blockquote>`
  if ('link' in p)
    return html`<p>${p.label}<br><a href="${p.link}" style="color:#2457c5;word-break:break-all">${p.link}</a></p>`
  if ('buttons' in p)
    return html`<p>${p.buttons.map(
      (b, i) =>
        html`<a href="${b.url}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600;${i === 0 ? 'background:#1a7f37;color:#fff' : 'border:1px solid #cf222e;color:#cf222e'}">${b.label}</a>`,
    )}</p>`
  if ('files' in p)
    return html`${fileGroups(p).map(
      ([label, files]) =>
        html`<p style="margin:16px 0 4px">${label}</p><ul style="margin:0;padding-left:20px;overflow-wrap:anywhere">${files.map(
          (f) =>
            html`<li>${f.url && !f.attached ? html`<a href="${f.url}" style="color:#2457c5">${f.name}</a>` : f.name} <span style="color:#57606a;white-space:nowrap">(${size(f.bytes, p.lang)})</span></li>`,
        )}</ul>`,
    )}`
  return html`<table style="border-collapse:collapse;margin:8px 0">${p.facts.map(
    ([k, v]) =>
      html`<tr><td style="padding:2px 12px 2px 0;color:#57606a">${k}</td><td style="padding:2px 0">${v}</td></tr>`,
  )}</table>`
}

/**
 * The part of an e-mail that names the reply's files, as its text and its HTML: the sender renders
 * it again, with the files found gone marked, in place of the one the e-mail was recorded with.
 */
export function renderFiles(files: MailFile[], lang: Language): { text: string; html: string } {
  const part = { files, lang }
  return { text: partText(part), html: (partHtml(part) as HtmlEscapedString).toString() }
}

/** The reply's files by what became of them, each kind with the words that say so. */
function fileGroups(p: { files: MailFile[]; lang: Language }): [string, MailFile[]][] {
  const w = MAIL_WORDS[p.lang].files
  const groups: [string, MailFile[]][] = [
    [w.attached, p.files.filter((f) => f.attached && !f.removed)],
    [w.removed, p.files.filter((f) => f.attached && f.removed)],
    [w.linked, p.files.filter((f) => !f.attached)],
  ]
  return groups.filter(([, files]) => files.length > 0)
}

function fileText(f: MailFile, lang: Language): string {
  const named = `${f.name} (${size(f.bytes, lang)})`
  return f.url && !f.attached ? `${named}: ${f.url}` : named
}

/** A file's size in words: `12 KB`, `3.4 MB`. */
function size(bytes: number, lang: Language): string {
  const w = MAIL_WORDS[lang].files
  const mb = bytes >= 1024 * 1024
  const value = mb ? bytes / (1024 * 1024) : Math.max(bytes / 1024, 0.1)
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)
  return `${n} ${mb ? w.mb : w.kb}`
}
