import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from '../db/client.js'
import { agents, apiTokens, projects } from '../db/schema.js'
import { normalizeOrigin } from '../config.js'
import { validateWorkingCalendar } from '../tickets/working-days.js'
import { hashPassword, randomToken, sha256 } from './secrets.js'

export interface Project {
  id: string
  name: string
  prefix: string
  key: string
  allowedOrigins: string[]
  autoCloseDays: number
  timeZone: string
  holidays: string[]
}

export interface NewProject {
  name: string
  prefix: string
  key?: string
  origins?: string[]
  autoCloseDays?: number
  /** IANA time zone of the project's working days, e.g. `Europe/Moscow`. */
  timeZone?: string
  /** Days off besides weekends, `YYYY-MM-DD`. */
  holidays?: string[]
}

/** Checks the working-day settings; throws an InputError naming the flag. */
function checkCalendar(settings: { timeZone: string; holidays: string[]; autoCloseDays: number }): void {
  const errors = validateWorkingCalendar({ timeZone: settings.timeZone, holidays: settings.holidays, autoCloseWorkingDays: settings.autoCloseDays })
  const flags: Record<string, string> = { timeZone: '--time-zone', autoCloseWorkingDays: '--auto-close-days' }
  if (errors.length) {
    throw new InputError(errors.map((e) => `${flags[e.path] ?? `--holiday (${e.path})`} ${e.message}`).join('; '))
  }
}

function parseOrigins(origins: string[]): string[] {
  try {
    return [...new Set(origins.map(normalizeOrigin))]
  } catch (err) {
    throw new InputError(`--origin: ${(err as Error).message}`)
  }
}

const PREFIX = /^[A-Z][A-Z0-9]{0,9}$/
const PROJECT_KEY = /^pk_[A-Za-z0-9_-]{8,100}$/

/** Thrown for input the CLI or an admin got wrong; the message says what to fix. */
export class InputError extends Error {}

function toProject(row: typeof projects.$inferSelect): Project {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    key: row.key,
    allowedOrigins: JSON.parse(row.allowedOrigins) as string[],
    autoCloseDays: row.autoCloseDays,
    timeZone: row.timeZone,
    holidays: JSON.parse(row.holidays) as string[],
  }
}

/** @example createProject(db, { name: 'Kvant Energo', prefix: 'KE', origins: ['https://app.example.com'] }) */
export function createProject(db: Db, input: NewProject): Project {
  const name = input.name.trim()
  if (!name) throw new InputError('--name is required')
  if (!PREFIX.test(input.prefix)) {
    throw new InputError('--prefix must be 1–10 capital letters or digits, starting with a letter (e.g. DEMO)')
  }
  const key = input.key ?? randomToken('pk_').slice(0, 35)
  if (!PROJECT_KEY.test(key)) throw new InputError('--key must look like pk_ followed by 8–100 letters, digits, _ or -')
  const autoCloseDays = input.autoCloseDays ?? 5
  const timeZone = input.timeZone ?? 'UTC'
  const holidays = [...new Set(input.holidays ?? [])].sort()
  checkCalendar({ timeZone, holidays, autoCloseDays })
  const origins = parseOrigins(input.origins ?? [])
  if (db.select().from(projects).where(eq(projects.prefix, input.prefix)).get()) {
    throw new InputError(`a project with the prefix ${input.prefix} exists already`)
  }
  if (db.select().from(projects).where(eq(projects.key, key)).get()) {
    throw new InputError('a project with this key exists already')
  }
  const row = db
    .insert(projects)
    .values({
      id: randomUUID(),
      name,
      prefix: input.prefix,
      key,
      allowedOrigins: JSON.stringify(origins),
      autoCloseDays,
      timeZone,
      holidays: JSON.stringify(holidays),
      createdAt: new Date().toISOString(),
    })
    .returning()
    .get()
  return toProject(row)
}

/**
 * Changes a project's settings; only the given ones change (origins and holidays are replaced).
 *
 * @example updateProject(db, 'DEMO', { holidays: ['2027-01-01', '2027-01-07'] })
 */
export function updateProject(
  db: Db,
  prefix: string,
  changes: Partial<Pick<NewProject, 'name' | 'origins' | 'autoCloseDays' | 'timeZone' | 'holidays'>>,
): Project {
  const current = findProjectByPrefix(db, prefix)
  if (!current) throw new InputError(`no project with the prefix ${prefix}`)
  const next = {
    name: changes.name?.trim() || current.name,
    allowedOrigins: changes.origins ? parseOrigins(changes.origins) : current.allowedOrigins,
    autoCloseDays: changes.autoCloseDays ?? current.autoCloseDays,
    timeZone: changes.timeZone ?? current.timeZone,
    holidays: changes.holidays ? [...new Set(changes.holidays)].sort() : current.holidays,
  }
  checkCalendar(next)
  const row = db
    .update(projects)
    .set({ ...next, allowedOrigins: JSON.stringify(next.allowedOrigins), holidays: JSON.stringify(next.holidays) })
    .where(eq(projects.id, current.id))
    .returning()
    .get()!
  return toProject(row)
}

export function findProjectByKey(db: Db, key: string): Project | undefined {
  const row = db.select().from(projects).where(eq(projects.key, key)).get()
  return row && toProject(row)
}

export function findProjectByPrefix(db: Db, prefix: string): Project | undefined {
  const row = db.select().from(projects).where(eq(projects.prefix, prefix)).get()
  return row && toProject(row)
}

/** Every origin some project allows: what a CORS preflight, which carries no key, can check. */
export function allAllowedOrigins(db: Db): Set<string> {
  const rows = db.select({ origins: projects.allowedOrigins }).from(projects).all()
  return new Set(rows.flatMap((r) => JSON.parse(r.origins) as string[]))
}

export interface Agent {
  id: string
  email: string
  name: string
  role: 'admin' | 'agent'
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** @example await createAgent(db, { email: 'ann@example.com', name: 'Ann', password: 's3cret-pass' }) */
export async function createAgent(
  db: Db,
  input: { email: string; name: string; password: string; role?: string },
): Promise<Agent> {
  const email = input.email.trim().toLowerCase()
  if (!EMAIL.test(email)) throw new InputError('--email must be an e-mail address')
  if (!input.name.trim()) throw new InputError('--name is required')
  if (input.password.length < 8) throw new InputError('--password must be at least 8 characters')
  const role = input.role ?? 'agent'
  if (role !== 'admin' && role !== 'agent') throw new InputError('--role must be admin or agent')
  if (findAgentByEmail(db, email)) throw new InputError(`an agent with the e-mail ${email} exists already`)
  const passwordHash = await hashPassword(input.password)
  const row = db
    .insert(agents)
    .values({ id: randomUUID(), email, name: input.name.trim(), role, passwordHash, createdAt: new Date().toISOString() })
    .returning({ id: agents.id, email: agents.email, name: agents.name, role: agents.role })
    .get()
  return row
}

export function findAgentByEmail(db: Db, email: string) {
  return db.select().from(agents).where(eq(agents.email, email.trim().toLowerCase())).get()
}

/** Creates an API token for an agent; the token is returned once, only its hash is stored. */
export function createApiToken(db: Db, input: { email: string; name: string }): { id: string; token: string } {
  const agent = findAgentByEmail(db, input.email)
  if (!agent) throw new InputError(`no agent with the e-mail ${input.email}`)
  if (!input.name.trim()) throw new InputError('--name is required')
  const token = randomToken('sbt_')
  const id = randomUUID()
  db.insert(apiTokens)
    .values({ id, agentId: agent.id, name: input.name.trim(), tokenHash: sha256(token), createdAt: new Date().toISOString() })
    .run()
  return { id, token }
}

export function agentExists(db: Db, id: string): boolean {
  return !!db.select({ id: agents.id }).from(agents).where(eq(agents.id, id)).get()
}

/** Every agent, by name: who a ticket can be assigned to. */
export function listAgents(db: Db): Agent[] {
  return db.select({ id: agents.id, email: agents.email, name: agents.name, role: agents.role }).from(agents).orderBy(agents.name).all()
}
