import { randomBytes } from 'node:crypto'
import { and, eq, inArray, isNull, or } from 'drizzle-orm'
import {
  isEmailAddress,
  pickLanguage,
  ROUTES,
  ticketPaths,
  type Environment,
  type Language,
  type Reporter,
} from '@snagbox/sdk/contract'
import type { Config } from '../config.js'
import type { Tx } from '../db/client.js'
import { agentProjects, agents, projects, tickets } from '../db/schema.js'
import type { AppendedEvent, CommittedChange } from '../tickets/store/changes.js'
import { addReporterToken } from '../tickets/store/create.js'
import { reporterEmailOf } from '../tickets/store/views.js'
import type { TicketRow } from '../tickets/store/read.js'
import { parseMailbox, type Mailbox } from '../mail-address.js'
import { MAIL_WORDS } from './i18n.js'
import { renderMail, type MailContent, type MailKind } from './messages.js'
import { enqueueMail } from '../tickets/store/emails.js'
import { replyFiles } from './reply-files.js'
import { mailboxAddress, replyAddress } from './inbound/reply-address.js'
import { replyTokenFor } from './inbound/store.js'

type Project = typeof projects.$inferSelect

/** The reporter's events an agent hears of. */
const REPORTER_ACTIVITY = new Set(['reporter_comment', 'confirmed', 'reopened', 'withdrawn'])

/**
 * The e-mails one committed change causes, recorded in its transaction: to the reporter (when the
 * ticket has a reporter e-mail) and to the agents who asked for them. See `README.md` for which.
 */
export function recordNotifications(tx: Tx, change: CommittedChange, config: Config): void {
  const rows = new Map([...change.created, ...change.changed].map((t) => [t.id, t]))
  const mailer = new Mailer(tx, config)
  for (const event of change.events) {
    const ticket = rows.get(event.ticketId)
    if (!ticket) continue
    const cause = { eventId: event.id, at: event.createdAt, key: String(event.id) }
    for (const [kind, extra] of reporterMail(event, ticket))
      mailer.toReporter(ticket, cause, kind, extra)
    if (event.type === 'created') mailer.toAgents(ticket, cause, 'new_ticket', event)
    if (event.actor.kind === 'reporter' && REPORTER_ACTIVITY.has(event.type))
      mailer.toAgents(ticket, cause, 'activity', event)
    // An e-mail kept as an internal note (mail/inbound): an outsider's, or on a closed ticket.
    if (event.type === 'internal_note' && event.data.via === 'email')
      mailer.toAgents(ticket, cause, 'activity', event)
  }
}

/**
 * What an e-mail to the reporter says beyond the ticket: the other ticket, a reply's files (the
 * `attachments` of its timeline entry).
 */
type ReporterExtra = Partial<MailContent> & { otherId?: string; replyFiles?: unknown }

/** What the reporter is told of an event: nothing, or one kind of e-mail with its details. */
function reporterMail(event: AppendedEvent, ticket: TicketRow): [MailKind, ReporterExtra][] {
  const d = event.data
  const byAgent = event.actor.kind === 'agent' || event.actor.kind === 'token'
  switch (event.type) {
    case 'created':
      // A split's new ticket is announced on the original, with its own link.
      return ticket.splitFromId ? [] : [['received', {}]]
    case 'public_reply': {
      const kind =
        d.status === 'resolved'
          ? 'resolved'
          : d.status === 'waiting_on_reporter'
            ? 'question'
            : 'reply'
      // A mass incident's child's entry names the files of the incident's reply.
      return [[kind, { body: String(d.body ?? ''), replyFiles: d.attachments }]]
    }
    case 'closed':
      return [
        [
          'closed',
          {
            closeReason: String(d.closeReason ?? ''),
            body: typeof d.comment === 'string' && d.comment.trim() ? d.comment : null,
            ...(typeof d.duplicateOf === 'string' ? { otherId: d.duplicateOf } : {}),
          },
        ],
      ]
    case 'confirmed':
    case 'withdrawn':
    case 'auto_closed':
      return [
        ['closed', { closeReason: event.type === 'auto_closed' ? 'auto_closed' : event.type }],
      ]
    case 'reopened':
      return byAgent ? [['reopened', { body: String(d.reason ?? '') || null }]] : []
    case 'split':
      return [['split', { otherId: String(d.ticketId) }]]
    default:
      return []
  }
}

/** What an e-mail comes from: a timeline event, or a reminder (no event). */
export interface MailCause {
  eventId: number | null
  /** When, as the e-mail's recording time. */
  at: string
  /** With kind and recipient, what makes the e-mail once-only. */
  key: string
}

/** Writes the e-mails of one transaction: links, tokens, language, threading headers. */
export class Mailer {
  private readonly projectsById = new Map<string, Project>()

  constructor(
    private readonly tx: Tx,
    private readonly config: Config,
  ) {}

  toReporter(ticket: TicketRow, cause: MailCause, kind: MailKind, extra: ReporterExtra): void {
    const reporter = JSON.parse(ticket.reporter) as Reporter
    const to = reporter.email?.trim().toLowerCase()
    if (!to || !isEmailAddress(to)) return
    const lang = languageOf(ticket)
    const project = this.project(ticket.projectId)
    const token = addReporterToken(this.tx, ticket.id, cause.at)
    const link = this.statusLinkOf(token, lang)
    const { otherId, replyFiles: entries, ...details } = extra
    // A file not attached is linked with this e-mail's status token, as the status page links it.
    const linkOf = (id: string) =>
      `${this.config.publicUrl}${ticketPaths.status(token, `/attachments/${encodeURIComponent(id)}`)}`
    const files = entries ? replyFiles(entries, ticket.id, linkOf) : []
    const other = otherId ? this.other(otherId, to, cause.at, lang) : undefined
    const due = ticket.status === 'resolved' ? ticket.autoCloseDueAt : null
    const replyTo = this.replyTo(ticket, cause.at)
    this.enqueue(ticket, cause, kind, 'reporter', to, replyTo, {
      kind,
      lang,
      reference: ticket.reference,
      subject: ticket.subject,
      name: reporter.name?.trim() || null,
      link,
      confirmUrl: `${link}&do=confirm`,
      reopenUrl: `${link}&do=reopen#reopen`,
      closesOn: due ? formatDate(due, lang, project.timeZone) : null,
      ...(other ? { other } : {}),
      ...(files.length ? { files } : {}),
      ...details,
    })
  }

  toAgents(
    ticket: TicketRow,
    cause: MailCause,
    kind: 'new_ticket' | 'activity',
    event: AppendedEvent,
  ): void {
    const lang = languageOf(ticket)

    const urgent = ticket.priority === 'critical' || ticket.priority === 'high'
    const members = this.tx
      .select({ id: agents.id, email: agents.email, name: agents.name })
      .from(agents)
      .where(
        and(
          isNull(agents.disabledAt),
          or(
            eq(agents.role, 'admin'),
            inArray(
              agents.id,
              this.tx
                .select({ id: agentProjects.agentId })
                .from(agentProjects)
                .where(eq(agentProjects.projectId, ticket.projectId)),
            ),
          ),
          kind === 'new_ticket'
            ? inArray(agents.notifyNewTickets, urgent ? ['urgent', 'all'] : ['all'])
            : eq(agents.notifyActivity, true),
          // The reporter's activity goes to the assignee; to everyone while nobody has it.
          kind === 'activity' && ticket.assigneeId ? eq(agents.id, ticket.assigneeId) : undefined,
        ),
      )
      .all()
    if (!members.length) return
    // What support reads first, for a new ticket (an agent hearing of an answer knows the ticket).
    const facts = kind === 'new_ticket' ? factsOf(ticket, lang) : []
    for (const agent of members)
      this.enqueue(ticket, cause, kind, 'agent', agent.email, undefined, {
        kind,
        lang,
        reference: ticket.reference,
        subject: ticket.subject,
        name: agent.name,
        link: `${this.config.publicUrl}${ROUTES.inbox}/tickets/${encodeURIComponent(ticket.reference)}`,
        priority: ticket.priority,
        facts,
        event: event.type,
        body: kind === 'new_ticket' ? ticket.description : activityBody(event),
      })
  }

  private enqueue(
    ticket: TicketRow,
    cause: MailCause,
    kind: MailKind,
    audience: 'reporter' | 'agent',
    to: string,
    replyTo: string | undefined,
    content: MailContent,
  ): void {
    const sender = this.sender(ticket.projectId)
    const domain = sender.address.split('@')[1]!
    const thread = `<${ticket.reference}@${domain}>`
    enqueueMail(
      this.tx,
      {
        dedupeKey: `${cause.key}:${kind}:${to}`,
        ticketId: ticket.id,
        eventId: cause.eventId,
        kind,
        audience,
        recipient: to,
        sender: formatMailbox(sender),
        mail: renderMail(content),
        // The ticket is named in every Message-ID, and every message answers the thread's root.
        messageId: `<${ticket.reference}.${cause.key}.${kind}.${randomBytes(4).toString('hex')}@${domain}>`,
        headers: {
          inReplyTo: thread,
          references: [thread],
          ...(replyTo ? { replyTo } : {}),
          // The files are read when the e-mail is sent: the outbox keeps their ids, not their bytes.
          ...(content.files?.length ? { files: { lang: content.lang, list: content.files } } : {}),
        },
      },
      new Date(cause.at),
    )
  }

  /**
   * Where the reporter's answer goes when the project reads a mailbox: the ticket's own address
   * there (`support+<token>@…`), so that the reply finds its ticket whatever its subject says.
   */
  private replyTo(ticket: TicketRow, at: string): string | undefined {
    const mailbox = mailboxAddress(this.project(ticket.projectId), this.config)
    if (!mailbox) return undefined
    const address = replyAddress(mailbox, replyTokenFor(this.tx, ticket.id, at))
    return formatMailbox({ name: this.sender(ticket.projectId).name, address })
  }

  /** A new status link for this e-mail: the reporter's credential, only its hash kept. */
  private statusLink(ticket: TicketRow, at: string, lang: Language): string {
    return this.statusLinkOf(addReporterToken(this.tx, ticket.id, at), lang)
  }

  private statusLinkOf(token: string, lang: Language): string {
    return `${this.config.publicUrl}${ticketPaths.statusPage(token)}?lang=${lang}`
  }

  /**
   * The other request of a duplicate or a split, by reference and status; with a link only when
   * it is the same reporter's — never someone else's request.
   */
  private other(id: string, to: string, at: string, lang: Language) {
    const row = this.tx.select().from(tickets).where(eq(tickets.id, id)).get()
    if (!row) return undefined
    const same = reporterEmailOf(row) === to
    return {
      reference: row.reference,
      status: MAIL_WORDS[lang].status[row.status] ?? row.status,
      link: same ? this.statusLink(row, at, lang) : null,
    }
  }

  private project(id: string): Project {
    let found = this.projectsById.get(id)
    if (!found) {
      found = this.tx.select().from(projects).where(eq(projects.id, id)).get()!
      this.projectsById.set(id, found)
    }
    return found
  }

  private sender(projectId: string): Mailbox {
    const own = this.project(projectId).mailFrom
    return (own && parseMailbox(own)) || this.config.mail.from
  }
}

/** Who reported, from which application and system: the head of a new ticket's e-mail. */
function factsOf(ticket: TicketRow, lang: Language): [string, string][] {
  const w = MAIL_WORDS[lang].agent
  const reporter = JSON.parse(ticket.reporter) as Reporter
  const app = JSON.parse(ticket.app) as { name?: string; version?: string; build?: string }
  const env = JSON.parse(ticket.environment) as Environment
  const os = env.os
  const facts: [string, string][] = [
    [w.from, [reporter.name, reporter.email, reporter.organization].filter(Boolean).join(', ')],
    [w.app, [app.name, app.version, app.build && `(${app.build})`].filter(Boolean).join(' ')],
    [w.os, [os?.name, os?.version, os?.bitness && `${os.bitness}-bit`].filter(Boolean).join(' ')],
  ]
  return facts.filter((f) => !!f[1])
}

/** What an agent is told the reporter (or, for an e-mailed note, its sender) wrote. */
function activityBody(event: AppendedEvent): string | null {
  const words = String(event.data.body ?? event.data.reason ?? '')
  const from = event.data.from as Mailbox | undefined
  return (from?.address ? `${formatMailbox(from)}:\n\n${words}` : words) || null
}

/** The reporter's language: the report's locale, else English. */
function languageOf(ticket: TicketRow): Language {
  return pickLanguage([(JSON.parse(ticket.environment) as Environment).locale])
}

function formatDate(iso: string, lang: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  )
}

/** `"Kvant support" <support@kvant.example>`, quoted so a comma or quote in the name stays in it. */
export function formatMailbox(m: Mailbox): string {
  return m.name ? `"${m.name.replace(/["\\]/g, '\\$&')}" <${m.address}>` : m.address
}
