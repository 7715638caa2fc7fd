import { and, eq, isNull, ne } from 'drizzle-orm'
import type { AgentInfo } from '@snagbox/sdk/contract'
import type { Db, Tx } from '../db/client.js'
import { agents, sessions } from '../db/schema.js'
import { InputError } from '../input-error.js'

// What every agent write stands on: finding an agent, and the rules a change of agents keeps.

/** An agent as the API shows it: the contract's shape. */
export type Agent = AgentInfo

/** The columns of an agent as the API shows it. */
export const agentColumns = {
  id: agents.id,
  email: agents.email,
  name: agents.name,
  role: agents.role,
}

export function findAgentByEmail(db: Db | Tx, email: string) {
  return db.select().from(agents).where(eq(agents.email, email.trim().toLowerCase())).get()
}

/** The agent with this e-mail, or a `not_found` InputError. */
export function agentByEmail(db: Db | Tx, email: string) {
  const row = findAgentByEmail(db, email)
  if (!row) throw new InputError({ message: `no agent with the e-mail ${email}` }, 'not_found')
  return row
}

/**
 * Refuses a change of an admin that would leave no other admin who can sign in: someone must be
 * able to manage agents and projects from the inbox. (The command line may: it can make a new one.)
 */
export function keepAnAdmin(db: Db | Tx, agent: { id: string; role: string }): void {
  if (agent.role !== 'admin') return
  const other = db
    .select({ id: agents.id })
    .from(agents)
    .where(
      and(
        eq(agents.role, 'admin'),
        isNull(agents.disabledAt),
        ne(agents.passwordHash, ''),
        ne(agents.id, agent.id),
      ),
    )
    .get()
  if (!other)
    throw new InputError(
      { message: 'this is the last admin who can sign in; make another agent admin first' },
      'conflict',
    )
}

/** Ends every inbox session of an agent, in the caller's transaction; how many there were. */
export function endSessionsOf(tx: Tx, agentId: string): number {
  return tx.delete(sessions).where(eq(sessions.agentId, agentId)).run().changes
}
