import {
  FREE_TEXT_CHARS,
  isEmailAddress,
  validateTicketPayload,
  type Reporter,
} from '@snagbox/sdk/contract'
import { randomUUID } from 'node:crypto'
import type { AppDeps } from '../../deps.js'
import type { Tx } from '../../db/client.js'
import { ApiError } from '../../errors.js'
import { checkScreenshot } from '../../tickets/intake-body.js'
import { decide } from '../../tickets/lifecycle/decide.js'
import type { Actor, Decision, TicketState, TimelineEvent } from '../../tickets/lifecycle/types.js'
import { ChangeFeed, type CommittedChange } from '../../tickets/store/changes.js'
import {
  addAttachment,
  attachmentEntry,
  createTicket,
  type Screenshot,
} from '../../tickets/store/create.js'
import type { TicketRow } from '../../tickets/store/read.js'
import { reporterEmailOf } from '../../tickets/store/views.js'
import { applyDecision } from '../../tickets/store/write.js'
import { automaticReason } from './automatic.js'
import { findTicketFor, type MatchedBy } from './match.js'
import type { InboundMessage } from './parse.js'
import { replyText } from './reply-text.js'
import {
  recordRead,
  ticketsOpenedBy,
  type MailboxProject,
  type MessageRef,
  type Outcome,
} from './store.js'

/** The mailbox a message came from, as the decisions need it. */
export interface MailboxContext {
  project: MailboxProject
  /** Our addresses (the mailbox's, the senders'): mail from them is never answered. */
  own: Set<string>
  /** The domains of our Message-IDs. */
  domains: Set<string>
}

export interface Applied {
  outcome: Outcome
  reason: string | null
  ticketId: string | null
}

type Deps = Pick<AppDeps, 'db' | 'config' | 'changes' | 'now'>

const REPORTER: Actor = { kind: 'reporter' }
const SYSTEM: Actor = { kind: 'system' }

/**
 * Does what one message asks, and records that it was read in the same transaction: a reply
 * becomes the reporter's comment (from the reporter's address, on an open ticket) or an
 * internal note (anyone else, or a closed ticket); another message becomes a ticket; automatic
 * mail and a sender over the hourly limit are only recorded. A failure inside the change's
 * transaction throws and leaves nothing behind, not even the record, so the message is read again.
 *
 * @example applyMessage(deps, box, ref, await parseMessage(raw)) // { outcome: 'comment', … }
 */
export function applyMessage(
  deps: Deps,
  box: MailboxContext,
  ref: MessageRef,
  m: InboundMessage,
): Applied {
  const now = deps.now()
  const sender = m.from?.address ?? ''
  const automatic = automaticReason(m, box.own)
  if (automatic) return alone(deps, ref, sender, 'ignored', automatic, now)
  const match = findTicketFor(deps.db, { ...box.project, domains: box.domains }, m)
  const withRecord = (outcome: (change: CommittedChange) => Outcome, reason: string) =>
    new RecordingFeed(deps.changes, (tx, change) => {
      const ticketId = change.created[0]?.id ?? change.changed[0]?.id ?? null
      recordRead(tx, ref, { sender, outcome: outcome(change), reason, ticketId }, now, true)
    })
  if (match) {
    // Its images are kept (checked as a screenshot is); the names of the rest are in the text.
    const files = keptImages(m, deps.config.limits)
    const stored = files.kept.map(({ id, name, image }) => ({ id, name, ...image }))
    const keptNames = new Set(files.kept.map((f) => f.name))
    const others = m.attachments.filter((name) => !keptNames.has(name))
    const body = withNames(replyText(m.text), others, FREE_TEXT_CHARS, files.refused)
    if (!body && !files.kept.length)
      return alone(deps, ref, sender, 'ignored', 'an empty reply', now, match.ticket.id)
    const changes = new RecordingFeed(deps.changes, (tx, change) => {
      const outcome = change.events.some((e) => e.type === 'reporter_comment') ? 'comment' : 'note'
      recordRead(
        tx,
        ref,
        { sender, outcome, reason: `matched by ${match.by}`, ticketId: match.ticket.id },
        now,
        true,
      )
      for (const file of stored) addAttachment(tx, match.ticket.id, file, now)
    })
    const attached = stored.map(attachmentEntry)
    const { reporterComment } = reply(
      deps,
      changes,
      match.ticket,
      m,
      body || '(images only)',
      match.by,
      attached,
    )
    const outcome = reporterComment ? 'comment' : 'note'
    return { outcome, reason: `matched by ${match.by}`, ticketId: match.ticket.id }
  }
  const limit = deps.config.inbound.newTicketsPerHour
  if (
    ticketsOpenedBy(deps.db, box.project.id, sender, new Date(now.getTime() - 3_600_000)) >= limit
  )
    return alone(deps, ref, sender, 'ignored', `over ${limit} new tickets an hour`, now)
  const { screenshot, refused } = screenshotOf(m, deps.config.limits)
  const kept = screenshot ? m.attachments.indexOf(m.image!.name) : -1
  const others = m.attachments.filter((_, i) => i !== kept)
  const limits = deps.config.limits
  const description =
    withNames(m.text || m.subject, others, limits.descriptionChars, refused) || '(no text)'
  const reporter: Reporter = {
    ...(m.from!.name ? { name: m.from!.name.slice(0, limits.shortTextChars) } : {}),
    ...(isEmailAddress(sender) && sender.length <= limits.shortTextChars ? { email: sender } : {}),
  }
  const payload = validateTicketPayload(
    {
      category: 'incident',
      subject: cut(m.subject, limits.subjectChars),
      description,
      reporter,
      environment: m.language ? { locale: m.language } : {},
    },
    limits,
  )
  if (!payload.ok) {
    const why = payload.errors.map((e) => `${e.path} ${e.message}`).join('; ')
    return alone(deps, ref, sender, 'refused', why, now)
  }
  const created = createTicket(
    { db: deps.db, changes: withRecord(() => 'ticket', 'a new message') },
    {
      project: box.project,
      payload: payload.value,
      screenshot,
      idempotencyKey: null,
      idempotencyKeyHours: deps.config.idempotencyKeyHours,
      now,
      via: 'email',
    },
  )
  const ticketId = created.outcome === 'key_reused' ? null : created.id
  return { outcome: 'ticket', reason: 'a new message', ticketId }
}

/**
 * The reporter's comment, by e-mail, while the ticket is open (one waiting on the reporter goes
 * back to work; a resolved one stays resolved — e-mail never confirms or reopens); otherwise an
 * internal note naming its sender, which the assignee hears of.
 */
function reply(
  deps: Deps,
  changes: ChangeFeed,
  ticket: TicketRow,
  m: InboundMessage,
  body: string,
  by: MatchedBy,
  attachments: Record<string, unknown>[],
): { reporterComment: boolean } {
  const reporterEmail = reporterEmailOf(ticket)
  const fromReporter = !!reporterEmail && reporterEmail === m.from!.address
  let reporterComment = false
  applyDecision(
    { db: deps.db, changes },
    {
      ticketId: ticket.id,
      actor: fromReporter ? REPORTER : SYSTEM,
      now: deps.now(),
      decide: (state, ctx) => {
        reporterComment = fromReporter && state.status !== 'closed'
        const files = attachments.length ? { attachments } : {}
        if (reporterComment)
          return byEmail(decide(state, { type: 'comment', body }, REPORTER, ctx), files)
        return note(state, {
          body,
          via: 'email',
          matchedBy: by,
          from: m.from!,
          fromReporter,
          ...files,
        })
      },
    },
  )
  return { reporterComment }
}

/** A decision's events, marked as come by e-mail; the comment with the files it brought. */
function byEmail(decision: Decision, files: Record<string, unknown> = {}): Decision {
  if (!decision.ok) return decision
  const events = decision.events.map((e) => ({
    ...e,
    data: { ...e.data, via: 'email', ...(e.type === 'reporter_comment' ? files : {}) },
  }))
  return { ...decision, events: events as TimelineEvent[] }
}

/**
 * An internal note of the system, changing nothing else. Not the lifecycle's `note`, which is an
 * agent's: this one is an outsider's words, recorded for the agents to read and decide on.
 */
function note(state: TicketState, data: { body: string } & Record<string, unknown>): Decision {
  return {
    ok: true,
    state,
    relations: {},
    events: [{ type: 'internal_note', actor: SYSTEM, visibility: 'internal', data }],
  }
}

/** A reply's images that pass the screenshot's checks, each with its new id; why the rest not. */
function keptImages(
  m: InboundMessage,
  limits: Deps['config']['limits'],
): { kept: { id: string; name: string; image: Screenshot }[]; refused: string | null } {
  const kept: { id: string; name: string; image: Screenshot }[] = []
  const refused: string[] = []
  for (const file of m.images) {
    try {
      kept.push({ id: randomUUID(), name: file.name, image: checkScreenshot(file.data, limits) })
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      refused.push(`${file.name}: ${err.detail}`)
    }
  }
  return { kept, refused: refused.length ? refused.join('; ') : null }
}

/** The first image as the screenshot, checked as the widget's is; why not, when it is refused. */
function screenshotOf(
  m: InboundMessage,
  limits: Deps['config']['limits'],
): { screenshot: Screenshot | null; refused: string | null } {
  if (!m.image) return { screenshot: null, refused: null }
  try {
    return { screenshot: checkScreenshot(m.image.data, limits), refused: null }
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    return { screenshot: null, refused: `${m.image.name}: ${err.detail}` }
  }
}

/** The text, cut to `max` with room for the names of the attachments it came with (not kept). */
function withNames(text: string, names: string[], max: number, refused?: string | null): string {
  const lines = [
    ...(names.length ? [`[Attachments not kept: ${names.join(', ')}]`] : []),
    ...(refused ? [`[Not kept as the screenshot: ${refused}]`] : []),
  ]
  const footer = lines.length ? cut(`\n\n${lines.join('\n')}`, Math.floor(max / 4)) : ''
  const own = cut(text, max - footer.length)
  return own ? `${own}${footer}` : footer.trim()
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Records a message that changed no ticket, alone (a second record of it changes nothing). */
function alone(
  deps: Deps,
  ref: MessageRef,
  sender: string,
  outcome: Outcome,
  reason: string,
  now: Date,
  ticketId: string | null = null,
): Applied {
  recordRead(deps.db, ref, { sender, outcome, reason, ticketId }, now)
  return { outcome, reason, ticketId }
}

/**
 * The app's feed, plus one more write in each change's transaction: the record that the message
 * was read. Published changes go to the app's feed, so live events and e-mail hear of them.
 */
class RecordingFeed extends ChangeFeed {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly extra: (tx: Tx, change: CommittedChange) => void,
  ) {
    super()
  }

  override record(tx: Tx, change: CommittedChange): void {
    this.feed.record(tx, change)
    this.extra(tx, change)
  }

  override publish(change: CommittedChange): void {
    this.feed.publish(change)
  }
}
