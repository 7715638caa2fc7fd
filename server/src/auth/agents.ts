import { randomUUID } from 'node:crypto'
import { and, eq, inArray, isNull, or } from 'drizzle-orm'
import { isEmailAddress, type AgentInfo } from '@snagbox/sdk/contract'
import type { Db } from '../db/client.js'
import { agentProjects, agents } from '../db/schema.js'
import { InputError } from '../input-error.js'
import {
  prefixesOf,
  projectIdsByPrefix,
  writeAgentProjects,
  type ProjectScope,
} from './agent-projects.js'
import { hashPassword } from './secrets.js'

/** An agent as the API shows it: the contract's shape. */
export type Agent = AgentInfo

/** An agent with the prefixes of its projects (an admin works in all, whatever these say). */
export type AgentWithProjects = Agent & { projects: string[] }

/** The columns of an agent as the API shows it. */
export const agentColumns = {
  id: agents.id,
  email: agents.email,
  name: agents.name,
  role: agents.role,
}

function checkRole(role: string): 'admin' | 'agent' {
  if (role !== 'admin' && role !== 'agent')
    throw new InputError({ field: 'role', message: 'must be admin or agent' })
  return role
}

/**
 * Creates an agent; `projects` are prefixes of the projects it works in (an `agent` with none
 * sees nothing).
 *
 * @example await createAgent(db, { email: 'ann@example.com', name: 'Ann', password: 's3cret-pass', projects: ['DEMO'] })
 */
export async function createAgent(
  db: Db,
  input: { email: string; name: string; password: string; role?: string; projects?: string[] },
): Promise<AgentWithProjects> {
  const email = input.email.trim().toLowerCase()
  if (!isEmailAddress(email))
    throw new InputError({ field: 'email', message: 'must be an e-mail address' })
  if (!input.name.trim()) throw new InputError({ field: 'name', message: 'is required' })
  if (input.password.length < 8)
    throw new InputError({ field: 'password', message: 'must be at least 8 characters' })
  const role = checkRole(input.role ?? 'agent')
  if (findAgentByEmail(db, email))
    throw new InputError({ message: `an agent with the e-mail ${email} exists already` })
  const projectIds = projectIdsByPrefix(db, input.projects ?? [])
  const passwordHash = await hashPassword(input.password)
  const row = db.transaction((tx) => {
    const agent = tx
      .insert(agents)
      .values({
        id: randomUUID(),
        email,
        name: input.name.trim(),
        role,
        passwordHash,
        createdAt: new Date().toISOString(),
      })
      .returning(agentColumns)
      .get()
    writeAgentProjects(tx, agent.id, projectIds)
    return agent
  })
  return { ...row, projects: prefixesOf(db, row.id) }
}

/**
 * Changes an agent found by e-mail: its name, its role, its projects (prefixes; replaced when
 * given, `[]` for none). Only the keys given change; giving none is an error. Asynchronous so
 * that a change needing a hash (a new password) fits in beside the others.
 *
 * @example await updateAgent(db, 'bob@example.com', { role: 'agent', projects: ['DEMO', 'KE'] })
 */
export async function updateAgent(
  db: Db,
  email: string,
  changes: { name?: string; role?: string; projects?: string[] },
): Promise<AgentWithProjects> {
  if (!email.trim()) throw new InputError({ field: 'email', message: 'is required' })
  const agent = findAgentByEmail(db, email)
  if (!agent) throw new InputError({ message: `no agent with the e-mail ${email}` })
  if (!Object.values(changes).some((v) => v !== undefined))
    throw new InputError({ message: 'nothing to change' })
  const name = changes.name?.trim()
  if (changes.name !== undefined && !name)
    throw new InputError({ field: 'name', message: 'may not be empty' })
  const role = changes.role !== undefined ? checkRole(changes.role) : undefined
  const projectIds = changes.projects ? projectIdsByPrefix(db, changes.projects) : undefined
  db.transaction((tx) => {
    if (name !== undefined || role !== undefined)
      tx.update(agents)
        .set({ ...(name !== undefined ? { name } : {}), ...(role ? { role } : {}) })
        .where(eq(agents.id, agent.id))
        .run()
    if (projectIds) writeAgentProjects(tx, agent.id, projectIds)
  })
  const row = db.select(agentColumns).from(agents).where(eq(agents.id, agent.id)).get()!
  return { ...row, projects: prefixesOf(db, row.id) }
}

/** @example setAgentProjects(db, 'bob@example.com', ['DEMO']) */
export function setAgentProjects(db: Db, email: string, prefixes: string[]): string[] {
  const agent = findAgentByEmail(db, email)
  if (!agent) throw new InputError({ message: `no agent with the e-mail ${email}` })
  const projectIds = projectIdsByPrefix(db, prefixes)
  db.transaction((tx) => writeAgentProjects(tx, agent.id, projectIds))
  return prefixesOf(db, agent.id)
}

export function findAgentByEmail(db: Db, email: string) {
  return db.select().from(agents).where(eq(agents.email, email.trim().toLowerCase())).get()
}

/**
 * The agents someone may see, by name: who a ticket can be assigned to. An admin sees everyone;
 * an agent sees itself and — when it has projects — the agents of its projects and the admins
 * (who work in every project), never an agent of other projects only. Disabled agents are left
 * out: nobody can be assigned to them.
 */
export function listAgents(db: Db, viewer: { id: string; projects: ProjectScope }): Agent[] {
  const { id, projects } = viewer
  const colleagues = (projectIds: readonly string[]) =>
    db
      .select({ id: agentProjects.agentId })
      .from(agentProjects)
      .where(inArray(agentProjects.projectId, [...projectIds]))
  const visible =
    projects === 'all'
      ? undefined
      : projects.length
        ? or(eq(agents.id, id), eq(agents.role, 'admin'), inArray(agents.id, colleagues(projects)))
        : eq(agents.id, id)
  return db
    .select(agentColumns)
    .from(agents)
    .where(and(isNull(agents.disabledAt), visible))
    .orderBy(agents.name)
    .all()
}
