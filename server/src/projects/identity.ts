import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import type { ClaimedUser } from '@snagbox/sdk/contract'
import type { Db, Tx } from '../db/client.js'
import { projects, reporterTokens, tickets } from '../db/schema.js'
import { randomToken, sha256 } from '../auth/secrets.js'

/** A new identity secret: `sbis_` and 256 random bits. */
export const newIdentitySecret = () => randomToken('sbis_')

/**
 * The signature a host's backend gives its signed-in user: hex HMAC-SHA256 of the user id (UTF-8)
 * keyed with the whole secret (`sbis_…`), as Intercom's identity verification does.
 *
 * @example signUserId('sbis_…', '42') // '5f1c…' (64 hex digits)
 */
export function signUserId(secret: string, id: string): string {
  return createHmac('sha256', secret).update(id, 'utf8').digest('hex')
}

const SIGNATURE = /^[0-9a-f]{64}$/

/** A user whose signature held: their id, and their requests' status links made from the secret. */
export interface VerifiedIdentity {
  userId: string
  /**
   * The status token of one of the user's tickets, made from the secret (the same each time, so a
   * listing on a new device adds at most one stored token per ticket): see {@link statusLinksOf}.
   */
  statusToken(ticketId: string): string
}

/**
 * The status tokens a secret makes for tickets: HMAC-SHA256 of the ticket id under a key derived
 * from the secret by HKDF, not by an HMAC keyed with it — so that no user's signature (an HMAC
 * keyed with the secret, of whatever id a host gives, `snagbox status links` too) is the key.
 */
function statusLinksOf(secret: string): (ticketId: string) => string {
  const key = Buffer.from(hkdfSync('sha256', secret, '', 'snagbox status links', 32))
  return (ticketId) => createHmac('sha256', key).update(ticketId).digest('base64url')
}

/**
 * Ends the status links a project's identity secret made for its verified users' tickets, as the
 * secret is replaced or removed (in that change's transaction): whoever knew the old secret keeps
 * nothing it could open. The links of reports and e-mails, drawn at random, stay.
 */
export function endStatusLinksOfSecret(tx: Tx, projectId: string): void {
  const secret = tx
    .select({ secret: projects.identitySecret })
    .from(projects)
    .where(eq(projects.id, projectId))
    .get()?.secret
  if (!secret) return
  const tokenOf = statusLinksOf(secret)
  const hashes = tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.projectId, projectId), isNotNull(tickets.reporterUserId)))
    .all()
    .map((t) => sha256(tokenOf(t.id)))
  for (let i = 0; i < hashes.length; i += 500)
    tx.delete(reporterTokens)
      .where(inArray(reporterTokens.tokenHash, hashes.slice(i, i + 500)))
      .run()
}

/**
 * The identity a report or a reporter's list may rely on: `user` when its signature is the one
 * the project's identity secret makes, else `null` (no secret, no id, a wrong or malformed
 * signature). Compared in constant time, and the same work is done whatever is wrong, so the
 * answer's timing tells nothing about the id or the secret.
 */
export function verifiedIdentity(
  db: Db,
  projectId: string,
  user: ClaimedUser,
): VerifiedIdentity | null {
  const row = db
    .select({ secret: projects.identitySecret })
    .from(projects)
    .where(eq(projects.id, projectId))
    .get()
  const secret = row?.secret ?? null
  const expected = Buffer.from(signUserId(secret ?? 'none', user.id), 'hex')
  const wellFormed = SIGNATURE.test(user.signature)
  const given = Buffer.from(wellFormed ? user.signature : '0'.repeat(64), 'hex')
  const same = timingSafeEqual(expected, given)
  if (!same || !secret || !user.id || !wellFormed) return null
  return { userId: user.id, statusToken: statusLinksOf(secret) }
}
