import { eq } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { agents, sessions } from '../db/schema.js'
import { InputError } from '../input-error.js'
import { recordAudit, type AuditActor } from '../audit/store.js'
import { hashPassword } from './secrets.js'

/** The longest password a login accepts; a longer one could never be typed in. */
export const MAX_PASSWORD_CHARS = 1024

/** An agent's access as the CLI reports it. */
export interface AgentAccess {
  id: string
  email: string
  disabledAt: string | null
  /** Inbox sessions ended by the change. */
  sessionsEnded: number
}

function agentOf(db: Db, email: string) {
  const row = db
    .select({ id: agents.id, email: agents.email, disabledAt: agents.disabledAt })
    .from(agents)
    .where(eq(agents.email, email.trim().toLowerCase()))
    .get()
  if (!row) throw new InputError({ message: `no agent with the e-mail ${email}` })
  return row
}

/** Checks a new password the way `createAgent` does, with the login's upper bound. */
export function checkNewPassword(password: string): void {
  if (password.length < 8)
    throw new InputError({ field: 'password', message: 'must be at least 8 characters' })
  if (password.length > MAX_PASSWORD_CHARS)
    throw new InputError({
      field: 'password',
      message: `must be at most ${MAX_PASSWORD_CHARS} characters`,
    })
}

/**
 * Disables an agent: no login, no API token and no open stream of it works any more (streams end
 * within the stream check interval); its inbox sessions are ended. Its tokens are kept, so
 * `enableAgent` gives them back.
 *
 * @example disableAgent(db, 'bob@example.com', { actor: { kind: 'cli', id: 'root' } })
 */
export function disableAgent(
  db: Db,
  email: string,
  options: { actor: AuditActor; now?: Date },
): AgentAccess {
  const now = options.now ?? new Date()
  const agent = agentOf(db, email)
  if (agent.disabledAt)
    throw new InputError({ message: `${agent.email} was disabled already, at ${agent.disabledAt}` })
  return db.transaction((tx) => {
    tx.update(agents).set({ disabledAt: now.toISOString() }).where(eq(agents.id, agent.id)).run()
    const ended = tx.delete(sessions).where(eq(sessions.agentId, agent.id)).run().changes
    recordAudit(tx, {
      action: 'agent.disable',
      actor: options.actor,
      target: agent.id,
      data: { email: agent.email, sessionsEnded: ended },
      at: now,
    })
    return { id: agent.id, email: agent.email, disabledAt: now.toISOString(), sessionsEnded: ended }
  })
}

/** Lets a disabled agent log in again; its unrevoked, unexpired API tokens work again too. */
export function enableAgent(db: Db, email: string, options: { actor: AuditActor }): AgentAccess {
  const agent = agentOf(db, email)
  if (!agent.disabledAt) throw new InputError({ message: `${agent.email} is not disabled` })
  db.transaction((tx) => {
    tx.update(agents).set({ disabledAt: null }).where(eq(agents.id, agent.id)).run()
    recordAudit(tx, {
      action: 'agent.enable',
      actor: options.actor,
      target: agent.id,
      data: { email: agent.email },
    })
  })
  return { id: agent.id, email: agent.email, disabledAt: null, sessionsEnded: 0 }
}

/**
 * Sets an agent's password and ends its inbox sessions (whoever knew the old one is logged out).
 * Its API tokens keep working: revoke them on their own.
 *
 * @example await setAgentPassword(db, 'bob@example.com', newPassword, { actor })
 */
export async function setAgentPassword(
  db: Db,
  email: string,
  password: string,
  options: { actor: AuditActor },
): Promise<AgentAccess> {
  const agent = agentOf(db, email)
  checkNewPassword(password)
  const passwordHash = await hashPassword(password)
  const ended = db.transaction((tx) => {
    tx.update(agents).set({ passwordHash }).where(eq(agents.id, agent.id)).run()
    const changes = tx.delete(sessions).where(eq(sessions.agentId, agent.id)).run().changes
    recordAudit(tx, {
      action: 'agent.password',
      actor: options.actor,
      target: agent.id,
      data: { email: agent.email, sessionsEnded: changes },
    })
    return changes
  })
  return { id: agent.id, email: agent.email, disabledAt: agent.disabledAt, sessionsEnded: ended }
}
