import { and, desc, eq, gt, lt } from 'drizzle-orm'
import type { Db, Tx } from '../db/client.js'
import type { AuditEvent } from '@snagbox/sdk/contract'
import { auditEvents } from '../db/schema.js'

/**
 * What the audit trail records: sign-ins (and failed ones), sign-outs, and every change of
 * agents, API tokens and projects.
 */
export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'agent.create'
  | 'agent.update'
  | 'agent.password'
  | 'agent.disable'
  | 'agent.enable'
  | 'agent.invite'
  | 'agent.invite_accepted'
  | 'token.create'
  | 'token.revoke'
  | 'project.create'
  | 'project.update'

/**
 * Who did it: an agent in the inbox, a bot with an API token, an admin at the `snagbox` command
 * (its operating-system user), or nobody known (a failed login).
 */
export type AuditActor =
  | { kind: 'agent'; id: string }
  | { kind: 'token'; id: string }
  | { kind: 'cli'; id: string | null }
  | { kind: 'anonymous' }

export interface AuditEntry {
  action: AuditAction
  actor: AuditActor
  /** What it was about: an agent, token or project id, or the e-mail a login named. */
  target?: string | null
  /** The client address, for what came over HTTP. */
  address?: string | null
  data?: Record<string, unknown>
  /** Defaults to the wall clock; routes pass the app's clock. */
  at?: Date
}

/** Who makes a change, from where and when: what the audit entry of the change records. */
export interface AuditContext {
  actor: AuditActor
  address?: string | null
  /** Defaults to the wall clock. */
  at?: Date
}

/** Someone at the command line whose user name is unknown. */
export const UNKNOWN_CLI: AuditContext = { actor: { kind: 'cli', id: null } }

/**
 * Appends one entry to the audit trail (the table refuses updates and deletes). Pass the write's
 * transaction so the entry and the change it records commit together.
 *
 * @example recordAudit(db, { action: 'token.revoke', actor: { kind: 'cli', id: 'root' }, target: tokenId })
 */
export function recordAudit(db: Db | Tx, entry: AuditEntry): void {
  db.insert(auditEvents)
    .values({
      action: entry.action,
      actorKind: entry.actor.kind,
      actorId: 'id' in entry.actor ? entry.actor.id : null,
      target: entry.target ?? null,
      address: entry.address ?? null,
      data: JSON.stringify(entry.data ?? {}),
      createdAt: (entry.at ?? new Date()).toISOString(),
    })
    .run()
}

/**
 * The newest entries first; `before` (an entry's id) pages back from there.
 *
 * @example listAudit(db, { limit: 50 })
 */
export function listAudit(db: Db, options: { limit: number; before?: number }): AuditEvent[] {
  return db
    .select()
    .from(auditEvents)
    .where(options.before !== undefined ? lt(auditEvents.id, options.before) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(options.limit)
    .all()
    .map((row) => ({
      id: row.id,
      action: row.action,
      actor: { kind: row.actorKind, id: row.actorId },
      target: row.target,
      address: row.address,
      data: JSON.parse(row.data) as Record<string, unknown>,
      createdAt: row.createdAt,
    }))
}

/** Every successful sign-in since `since`, oldest first: the e-mail and the address it came from. */
export function signInsSince(
  db: Db,
  since: Date,
): { email: string; address: string; at: string }[] {
  return db
    .select({ email: auditEvents.target, address: auditEvents.address, at: auditEvents.createdAt })
    .from(auditEvents)
    .where(
      and(gt(auditEvents.createdAt, since.toISOString()), eq(auditEvents.action, 'auth.login')),
    )
    .orderBy(auditEvents.id)
    .all()
    .filter(
      (row): row is { email: string; address: string; at: string } => !!(row.email && row.address),
    )
}
