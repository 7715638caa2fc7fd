import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { isEmailAddress, type AgentInfo } from '@snagbox/sdk/contract'
import type { Db } from '../db/client.js'
import { agents, apiTokens } from '../db/schema.js'
import { InputError } from '../input-error.js'
import { hashPassword, randomToken, sha256 } from './secrets.js'

/** An agent as the API shows it: the contract's shape. */
export type Agent = AgentInfo

/** @example await createAgent(db, { email: 'ann@example.com', name: 'Ann', password: 's3cret-pass' }) */
export async function createAgent(
  db: Db,
  input: { email: string; name: string; password: string; role?: string },
): Promise<Agent> {
  const email = input.email.trim().toLowerCase()
  if (!isEmailAddress(email))
    throw new InputError({ field: 'email', message: 'must be an e-mail address' })
  if (!input.name.trim()) throw new InputError({ field: 'name', message: 'is required' })
  if (input.password.length < 8)
    throw new InputError({ field: 'password', message: 'must be at least 8 characters' })
  const role = input.role ?? 'agent'
  if (role !== 'admin' && role !== 'agent')
    throw new InputError({ field: 'role', message: 'must be admin or agent' })
  if (findAgentByEmail(db, email))
    throw new InputError({ message: `an agent with the e-mail ${email} exists already` })
  const passwordHash = await hashPassword(input.password)
  const row = db
    .insert(agents)
    .values({
      id: randomUUID(),
      email,
      name: input.name.trim(),
      role,
      passwordHash,
      createdAt: new Date().toISOString(),
    })
    .returning({ id: agents.id, email: agents.email, name: agents.name, role: agents.role })
    .get()
  return row
}

export function findAgentByEmail(db: Db, email: string) {
  return db.select().from(agents).where(eq(agents.email, email.trim().toLowerCase())).get()
}

/** Creates an API token for an agent; the token is returned once, only its hash is stored. */
export function createApiToken(
  db: Db,
  input: { email: string; name: string },
): { id: string; token: string } {
  const agent = findAgentByEmail(db, input.email)
  if (!agent) throw new InputError({ message: `no agent with the e-mail ${input.email}` })
  if (!input.name.trim()) throw new InputError({ field: 'name', message: 'is required' })
  const token = randomToken('sbt_')
  const id = randomUUID()
  db.insert(apiTokens)
    .values({
      id,
      agentId: agent.id,
      name: input.name.trim(),
      tokenHash: sha256(token),
      createdAt: new Date().toISOString(),
    })
    .run()
  return { id, token }
}

export function agentExists(db: Db, id: string): boolean {
  return !!db.select({ id: agents.id }).from(agents).where(eq(agents.id, id)).get()
}

/** Every agent, by name: who a ticket can be assigned to. */
export function listAgents(db: Db): Agent[] {
  return db
    .select({ id: agents.id, email: agents.email, name: agents.name, role: agents.role })
    .from(agents)
    .orderBy(agents.name)
    .all()
}
