import { createHmac, timingSafeEqual } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { ClaimedUser } from '@snagbox/sdk/contract'
import type { Db } from '../db/client.js'
import { projects } from '../db/schema.js'
import { randomToken } from '../auth/secrets.js'

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
   * listing on a new device adds at most one stored token per ticket): HMAC-SHA256 of the ticket
   * id under a key of its own (`HMAC(secret, 'snagbox status links')`), never a user's signature.
   */
  statusToken(ticketId: string): string
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
  const key = createHmac('sha256', secret).update('snagbox status links').digest()
  return {
    userId: user.id,
    statusToken: (ticketId) => createHmac('sha256', key).update(ticketId).digest('base64url'),
  }
}
