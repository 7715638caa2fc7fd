import { eq } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { agents } from '../db/schema.js'
import { InputError } from '../input-error.js'
import { recordAudit, type AuditContext } from '../audit/store.js'
import { agentByEmail, endSessionsOf } from './agent-rows.js'
import { checkNewPassword, hashPassword } from './secrets.js'

/** An agent's access as the CLI reports it. */
export interface AgentAccess {
  id: string
  email: string
  disabledAt: string | null
  /** Inbox sessions ended by the change. */
  sessionsEnded: number
}

/**
 * Disables an agent: no login, no API token and no open stream of it works any more (streams end
 * within the stream check interval); its inbox sessions are ended. Its tokens are kept, so
 * `enableAgent` gives them back.
 *
 * @example disableAgent(db, 'bob@example.com', { actor: { kind: 'cli', id: 'root' } })
 */
export function disableAgent(db: Db, email: string, by: AuditContext): AgentAccess {
  const now = by.at ?? new Date()
  const agent = agentByEmail(db, email)
  if (agent.disabledAt)
    throw new InputError(
      { message: `${agent.email} was disabled already, at ${agent.disabledAt}` },
      'conflict',
    )
  return db.transaction((tx) => {
    tx.update(agents).set({ disabledAt: now.toISOString() }).where(eq(agents.id, agent.id)).run()
    const ended = endSessionsOf(tx, agent.id)
    recordAudit(tx, {
      ...by,
      action: 'agent.disable',
      target: agent.id,
      data: { email: agent.email, sessionsEnded: ended },
      at: now,
    })
    return { id: agent.id, email: agent.email, disabledAt: now.toISOString(), sessionsEnded: ended }
  })
}

/** Lets a disabled agent log in again; its unrevoked, unexpired API tokens work again too. */
export function enableAgent(db: Db, email: string, by: AuditContext): AgentAccess {
  const agent = agentByEmail(db, email)
  if (!agent.disabledAt)
    throw new InputError({ message: `${agent.email} is not disabled` }, 'conflict')
  db.transaction((tx) => {
    tx.update(agents).set({ disabledAt: null }).where(eq(agents.id, agent.id)).run()
    recordAudit(tx, {
      ...by,
      action: 'agent.enable',
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
  by: AuditContext,
): Promise<AgentAccess> {
  const agent = agentByEmail(db, email)
  checkNewPassword(password)
  const passwordHash = await hashPassword(password)
  const ended = db.transaction((tx) => {
    tx.update(agents).set({ passwordHash }).where(eq(agents.id, agent.id)).run()
    const changes = endSessionsOf(tx, agent.id)
    recordAudit(tx, {
      ...by,
      action: 'agent.password',
      target: agent.id,
      data: { email: agent.email, sessionsEnded: changes },
    })
    return changes
  })
  return { id: agent.id, email: agent.email, disabledAt: agent.disabledAt, sessionsEnded: ended }
}
