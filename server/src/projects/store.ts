import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { PRIORITIES, type Priority } from '@snagbox/sdk/contract'
import type { Db } from '../db/client.js'
import { PROJECT_DEFAULTS, projects } from '../db/schema.js'
import { normalizeOrigin } from '../config.js'
import { validateWorkingCalendar } from '../calendar/working-days.js'
import { randomToken } from '../auth/secrets.js'
import { InputError } from '../input-error.js'

export interface Project {
  id: string
  name: string
  prefix: string
  key: string
  allowedOrigins: string[]
  autoCloseDays: number
  timeZone: string
  holidays: string[]
  /** The priority a reported mass incident starts at. */
  massIncidentPriority: Priority
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
  /** The priority a reported `mass_incident` starts at (default `critical`). */
  massIncidentPriority?: string
}

/** A priority named by an admin, or an InputError naming the setting. */
function checkPriority(value: string): Priority {
  if ((PRIORITIES as readonly string[]).includes(value)) return value as Priority
  throw new InputError({
    field: 'massIncidentPriority',
    message: `must be one of ${PRIORITIES.join(', ')}`,
  })
}

/** Checks the working-day settings; throws an InputError naming each wrong one. */
function checkCalendar(settings: {
  timeZone: string
  holidays: string[]
  autoCloseDays: number
}): void {
  const errors = validateWorkingCalendar({
    timeZone: settings.timeZone,
    holidays: settings.holidays,
    autoCloseWorkingDays: settings.autoCloseDays,
  })
  if (errors.length) {
    throw new InputError(
      errors.map((e) => ({
        field: e.path === 'autoCloseWorkingDays' ? 'autoCloseDays' : e.path,
        message: e.message,
      })),
    )
  }
}

function parseOrigins(origins: string[]): string[] {
  try {
    return [...new Set(origins.map(normalizeOrigin))]
  } catch (err) {
    throw new InputError({ field: 'origins', message: (err as Error).message })
  }
}

const PREFIX = /^[A-Z][A-Z0-9]{0,9}$/
const PROJECT_KEY = /^pk_[A-Za-z0-9_-]{8,100}$/

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
    massIncidentPriority: row.massIncidentPriority,
  }
}

/** @example createProject(db, { name: 'Kvant Energo', prefix: 'KE', origins: ['https://app.example.com'] }) */
export function createProject(db: Db, input: NewProject): Project {
  const name = input.name.trim()
  if (!name) throw new InputError({ field: 'name', message: 'is required' })
  if (!PREFIX.test(input.prefix)) {
    throw new InputError({
      field: 'prefix',
      message: 'must be 1–10 capital letters or digits, starting with a letter (e.g. DEMO)',
    })
  }
  const key = input.key ?? randomToken('pk_').slice(0, 35)
  if (!PROJECT_KEY.test(key))
    throw new InputError({
      field: 'key',
      message: 'must look like pk_ followed by 8–100 letters, digits, _ or -',
    })
  const autoCloseDays = input.autoCloseDays ?? PROJECT_DEFAULTS.autoCloseDays
  const timeZone = input.timeZone ?? PROJECT_DEFAULTS.timeZone
  const holidays = [...new Set(input.holidays ?? [])].sort()
  checkCalendar({ timeZone, holidays, autoCloseDays })
  const massIncidentPriority = checkPriority(
    input.massIncidentPriority ?? PROJECT_DEFAULTS.massIncidentPriority,
  )
  const origins = parseOrigins(input.origins ?? [])
  if (db.select().from(projects).where(eq(projects.prefix, input.prefix)).get()) {
    throw new InputError({ message: `a project with the prefix ${input.prefix} exists already` })
  }
  if (db.select().from(projects).where(eq(projects.key, key)).get()) {
    throw new InputError({ message: 'a project with this key exists already' })
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
      massIncidentPriority,
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
  changes: Partial<
    Pick<
      NewProject,
      'name' | 'origins' | 'autoCloseDays' | 'timeZone' | 'holidays' | 'massIncidentPriority'
    >
  >,
): Project {
  const current = findProjectByPrefix(db, prefix)
  if (!current) throw new InputError({ message: `no project with the prefix ${prefix}` })
  const next = {
    name: changes.name?.trim() || current.name,
    allowedOrigins: changes.origins ? parseOrigins(changes.origins) : current.allowedOrigins,
    autoCloseDays: changes.autoCloseDays ?? current.autoCloseDays,
    timeZone: changes.timeZone ?? current.timeZone,
    holidays: changes.holidays ? [...new Set(changes.holidays)].sort() : current.holidays,
    massIncidentPriority: changes.massIncidentPriority
      ? checkPriority(changes.massIncidentPriority)
      : current.massIncidentPriority,
  }
  checkCalendar(next)
  const row = db
    .update(projects)
    .set({
      ...next,
      allowedOrigins: JSON.stringify(next.allowedOrigins),
      holidays: JSON.stringify(next.holidays),
    })
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
