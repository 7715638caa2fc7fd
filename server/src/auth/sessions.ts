import { randomUUID } from 'node:crypto'
import { and, eq, gt, isNull, lt } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { agents, sessions } from '../db/schema.js'
import { hashPassword, needsRehash, randomToken, sha256, verifyPassword } from './secrets.js'
import { agentColumns, findAgentByEmail, type Agent } from './agent-rows.js'

/** How long an inbox login lasts without use; each use extends it, up to its maximum age. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

const HOUR_MS = 60 * 60 * 1000

// Checked against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
let dummyHash: Promise<string> | undefined

/** Why a login was refused: only the audit trail tells these apart, never the answer. */
export type LoginRefusal = 'unknown_email' | 'wrong_password' | 'disabled'

/**
 * Checks an e-mail and password. A right password whose stored hash is cheaper than new ones
 * are is hashed again at the current cost, so existing agents upgrade as they log in.
 */
export async function verifyLogin(
  db: Db,
  email: string,
  password: string,
): Promise<{ agent: Agent } | { refused: LoginRefusal }> {
  const row = findAgentByEmail(db, email)
  const ok = await verifyPassword(
    password,
    // An unknown agent, or an invited one with no password yet, costs a check like any other.
    row?.passwordHash || (await (dummyHash ??= hashPassword(randomUUID()))),
  )
  if (!row) return { refused: 'unknown_email' }
  if (!ok) return { refused: 'wrong_password' }
  if (row.disabledAt) return { refused: 'disabled' }
  if (needsRehash(row.passwordHash)) {
    const passwordHash = await hashPassword(password)
    // Only over the hash just checked: a password set meanwhile wins.
    db.update(agents)
      .set({ passwordHash })
      .where(and(eq(agents.id, row.id), eq(agents.passwordHash, row.passwordHash)))
      .run()
  }
  return { agent: { id: row.id, email: row.email, name: row.name, role: row.role } }
}

/** Checks an e-mail and password; the agent, or `undefined` when either is wrong or it is disabled. */
export async function checkPassword(
  db: Db,
  email: string,
  password: string,
): Promise<Agent | undefined> {
  const result = await verifyLogin(db, email, password)
  return 'agent' in result ? result.agent : undefined
}

/** When a session used now stops working: 12 h on, but never past its maximum age. */
const expiryOf = (createdAt: Date, now: Date, maxHours: number) =>
  new Date(Math.min(now.getTime() + SESSION_TTL_MS, createdAt.getTime() + maxHours * HOUR_MS))

/**
 * Starts a session; the returned id goes into the cookie, only its hash is stored. With
 * `maxHours` (the server's `--session-max-hours`) its first expiry is clamped to it at once;
 * without, every use clamps it.
 */
export function createSession(db: Db, agentId: string, now: Date, maxHours?: number): string {
  const id = randomToken()
  db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run()
  db.insert(sessions)
    .values({
      idHash: sha256(id),
      agentId,
      createdAt: now.toISOString(),
      expiresAt: expiryOf(now, now, maxHours ?? Infinity).toISOString(),
    })
    .run()
  return id
}

/** Ends a session; what it was (its hash and agent), or `undefined` when there was none. */
export function endSession(db: Db, id: string): { hash: string; agentId: string } | undefined {
  const hash = sha256(id)
  return db
    .delete(sessions)
    .where(eq(sessions.idHash, hash))
    .returning({ hash: sessions.idHash, agentId: sessions.agentId })
    .get()
}

/** A session that works at `now`: not expired, younger than its maximum age, its agent enabled. */
const live = (now: Date, maxHours: number) =>
  and(
    gt(sessions.expiresAt, now.toISOString()),
    gt(sessions.createdAt, new Date(now.getTime() - maxHours * HOUR_MS).toISOString()),
    isNull(agents.disabledAt),
  )

/**
 * The agent of a live session, extending it (12 h from now, at most to its maximum age);
 * `undefined` when unknown, expired, too old, or its agent is disabled.
 */
export function sessionAgent(
  db: Db,
  id: string,
  now: Date,
  maxHours: number,
): (Agent & { sessionHash: string }) | undefined {
  const hash = sha256(id)
  const found = db
    .select({ ...agentColumns, createdAt: sessions.createdAt })
    .from(sessions)
    .innerJoin(agents, eq(agents.id, sessions.agentId))
    .where(and(eq(sessions.idHash, hash), live(now, maxHours)))
    .get()
  if (!found) return undefined
  const { createdAt, ...agent } = found
  db.update(sessions)
    .set({ expiresAt: expiryOf(new Date(createdAt), now, maxHours).toISOString() })
    .where(eq(sessions.idHash, hash))
    .run()
  return { ...agent, sessionHash: hash }
}

/** Whether the session of `hash` still works (for a stream it holds open); extends nothing. */
export function sessionHolds(db: Db, hash: string, now: Date, maxHours: number): boolean {
  return !!db
    .select({ hash: sessions.idHash })
    .from(sessions)
    .innerJoin(agents, eq(agents.id, sessions.agentId))
    .where(and(eq(sessions.idHash, hash), live(now, maxHours)))
    .get()
}
