import { and, desc, eq, inArray, lt, max } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { reporterTokens, ticketEvents, tickets } from '../../db/schema.js'
import { sha256 } from '../../auth/secrets.js'
import type { TicketRow } from './read.js'

/**
 * The tickets of several reporter tokens, each token with its ticket, in the order given; tokens
 * that open nothing are left out. (One lookup of their hashes: no token is compared to another.)
 */
export function ticketsOfTokens(
  db: Db,
  tokens: readonly string[],
): { token: string; ticket: TicketRow }[] {
  if (!tokens.length) return []
  const hashes = new Map(tokens.map((token) => [sha256(token), token]))
  const rows = db
    .select({ tokenHash: reporterTokens.tokenHash, ticket: tickets })
    .from(reporterTokens)
    .innerJoin(tickets, eq(tickets.id, reporterTokens.ticketId))
    .where(inArray(reporterTokens.tokenHash, [...hashes.keys()]))
    .all()
  const byHash = new Map(rows.map((r) => [r.tokenHash, r.ticket]))
  return [...hashes].flatMap(([hash, token]) => {
    const ticket = byHash.get(hash)
    return ticket ? [{ token, ticket }] : []
  })
}

/** A verified user's tickets in a project, the most recently changed first. */
export function ticketsOfUser(
  db: Db,
  projectId: string,
  userId: string,
  limit: number,
): TicketRow[] {
  return db
    .select()
    .from(tickets)
    .where(and(eq(tickets.projectId, projectId), eq(tickets.reporterUserId, userId)))
    .orderBy(desc(tickets.updatedAt))
    .limit(limit)
    .all()
}

/**
 * Keeps a status token of a ticket made from a secret rather than drawn at random (the same one
 * each time): a second listing writes no new row.
 */
export function keepReporterToken(db: Db, ticketId: string, token: string, now: Date): void {
  db.insert(reporterTokens)
    .values({ tokenHash: sha256(token), ticketId, createdAt: now.toISOString() })
    .onConflictDoNothing()
    .run()
}

/**
 * Moves the reporter's read marker forward to `eventId` (never back). Not a change of the
 * ticket: its version, its `updatedAt` and the change feed stay as they are, so an agent's copy
 * stays current and nobody is told the reporter looked.
 */
export function markSeen(db: Db, ticketId: string, eventId: number): void {
  db.update(tickets)
    .set({ reporterSeenEventId: eventId })
    .where(and(eq(tickets.id, ticketId), lt(tickets.reporterSeenEventId, eventId)))
    .run()
}

/** The id of the newest timeline event of any ticket: where a live stream starts from. */
export function newestEventId(db: Db): number {
  return (
    db
      .select({ id: max(ticketEvents.id) })
      .from(ticketEvents)
      .get()?.id ?? 0
  )
}
