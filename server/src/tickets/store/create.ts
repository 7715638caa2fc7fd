import { createHash, randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import {
  PRIORITIES,
  type ImageInfo,
  type Priority,
  type Reporter,
  type Status,
  type ValidTicketPayload,
} from '@snagbox/sdk/contract'
import type { Tx } from '../../db/client.js'
import { attachments, projects, reporterTokens, ticketEvents, tickets } from '../../db/schema.js'
import { randomToken, sha256 } from '../../auth/secrets.js'
import { actorAgentId, type Actor } from '../lifecycle/types.js'
import { commit, type AppendedEvent, type StoreDeps } from './changes.js'
import { matchIdempotencyKey, requestFingerprint } from './idempotency.js'
import { queueKey } from './queue-key.js'
import { firstResponseDueAt } from './first-response.js'
import { indexTicket } from './search.js'
import type { TicketRow } from './read.js'

export interface Screenshot extends ImageInfo {
  data: Buffer
}

export interface IntakeTicket {
  id: string
  reference: string
  status: Status
  createdAt: string
  /** The reporter's credential, handed out once per answer; only its hash is stored. */
  reporterToken: string
}

/**
 * `created`: a new ticket; `replayed`: the same request came again with its `Idempotency-Key`;
 * `key_reused`: the key belongs to a different request, and nothing was written.
 */
export type IntakeResult =
  ({ outcome: 'created' | 'replayed' } & IntakeTicket) | { outcome: 'key_reused' }

/**
 * Priority at intake (contract §2): a blocking problem is high; a mass incident starts at its
 * project's policy (`critical` unless the project says otherwise, since the category is the
 * reporter's claim), never below what blocking gives it.
 */
export function intakePriority(
  payload: Pick<ValidTicketPayload, 'category' | 'blocking'>,
  massIncidentPriority: Priority,
): Priority {
  const base: Priority = payload.blocking ? 'high' : 'normal'
  if (payload.category !== 'mass_incident') return base
  return PRIORITIES.indexOf(massIncidentPriority) > PRIORITIES.indexOf(base)
    ? massIncidentPriority
    : base
}

/**
 * Creates a ticket, its screenshot, its first timeline event and a reporter token in one
 * transaction, or answers a retry of the request that created one with its idempotency key
 * within `idempotencyKeyHours` (see `matchIdempotencyKey`).
 */
export function createTicket(
  store: StoreDeps,
  input: {
    project: { id: string; massIncidentPriority: Priority }
    payload: ValidTicketPayload
    /** The signed-in user the report came from, when its signature was valid. */
    reporterUserId?: string | null
    screenshot: Screenshot | null
    idempotencyKey: string | null
    idempotencyKeyHours: number
    now: Date
    /** How it came when not through the intake API: `email` (the project's mailbox), on its `created` event. */
    via?: 'email'
  },
): IntakeResult {
  const { project, payload, screenshot, idempotencyKey } = input
  const now = input.now.toISOString()
  const priority = intakePriority(payload, project.massIncidentPriority)
  const actor: Actor = { kind: 'reporter' }
  // Hashed before the write lock is taken: a screenshot may be megabytes.
  const screenshotSha256 = screenshot
    ? createHash('sha256').update(screenshot.data).digest('hex')
    : null
  const fingerprint = idempotencyKey ? requestFingerprint(payload, screenshotSha256) : null
  return commit<IntakeResult>(store, (tx) => {
    if (idempotencyKey) {
      const match = matchIdempotencyKey(tx, {
        projectId: project.id,
        key: idempotencyKey,
        fingerprint: fingerprint!,
        now: input.now,
        lifetimeHours: input.idempotencyKeyHours,
      })
      if (match.kind === 'reused') return { result: { outcome: 'key_reused' }, change: null }
      if (match.kind === 'replay') {
        const reporterToken = addReporterToken(tx, match.ticket.id, now)
        return { result: { ...match.ticket, reporterToken, outcome: 'replayed' }, change: null }
      }
    }
    const created = insertTicket(tx, {
      projectId: project.id,
      fields: {
        category: payload.category,
        priority,
        blocking: payload.blocking,
        subject: payload.subject,
        description: payload.description,
        reporter: JSON.stringify(payload.reporter),
        app: JSON.stringify(payload.app),
        environment: JSON.stringify(payload.environment),
        context: JSON.stringify(payload.context),
        logs: JSON.stringify(payload.logs),
        reporterUserId: input.reporterUserId ?? null,
        idempotencyKey,
        idempotencyFingerprint: fingerprint,
      },
      actor,
      eventData: {
        category: payload.category,
        priority,
        screenshot: !!screenshot,
        ...(input.via ? { via: input.via } : {}),
      },
      now,
    })
    if (screenshot) {
      tx.insert(attachments)
        .values({
          id: randomUUID(),
          ticketId: created.row.id,
          kind: 'screenshot',
          contentType: screenshot.type,
          width: screenshot.width,
          height: screenshot.height,
          bytes: screenshot.data.length,
          sha256: screenshotSha256!,
          data: screenshot.data,
          createdAt: now,
        })
        .run()
    }
    const result = {
      id: created.row.id,
      reference: created.row.reference,
      reporterToken: created.reporterToken,
    }
    return {
      result: { ...result, status: 'new' as const, createdAt: now, outcome: 'created' as const },
      change: { actor, created: [created.row], changed: [], events: [created.event] },
    }
  })
}

type TicketFields = Pick<
  typeof tickets.$inferInsert,
  | 'category'
  | 'priority'
  | 'blocking'
  | 'subject'
  | 'description'
  | 'reporter'
  | 'app'
  | 'environment'
  | 'context'
  | 'logs'
  | 'reporterUserId'
  | 'idempotencyKey'
  | 'idempotencyFingerprint'
  | 'splitFromId'
>

/**
 * Writes a new ticket inside a transaction: the next reference of the project's counter (no
 * gaps, no duplicates, whatever the concurrency), when its first response is due, its `created`
 * event, its search row and a reporter token. Every new ticket is made here: by the intake, from
 * an e-mail, by a split.
 */
export function insertTicket(
  tx: Tx,
  input: {
    projectId: string
    fields: TicketFields
    actor: Actor
    eventData: Record<string, unknown>
    now: string
    id?: string
  },
): { row: TicketRow; event: AppendedEvent; reporterToken: string } {
  const project = tx
    .update(projects)
    .set({ ticketSeq: sql`${projects.ticketSeq} + 1` })
    .where(eq(projects.id, input.projectId))
    .returning()
    .get()!
  const number = project.ticketSeq
  const id = input.id ?? randomUUID()
  const reference = `${project.prefix}-${number}`
  const priority = input.fields.priority as Priority
  const row = tx
    .insert(tickets)
    .values({
      ...input.fields,
      id,
      projectId: input.projectId,
      number,
      reference,
      status: 'new',
      queueKey: queueKey({ status: 'new', priority, createdAt: input.now, id }),
      firstResponseDueAt: firstResponseDueAt(project, input.now, priority),
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning()
    .get()
  const actorId = actorAgentId(input.actor)
  const event = tx
    .insert(ticketEvents)
    .values({
      ticketId: id,
      type: 'created',
      actorKind: input.actor.kind,
      actorId,
      data: JSON.stringify(input.eventData),
      createdAt: input.now,
    })
    .returning({ id: ticketEvents.id })
    .get()
  indexTicket(tx, {
    searchId: event.id,
    subject: input.fields.subject,
    description: input.fields.description,
    reporter: JSON.parse(input.fields.reporter ?? '{}') as Reporter,
    context: JSON.parse(input.fields.context ?? '{}') as Record<string, unknown>,
  })
  return {
    row,
    event: {
      id: event.id,
      ticketId: id,
      type: 'created',
      actor: input.actor,
      visibility: 'public',
      data: input.eventData,
      createdAt: input.now,
    },
    reporterToken: addReporterToken(tx, id, input.now),
  }
}

/** A new credential for the reporter of a ticket; only its hash is stored. */
export function addReporterToken(tx: Tx, ticketId: string, now: string): string {
  const token = randomToken()
  tx.insert(reporterTokens)
    .values({ tokenHash: sha256(token), ticketId, createdAt: now })
    .run()
  return token
}

/** The fields a split copies from the ticket it came from: same reporter and environment. */
export function splitFields(row: TicketRow, subject: string, description: string): TicketFields {
  return {
    category: row.category,
    priority: row.priority,
    blocking: row.blocking,
    subject,
    description,
    reporter: row.reporter,
    app: row.app,
    environment: row.environment,
    context: row.context,
    logs: '[]',
    reporterUserId: row.reporterUserId,
    idempotencyKey: null,
    idempotencyFingerprint: null,
    splitFromId: row.id,
  }
}

/** A file kept with a message: its id, its type as served (an image's, or octet-stream), its bytes. */
export interface StoredFile {
  id: string
  type: string
  /** An image's size in pixels; 0 for any other file. */
  width: number
  height: number
  data: Buffer
}

/**
 * Keeps a file that came with a message on a ticket (an image of an e-mailed reply, a file of an
 * agent's reply), in the transaction of the change that records the message; the timeline entry
 * names it by `id` in its `attachments`.
 */
export function addAttachment(tx: Tx, ticketId: string, file: StoredFile, now: Date): void {
  tx.insert(attachments)
    .values({
      id: file.id,
      ticketId,
      kind: 'attachment',
      contentType: file.type,
      width: file.width,
      height: file.height,
      bytes: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      data: file.data,
      createdAt: now.toISOString(),
    })
    .run()
}

/** What a timeline entry says of a file it carries: `attachments: [{ id, name, … }]`. */
export function attachmentEntry(file: StoredFile & { name: string }) {
  return {
    id: file.id,
    name: file.name,
    contentType: file.type,
    width: file.width,
    height: file.height,
    bytes: file.data.length,
  }
}
