import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '../db/client.js'
import { agentProjects, agents, projects } from '../db/schema.js'
import { InputError } from '../input-error.js'

/**
 * The projects an agent works in: `all` for an admin, else the ids of its projects. An agent
 * with none sees no ticket, no event and no other agent.
 */
export type ProjectScope = 'all' | readonly string[]

/** @example projectScopeOf(db, { id: agent.id, role: 'agent' }) // ['4f0c…'] */
export function projectScopeOf(db: Db, agent: { id: string; role: string }): ProjectScope {
  if (agent.role === 'admin') return 'all'
  return db
    .select({ id: agentProjects.projectId })
    .from(agentProjects)
    .where(eq(agentProjects.agentId, agent.id))
    .all()
    .map((r) => r.id)
}

/**
 * An agent's scope as the database says now, its role read again: for what outlives the request
 * that read it (an event stream). `[]` for an agent that is gone.
 */
export function currentScopeOf(db: Db, agentId: string): ProjectScope {
  const agent = db.select({ role: agents.role }).from(agents).where(eq(agents.id, agentId)).get()
  return agent ? projectScopeOf(db, { id: agentId, role: agent.role }) : []
}

/** Whether a scope takes in a project. */
export function inScope(scope: ProjectScope, projectId: string): boolean {
  return scope === 'all' || scope.includes(projectId)
}

/** Whether an agent may work on tickets of a project: an admin, or one of its agents. */
export function agentWorksIn(db: Db, agentId: string, projectId: string): boolean {
  const agent = db
    .select({ role: agents.role, disabledAt: agents.disabledAt })
    .from(agents)
    .where(eq(agents.id, agentId))
    .get()
  // A disabled agent works nowhere: tickets can't be assigned to it.
  if (!agent || agent.disabledAt) return false
  if (agent.role === 'admin') return true
  return !!db
    .select({ id: agentProjects.agentId })
    .from(agentProjects)
    .where(and(eq(agentProjects.agentId, agentId), eq(agentProjects.projectId, projectId)))
    .get()
}

/** The projects of a scope, by prefix: what `GET /api/v1/me` shows. */
export function projectsIn(
  db: Db,
  scope: ProjectScope,
): { id: string; name: string; prefix: string }[] {
  if (scope !== 'all' && !scope.length) return []
  return db
    .select({ id: projects.id, name: projects.name, prefix: projects.prefix })
    .from(projects)
    .where(scope === 'all' ? undefined : inArray(projects.id, [...scope]))
    .orderBy(asc(projects.prefix))
    .all()
}

/**
 * The ids of the projects with these prefixes (any case; a comma separates several), or an
 * `InputError` on `projects` naming the prefixes no project has.
 */
export function projectIdsByPrefix(db: Db, prefixes: readonly string[]): string[] {
  const wanted = [
    ...new Set(
      prefixes
        .flatMap((p) => p.split(','))
        .map((p) => p.trim().toUpperCase())
        .filter(Boolean),
    ),
  ]
  if (!wanted.length) return []
  const found = db
    .select({ id: projects.id, prefix: projects.prefix })
    .from(projects)
    .where(inArray(projects.prefix, wanted))
    .all()
  const missing = wanted.filter((p) => !found.some((f) => f.prefix === p))
  if (missing.length) {
    const names = missing.map((p) => JSON.stringify(p)).join(', ')
    throw new InputError({
      field: 'projects',
      message: `no project has the prefix ${names}`,
    })
  }
  return wanted.map((p) => found.find((f) => f.prefix === p)!.id)
}

/** Replaces an agent's projects, inside the caller's transaction. */
export function writeAgentProjects(tx: Tx, agentId: string, projectIds: readonly string[]): void {
  tx.delete(agentProjects).where(eq(agentProjects.agentId, agentId)).run()
  if (projectIds.length)
    tx.insert(agentProjects)
      .values(projectIds.map((projectId) => ({ agentId, projectId })))
      .run()
}

/** The prefixes of an agent's own projects (an admin's too: they count if it becomes an agent). */
export function prefixesOf(db: Db | Tx, agentId: string): string[] {
  return db
    .select({ prefix: projects.prefix })
    .from(agentProjects)
    .innerJoin(projects, eq(projects.id, agentProjects.projectId))
    .where(eq(agentProjects.agentId, agentId))
    .orderBy(asc(projects.prefix))
    .all()
    .map((r) => r.prefix)
}
