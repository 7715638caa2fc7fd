import { and, eq, gt, isNull } from 'drizzle-orm'
import { ROUTES } from '@snagbox/sdk/contract'
import type { Db, Tx } from '../db/client.js'
import { agentInvites, agents } from '../db/schema.js'
import { recordAudit, type AuditContext } from '../audit/store.js'
import { agentColumns, endSessionsOf, type Agent } from './agent-rows.js'
import { checkNewPassword, hashPassword, randomToken, sha256 } from './secrets.js'

/** How long a one-time link to set a password works. */
export const INVITE_HOURS = 72

/** A link just made: `token` goes into it, this once; only its hash is stored. */
export interface NewInvite {
  token: string
  expiresAt: string
}

/**
 * The inbox address of a one-time link. The token is in the fragment: browsers send it to no
 * server, and it lands in no access log or `Referer`.
 *
 * @example inviteUrl('https://support.example.com', token) // https://support.example.com/inbox/invite#sbi_…
 */
export const inviteUrl = (publicUrl: string, token: string) =>
  `${publicUrl}${ROUTES.inboxInvite}#${token}`

/**
 * Makes a one-time link for an agent to set its password, in the caller's transaction, replacing
 * any earlier link of it.
 */
export function issueInvite(tx: Tx, agentId: string, by: AuditContext): NewInvite {
  const at = by.at ?? new Date()
  const token = randomToken('sbi_')
  const expiresAt = new Date(at.getTime() + INVITE_HOURS * 3600_000).toISOString()
  tx.delete(agentInvites).where(eq(agentInvites.agentId, agentId)).run()
  tx.insert(agentInvites)
    .values({ tokenHash: sha256(token), agentId, expiresAt, createdAt: at.toISOString() })
    .run()
  recordAudit(tx, { ...by, action: 'agent.invite', target: agentId, data: { expiresAt } })
  return { token, expiresAt }
}

/** Where a link works: unexpired, and its agent not disabled. */
function inviteRow(db: Db | Tx, token: string, now: Date) {
  return db
    .select({ ...agentColumns, expiresAt: agentInvites.expiresAt })
    .from(agentInvites)
    .innerJoin(agents, eq(agents.id, agentInvites.agentId))
    .where(
      and(
        eq(agentInvites.tokenHash, sha256(token)),
        gt(agentInvites.expiresAt, now.toISOString()),
        isNull(agents.disabledAt),
      ),
    )
    .get()
}

/** Whom a working link is for; `undefined` for a link unknown, used, expired or of a disabled agent. */
export function inviteFor(
  db: Db,
  token: string,
  now: Date,
): { email: string; name: string; expiresAt: string } | undefined {
  const row = inviteRow(db, token, now)
  return row && { email: row.email, name: row.name, expiresAt: row.expiresAt }
}

/**
 * Sets the password of a link's agent and uses the link up; the agent's other sessions end.
 * `undefined` when the link does not work (any more).
 */
export async function acceptInvite(
  db: Db,
  token: string,
  password: string,
  by: Omit<AuditContext, 'actor'> & { at: Date },
): Promise<Agent | undefined> {
  checkNewPassword(password)
  if (!inviteRow(db, token, by.at)) return undefined
  const passwordHash = await hashPassword(password)
  return db.transaction((tx) => {
    // Checked again inside the write: two tabs submitting the same link set one password.
    const row = inviteRow(tx, token, by.at)
    if (!row) return undefined
    tx.delete(agentInvites).where(eq(agentInvites.agentId, row.id)).run()
    tx.update(agents).set({ passwordHash }).where(eq(agents.id, row.id)).run()
    const ended = endSessionsOf(tx, row.id)
    recordAudit(tx, {
      ...by,
      actor: { kind: 'agent', id: row.id },
      action: 'agent.invite_accepted',
      target: row.id,
      data: { email: row.email, sessionsEnded: ended },
    })
    const { expiresAt: _, ...agent } = row
    return agent
  })
}
