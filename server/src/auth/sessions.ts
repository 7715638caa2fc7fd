import { randomUUID } from 'node:crypto'
import { and, eq, gt, lt } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { agents, apiTokens, sessions } from '../db/schema.js'
import { hashPassword, randomToken, sha256, verifyPassword } from './secrets.js'
import { findAgentByEmail, type Agent } from './agents.js'

/** How long an inbox login lasts without use; each use extends it. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

// Checked against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
let dummyHash: Promise<string> | undefined

/** Checks an e-mail and password; returns the agent, or `undefined` for either being wrong. */
export async function checkPassword(
  db: Db,
  email: string,
  password: string,
): Promise<Agent | undefined> {
  const row = findAgentByEmail(db, email)
  const ok = await verifyPassword(
    password,
    row?.passwordHash ?? (await (dummyHash ??= hashPassword(randomUUID()))),
  )
  if (!row || !ok) return undefined
  return { id: row.id, email: row.email, name: row.name, role: row.role }
}

/** Starts a session; the returned id goes into the cookie, only its hash is stored. */
export function createSession(db: Db, agentId: string, now: Date): string {
  const id = randomToken()
  db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run()
  db.insert(sessions)
    .values({
      idHash: sha256(id),
      agentId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    })
    .run()
  return id
}

export function endSession(db: Db, id: string): void {
  db.delete(sessions)
    .where(eq(sessions.idHash, sha256(id)))
    .run()
}

const agentColumns = { id: agents.id, email: agents.email, name: agents.name, role: agents.role }

/** The agent of a live session, extending it; `undefined` when unknown or expired. */
export function sessionAgent(db: Db, id: string, now: Date): Agent | undefined {
  const hash = sha256(id)
  const agent = db
    .select(agentColumns)
    .from(sessions)
    .innerJoin(agents, eq(agents.id, sessions.agentId))
    .where(and(eq(sessions.idHash, hash), gt(sessions.expiresAt, now.toISOString())))
    .get()
  if (agent) {
    db.update(sessions)
      .set({ expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
      .where(eq(sessions.idHash, hash))
      .run()
  }
  return agent
}

/** The agent behind an API token, recording its use; `undefined` when unknown. */
export function tokenAgent(
  db: Db,
  token: string,
  now: Date,
): (Agent & { tokenId: string }) | undefined {
  const hash = sha256(token)
  const found = db
    .select({ ...agentColumns, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(agents, eq(agents.id, apiTokens.agentId))
    .where(eq(apiTokens.tokenHash, hash))
    .get()
  if (found)
    db.update(apiTokens)
      .set({ lastUsedAt: now.toISOString() })
      .where(eq(apiTokens.id, found.tokenId))
      .run()
  return found
}
