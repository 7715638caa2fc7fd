import { createHash, randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type { Priority, Status, ValidTicketPayload } from '@snagbox/sdk/contract'
import type { Db } from '../db/client.js'
import { attachments, projects, reporterTokens, ticketEvents, tickets } from '../db/schema.js'
import type { Project } from '../auth/store.js'
import { randomToken, sha256 } from '../auth/secrets.js'
import type { ImageInfo } from '@snagbox/sdk/contract'

export interface Screenshot extends ImageInfo {
  data: Buffer
}

export interface IntakeResult {
  id: string
  reference: string
  status: Status
  createdAt: string
  /** The reporter's credential, handed out once per answer; only its hash is stored. */
  reporterToken: string
  /** `false` when an `Idempotency-Key` matched a ticket created before. */
  created: boolean
}

/** Priority at intake (contract §2): a mass incident is critical, a blocking problem high. */
export function intakePriority(payload: Pick<ValidTicketPayload, 'category' | 'blocking'>): Priority {
  if (payload.category === 'mass_incident') return 'critical'
  return payload.blocking ? 'high' : 'normal'
}

/**
 * Creates a ticket, its screenshot, its first timeline event and a reporter token in one
 * transaction, or returns the ticket an earlier attempt with the same idempotency key created.
 * The reference number comes from the project's counter in the same transaction: no gaps, no
 * duplicates, whatever the concurrency.
 */
export function createTicket(
  db: Db,
  input: {
    project: Project
    payload: ValidTicketPayload
    screenshot: Screenshot | null
    idempotencyKey: string | null
    now: Date
  },
): IntakeResult {
  const { project, payload, screenshot, idempotencyKey } = input
  const now = input.now.toISOString()
  const reporterToken = randomToken()
  return db.transaction(
    (tx) => {
      if (idempotencyKey) {
        const existing = tx
          .select({ id: tickets.id, reference: tickets.reference, status: tickets.status, createdAt: tickets.createdAt })
          .from(tickets)
          .where(and(eq(tickets.projectId, project.id), eq(tickets.idempotencyKey, idempotencyKey)))
          .get()
        if (existing) {
          tx.insert(reporterTokens).values({ tokenHash: sha256(reporterToken), ticketId: existing.id, createdAt: now }).run()
          return { ...existing, status: existing.status as Status, reporterToken, created: false }
        }
      }
      const { ticketSeq: number } = tx
        .update(projects)
        .set({ ticketSeq: sql`${projects.ticketSeq} + 1` })
        .where(eq(projects.id, project.id))
        .returning({ ticketSeq: projects.ticketSeq })
        .get()!
      const id = randomUUID()
      const reference = `${project.prefix}-${number}`
      tx.insert(tickets)
        .values({
          id,
          projectId: project.id,
          number,
          reference,
          status: 'new',
          category: payload.category,
          priority: intakePriority(payload),
          blocking: payload.blocking,
          subject: payload.subject,
          description: payload.description,
          reporter: JSON.stringify(payload.reporter),
          app: JSON.stringify(payload.app),
          environment: JSON.stringify(payload.environment),
          context: JSON.stringify(payload.context),
          logs: JSON.stringify(payload.logs),
          idempotencyKey,
          createdAt: now,
          updatedAt: now,
        })
        .run()
      tx.insert(reporterTokens).values({ tokenHash: sha256(reporterToken), ticketId: id, createdAt: now }).run()
      if (screenshot) {
        tx.insert(attachments)
          .values({
            id: randomUUID(),
            ticketId: id,
            kind: 'screenshot',
            contentType: screenshot.type,
            width: screenshot.width,
            height: screenshot.height,
            bytes: screenshot.data.length,
            sha256: createHash('sha256').update(screenshot.data).digest('hex'),
            data: screenshot.data,
            createdAt: now,
          })
          .run()
      }
      tx.insert(ticketEvents)
        .values({
          ticketId: id,
          type: 'created',
          actorKind: 'reporter',
          data: JSON.stringify({ category: payload.category, priority: intakePriority(payload), screenshot: !!screenshot }),
          createdAt: now,
        })
        .run()
      return { id, reference, status: 'new' as const, createdAt: now, reporterToken, created: true }
    },
    { behavior: 'immediate' },
  )
}
