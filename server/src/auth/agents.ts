import { randomUUID } from 'node:crypto'
import { and, asc, eq, gt, inArray, isNull, or } from 'drizzle-orm'
import {
  isEmailAddress,
  NEW_TICKET_NOTICES,
  type AdminAgent,
  type AgentNotifications,
} from '@snagbox/sdk/contract'
import type { Db, Tx } from '../db/client.js'
import { agentInvites, agentProjects, agents, projects } from '../db/schema.js'
import { InputError } from '../input-error.js'
import { recordAudit, UNKNOWN_CLI, type AuditContext } from '../audit/store.js'
import {
  prefixesOf,
  projectIdsByPrefix,
  writeAgentProjects,
  type ProjectScope,
} from './agent-projects.js'
import { agentByEmail, agentColumns, findAgentByEmail, type Agent } from './agent-rows.js'
import { issueInvite, type NewInvite } from './invites.js'
import { checkNewPassword, hashPassword } from './secrets.js'

/** An agent with the prefixes of its projects (an admin works in all, whatever these say). */
export type AgentWithProjects = Agent & { projects: string[] }

function checkRole(role: string): 'admin' | 'agent' {
  if (role !== 'admin' && role !== 'agent')
    throw new InputError({ field: 'role', message: 'must be admin or agent' })
  return role
}

interface NewAgent {
  email: string
  name: string
  role?: string
  /** Prefixes of the projects it works in (an `agent` with none sees nothing). */
  projects?: string[]
}

/** Checks a new agent and writes it in the caller's transaction, with its audit entry. */
function insertAgent(
  db: Db,
  input: NewAgent,
  by: AuditContext,
): (tx: Tx, passwordHash: string) => { id: string } {
  const email = input.email.trim().toLowerCase()
  if (!isEmailAddress(email))
    throw new InputError({ field: 'email', message: 'must be an e-mail address' })
  const name = input.name.trim()
  if (!name) throw new InputError({ field: 'name', message: 'is required' })
  const role = checkRole(input.role ?? 'agent')
  if (findAgentByEmail(db, email))
    throw new InputError(
      { message: `an agent with the e-mail ${email} exists already` },
      'conflict',
    )
  const projectIds = projectIdsByPrefix(db, input.projects ?? [])
  const at = by.at ?? new Date()
  return (tx, passwordHash) => {
    const id = randomUUID()
    tx.insert(agents)
      .values({ id, email, name, role, passwordHash, createdAt: at.toISOString() })
      .run()
    writeAgentProjects(tx, id, projectIds)
    recordAudit(tx, {
      ...by,
      action: 'agent.create',
      target: id,
      data: { email, role, projects: prefixesOf(tx, id) },
    })
    return { id }
  }
}

/**
 * Creates an agent with an initial password.
 *
 * @example await createAgent(db, { email: 'ann@example.com', name: 'Ann', password: 's3cret-pass', projects: ['DEMO'] })
 */
export async function createAgent(
  db: Db,
  input: NewAgent & { password: string },
  by: AuditContext = UNKNOWN_CLI,
): Promise<AgentWithProjects> {
  checkNewPassword(input.password)
  const write = insertAgent(db, input, by)
  const passwordHash = await hashPassword(input.password)
  const { id } = db.transaction((tx) => write(tx, passwordHash))
  return agentWithProjects(db, id)
}

/**
 * Creates an agent without a password and a one-time link for it to set one (`invite.token`
 * goes into the link; only its hash is kept).
 *
 * @example const { agent, invite } = inviteAgent(db, { email: 'bob@example.com', name: 'Bob' }, by)
 */
export function inviteAgent(
  db: Db,
  input: NewAgent,
  by: AuditContext = UNKNOWN_CLI,
): { agent: AgentWithProjects; invite: NewInvite } {
  const write = insertAgent(db, input, by)
  const { id, invite } = db.transaction((tx) => {
    const created = write(tx, '')
    return { id: created.id, invite: issueInvite(tx, created.id, by) }
  })
  return { agent: agentWithProjects(db, id), invite }
}

/**
 * A new one-time link for an agent to set its password: an invitation sent again, or a reset.
 * An earlier link stops working; the current password keeps working until the link is used.
 */
export function reinviteAgent(
  db: Db,
  email: string,
  by: AuditContext = UNKNOWN_CLI,
): { agent: AgentWithProjects; invite: NewInvite } {
  const agent = agentByEmail(db, email)
  if (agent.disabledAt)
    throw new InputError({ message: `${agent.email} is disabled: enable it first` }, 'conflict')
  const invite = db.transaction((tx) => issueInvite(tx, agent.id, by))
  return { agent: agentWithProjects(db, agent.id), invite }
}

/**
 * Changes an agent found by e-mail: its name, its role, its projects (prefixes; replaced when
 * given, `[]` for none). Only the keys given change; giving none is an error.
 *
 * @example updateAgent(db, 'bob@example.com', { role: 'agent', projects: ['DEMO', 'KE'] }, by)
 */
export function updateAgent(
  db: Db,
  email: string,
  changes: {
    name?: string
    role?: string
    projects?: string[]
    notifications?: Partial<AgentNotifications>
  },
  by: AuditContext = UNKNOWN_CLI,
): AgentWithProjects {
  if (!email.trim()) throw new InputError({ field: 'email', message: 'is required' })
  const agent = agentByEmail(db, email)
  if (!Object.values(changes).some((v) => v !== undefined))
    throw new InputError({ message: 'nothing to change' })
  const name = changes.name?.trim()
  if (changes.name !== undefined && !name)
    throw new InputError({ field: 'name', message: 'may not be empty' })
  const role = changes.role !== undefined ? checkRole(changes.role) : undefined
  const projectIds = changes.projects ? projectIdsByPrefix(db, changes.projects) : undefined
  const { newTickets, activity } = changes.notifications ?? {}
  if (newTickets !== undefined && !NEW_TICKET_NOTICES.includes(newTickets))
    throw new InputError({
      field: 'notifications.newTickets',
      message: `must be one of ${NEW_TICKET_NOTICES.join(', ')}`,
    })
  const columns = {
    ...(name !== undefined ? { name } : {}),
    ...(role ? { role } : {}),
    ...(newTickets !== undefined ? { notifyNewTickets: newTickets } : {}),
    ...(activity !== undefined ? { notifyActivity: activity } : {}),
  }
  db.transaction((tx) => {
    if (Object.keys(columns).length)
      tx.update(agents).set(columns).where(eq(agents.id, agent.id)).run()
    if (projectIds) writeAgentProjects(tx, agent.id, projectIds)
    recordAudit(tx, {
      ...by,
      action: 'agent.update',
      target: agent.id,
      data: {
        email: agent.email,
        ...(name !== undefined ? { name } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(projectIds ? { projects: prefixesOf(tx, agent.id) } : {}),
        ...(changes.notifications ? { notifications: changes.notifications } : {}),
      },
    })
  })
  return agentWithProjects(db, agent.id)
}

function agentWithProjects(db: Db, id: string): AgentWithProjects {
  const row = db.select(agentColumns).from(agents).where(eq(agents.id, id)).get()!
  return { ...row, projects: prefixesOf(db, id) }
}

/**
 * Every agent as admins manage them: disabled and invited ones too, by name.
 *
 * @example adminAgents(db, new Date()).filter((a) => a.state === 'invited')
 */
export function adminAgents(db: Db, now: Date, only?: { id: string }): AdminAgent[] {
  const rows = db
    .select({
      ...agentColumns,
      disabledAt: agents.disabledAt,
      createdAt: agents.createdAt,
      invited: eq(agents.passwordHash, ''),
      inviteExpiresAt: agentInvites.expiresAt,
      newTickets: agents.notifyNewTickets,
      activity: agents.notifyActivity,
    })
    .from(agents)
    .leftJoin(
      agentInvites,
      and(eq(agentInvites.agentId, agents.id), gt(agentInvites.expiresAt, now.toISOString())),
    )
    .where(only ? eq(agents.id, only.id) : undefined)
    .orderBy(asc(agents.name), asc(agents.email))
    .all()
  const memberships = db
    .select({ agentId: agentProjects.agentId, prefix: projects.prefix })
    .from(agentProjects)
    .innerJoin(projects, eq(projects.id, agentProjects.projectId))
    .where(only ? eq(agentProjects.agentId, only.id) : undefined)
    .orderBy(asc(projects.prefix))
    .all()
  return rows.map(({ invited, newTickets, activity, ...row }) => ({
    ...row,
    notifications: { newTickets, activity },
    projects: memberships.filter((m) => m.agentId === row.id).map((m) => m.prefix),
    state: row.disabledAt ? 'disabled' : invited ? 'invited' : 'active',
  }))
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
