import { randomUUID } from 'node:crypto'
import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm'
import { MACRO_VARIABLES, type Macro, type Priority, type ReplyStatus } from '@snagbox/sdk/contract'
import { inScope, type ProjectScope } from '../auth/agent-projects.js'
import type { Db } from '../db/client.js'
import { agents, macros, projects } from '../db/schema.js'
import { InputError } from '../input-error.js'
import { unknownVariables } from './fill.js'

/** Who asks: an agent, the projects it works in (`all` for an admin), and whether it is an admin. */
export interface MacroUser {
  agentId: string
  projects: ProjectScope
  admin: boolean
}

export interface MacroInput {
  name: string
  body: string
  status: ReplyStatus | null
  priority: Priority | null
  /** The project's prefix; `null`: every project's. */
  project: string | null
}

type Row = typeof macros.$inferSelect

/** The macros `user` sees: those of its projects and those for every project. */
function visible(user: MacroUser): SQL | undefined {
  if (user.projects === 'all') return undefined
  const mine = user.projects.length ? inArray(macros.projectId, [...user.projects]) : undefined
  return mine ? or(isNull(macros.projectId), mine) : isNull(macros.projectId)
}

/**
 * The macros an agent may use, by name: its projects' and every project's (a ticket takes those
 * of its project and every project's).
 *
 * @example listMacros(db, { agentId, projects: ['4f0c…'], admin: false })
 */
export function listMacros(db: Db, user: MacroUser): Macro[] {
  return read(db, user, visible(user))
}

/** One macro the agent may use on a ticket of `projectId`; not found otherwise. */
export function macroFor(db: Db, user: MacroUser, id: string, projectId: string): Macro {
  const found = read(
    db,
    user,
    and(
      visible(user),
      eq(macros.id, id),
      or(isNull(macros.projectId), eq(macros.projectId, projectId)),
    ),
  )[0]
  if (!found) throw new InputError({ message: `no macro ${id} for this ticket` }, 'not_found')
  return found
}

function read(db: Db, user: MacroUser, where: SQL | undefined): Macro[] {
  return db
    .select({
      macro: macros,
      project: { id: projects.id, prefix: projects.prefix, name: projects.name },
      author: { id: agents.id, name: agents.name },
    })
    .from(macros)
    .leftJoin(projects, eq(projects.id, macros.projectId))
    .leftJoin(agents, eq(agents.id, macros.createdBy))
    .where(where)
    .orderBy(asc(macros.name), asc(macros.id))
    .all()
    .map(({ macro, project, author }) => ({
      id: macro.id,
      name: macro.name,
      body: macro.body,
      status: macro.status as ReplyStatus | null,
      priority: macro.priority,
      project: macro.projectId ? project : null,
      createdBy: author?.id ? author : null,
      createdAt: macro.createdAt,
      updatedAt: macro.updatedAt,
      editable: mayManage(user, macro.projectId),
    }))
}

/** A project's macros are its team's to manage; those for every project an admin's. */
function mayManage(user: MacroUser, projectId: string | null): boolean {
  return projectId === null ? user.admin : inScope(user.projects, projectId)
}

/** The macro as stored, if the user sees it; its scope checked for a change. */
function manageable(db: Db, user: MacroUser, id: string): Row {
  const row = db
    .select()
    .from(macros)
    .where(and(eq(macros.id, id), visible(user)))
    .get()
  if (!row) throw new InputError({ message: `no macro ${id}` }, 'not_found')
  checkScope(user, row.projectId)
  return row
}

function checkScope(user: MacroUser, projectId: string | null): void {
  if (mayManage(user, projectId)) return
  throw projectId === null
    ? new InputError(
        { message: 'only an admin makes or changes a macro for every project' },
        'conflict',
      )
    : notYours()
}

const notYours = () => new InputError({ field: 'project', message: 'is not a project you work in' })

/**
 * The id of the project a prefix names, if the user may keep macros there (`null` stays `null`:
 * every project). An unknown prefix and another team's get the same answer.
 */
function projectIdOf(db: Db, user: MacroUser, prefix: string | null): string | null {
  if (prefix === null) {
    checkScope(user, null)
    return null
  }
  const row = db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.prefix, prefix.trim().toUpperCase()))
    .get()
  if (!row) throw notYours()
  checkScope(user, row.id)
  return row.id
}

/** The name and the body checked: the body names only known variables. */
function checkText(input: Pick<MacroInput, 'name' | 'body'>): { name: string; body: string } {
  const name = input.name.trim()
  if (!name || name.length > 80)
    throw new InputError({ field: 'name', message: 'must be 1 to 80 characters' })
  if (!input.body.trim()) throw new InputError({ field: 'body', message: 'must not be empty' })
  const unknown = unknownVariables(input.body)
  if (unknown.length)
    throw new InputError({
      field: 'body',
      message: `names unknown variables: ${unknown
        .slice(0, 10)
        .map((v) => `{{${v.slice(0, 40)}}}`)
        .join(', ')}${unknown.length > 10 ? ', …' : ''}; known: ${MACRO_VARIABLES.join(', ')}`,
    })
  return { name, body: input.body }
}

/** Saves a macro for a project the user works in, or (an admin) for every project. */
export function createMacro(db: Db, user: MacroUser, input: MacroInput, now: Date): Macro {
  const projectId = projectIdOf(db, user, input.project)
  const at = now.toISOString()
  const id = randomUUID()
  db.insert(macros)
    .values({
      id,
      ...checkText(input),
      status: input.status,
      priority: input.priority,
      projectId,
      createdBy: user.agentId,
      createdAt: at,
      updatedAt: at,
    })
    .run()
  return read(db, user, eq(macros.id, id))[0]!
}

/** Changes what is given of a macro the user may manage (moving it: to a scope it may manage too). */
export function updateMacro(
  db: Db,
  user: MacroUser,
  id: string,
  changes: Partial<MacroInput>,
  now: Date,
): Macro {
  const row = manageable(db, user, id)
  if (!Object.values(changes).some((v) => v !== undefined))
    throw new InputError({ message: 'nothing to change' })
  const projectId =
    changes.project !== undefined ? projectIdOf(db, user, changes.project) : undefined
  const text = checkText({ name: changes.name ?? row.name, body: changes.body ?? row.body })
  db.update(macros)
    .set({
      ...text,
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.priority !== undefined ? { priority: changes.priority } : {}),
      ...(projectId !== undefined ? { projectId } : {}),
      updatedAt: now.toISOString(),
    })
    .where(eq(macros.id, row.id))
    .run()
  return read(db, user, eq(macros.id, row.id))[0]!
}

export function deleteMacro(db: Db, user: MacroUser, id: string): void {
  const row = manageable(db, user, id)
  db.delete(macros).where(eq(macros.id, row.id)).run()
}
