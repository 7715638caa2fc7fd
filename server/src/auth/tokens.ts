import { randomUUID } from 'node:crypto'
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { agents, apiTokens } from '../db/schema.js'
import {
  TOKEN_SCOPES,
  type AdminToken,
  type CreatedToken,
  type TokenScope,
} from '@snagbox/sdk/contract'
import { InputError } from '../input-error.js'
import { recordAudit, UNKNOWN_CLI, type AuditContext } from '../audit/store.js'
import { agentByEmail, agentColumns } from './agent-rows.js'
import { randomToken, sha256 } from './secrets.js'

/** How long a new token works unless told otherwise. */
export const DEFAULT_TOKEN_DAYS = 90

/**
 * When a token made now stops working: `days` from now (`DEFAULT_TOKEN_DAYS` when not given), or
 * never for `null`.
 */
export function expiryAfter(days: number | null | undefined, now: Date): Date | null {
  if (days === null) return null
  return new Date(now.getTime() + (days ?? DEFAULT_TOKEN_DAYS) * 24 * 3600_000)
}

/** An API token as `snagbox token list` and the admin API show it. */
export type TokenInfo = AdminToken

/**
 * Creates an API token for an agent; the token is returned once, only its hash is stored. A
 * `read` token may only read; without `expiresAt` it never expires (`snagbox token create`
 * gives 90 days unless told otherwise).
 *
 * @example createApiToken(db, { email: 'ann@example.com', name: 'bot', scope: 'read', expiresAt })
 */
export function createApiToken(
  db: Db,
  input: { email: string; name: string; scope?: string; expiresAt?: Date | null },
  by: AuditContext = UNKNOWN_CLI,
): CreatedToken & { name: string } {
  const agent = agentByEmail(db, input.email)
  const name = input.name.trim()
  if (!name) throw new InputError({ field: 'name', message: 'is required' })
  if (name.length > 200)
    throw new InputError({ field: 'name', message: 'must be at most 200 characters' })
  const scope = (input.scope ?? 'read_write') as TokenScope
  if (!TOKEN_SCOPES.includes(scope))
    throw new InputError({ field: 'scope', message: 'must be read or read_write' })
  const now = by.at ?? new Date()
  if (input.expiresAt && !(input.expiresAt.getTime() > now.getTime()))
    throw new InputError({ field: 'expiresAt', message: 'must be in the future' })
  const token = randomToken('sbt_')
  const id = randomUUID()
  const expiresAt = input.expiresAt ? input.expiresAt.toISOString() : null
  db.transaction((tx) => {
    tx.insert(apiTokens)
      .values({
        id,
        agentId: agent.id,
        name,
        tokenHash: sha256(token),
        scope,
        expiresAt,
        createdAt: now.toISOString(),
      })
      .run()
    recordAudit(tx, {
      ...by,
      action: 'token.create',
      target: id,
      data: { agentId: agent.id, name, scope, expiresAt },
      at: now,
    })
  })
  return { id, name, token, scope, expiresAt }
}

function toInfo(row: typeof apiTokens.$inferSelect, now: Date): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    state: row.revokedAt
      ? 'revoked'
      : row.expiresAt && row.expiresAt <= now.toISOString()
        ? 'expired'
        : 'active',
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  }
}

/** An agent's API tokens, newest first, revoked and expired ones too. */
export function listTokens(db: Db, email: string, now = new Date()): TokenInfo[] {
  const agent = agentByEmail(db, email)
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.agentId, agent.id))
    .orderBy(desc(apiTokens.createdAt))
    .all()
    .map((row) => toInfo(row, now))
}

/**
 * Revokes an API token by its id: from the next request on it opens nothing, and a stream it
 * holds open ends within the stream check interval.
 *
 * @example revokeToken(db, tokenId, { actor: { kind: 'cli', id: 'root' } })
 */
export function revokeToken(db: Db, id: string, by: AuditContext): TokenInfo {
  const now = by.at ?? new Date()
  return db.transaction((tx) => {
    const row = tx.select().from(apiTokens).where(eq(apiTokens.id, id)).get()
    if (!row) throw new InputError({ message: `no API token with the id ${id}` }, 'not_found')
    if (row.revokedAt)
      throw new InputError(
        { message: `the API token ${id} was revoked already, at ${row.revokedAt}` },
        'conflict',
      )
    const revoked = tx
      .update(apiTokens)
      .set({ revokedAt: now.toISOString() })
      .where(eq(apiTokens.id, id))
      .returning()
      .get()!
    recordAudit(tx, {
      ...by,
      action: 'token.revoke',
      target: id,
      data: { agentId: row.agentId, name: row.name },
      at: now,
    })
    return toInfo(revoked, now)
  })
}

/** What makes a token work now: not revoked, not expired, its agent not disabled. */
const usable = (now: Date) =>
  and(
    isNull(apiTokens.revokedAt),
    or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now.toISOString())),
    isNull(agents.disabledAt),
  )

/** The agent behind a working API token, recording its use; `undefined` when it does not work. */
export function tokenAgent(db: Db, token: string, now: Date) {
  const found = db
    .select({
      ...agentColumns,
      tokenId: apiTokens.id,
      scope: apiTokens.scope,
    })
    .from(apiTokens)
    .innerJoin(agents, eq(agents.id, apiTokens.agentId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), usable(now)))
    .get()
  if (found)
    db.update(apiTokens)
      .set({ lastUsedAt: now.toISOString() })
      .where(eq(apiTokens.id, found.tokenId))
      .run()
  return found
}

/** Whether the token of `id` still works (for a stream it holds open); records no use. */
export function tokenHolds(db: Db, id: string, now: Date): boolean {
  return !!db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .innerJoin(agents, eq(agents.id, apiTokens.agentId))
    .where(and(eq(apiTokens.id, id), usable(now)))
    .get()
}
