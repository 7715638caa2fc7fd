import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import {
  PRIORITIES,
  type AdminProject,
  type Priority,
  type ProjectWithSecret,
  type WorkingHours,
} from '@snagbox/sdk/contract'
import type { Db } from '../db/client.js'
import { PROJECT_DEFAULTS, projects } from '../db/schema.js'
import { normalizeOrigin } from '../config.js'
import { validateWorkingCalendar } from '../calendar/working-days.js'
import { randomToken } from '../auth/secrets.js'
import { InputError } from '../input-error.js'
import { recordAudit, UNKNOWN_CLI, type AuditContext } from '../audit/store.js'
import { parseMailbox } from '../mail-address.js'
import { endStatusLinksOfSecret, newIdentitySecret } from './identity.js'
import {
  checkWorkingHours,
  mergeFirstResponseHours,
  responseTargetsOf,
  workingHoursText,
} from './response-targets.js'

/**
 * A project and its settings, as admins see and change them and the rest of the server reads
 * them: its working hours and first-response targets parsed (`ResponseTargets`), whether it has
 * an identity secret (never the secret).
 */
export type Project = AdminProject

/** A project just created or changed, with the identity secret this once if the change made one. */
export type SavedProject = ProjectWithSecret

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
  /** The sender of its e-mails (`"Kvant support" <support@kvant.example>`); `null`: the server's. */
  mailFrom?: string | null
  /** Its support mailbox (`imaps://user:pass@imap.example.com/INBOX`); `null`: none. */
  imapUrl?: string | null
  /** `true`: make a new identity secret (replacing any), shown once in the answer; `false`: none. */
  identitySecret?: boolean
  /** The working day in its time zone (default 09:00–18:00). */
  workingHours?: WorkingHours
  /** First-response targets in working hours, by priority; those not given stay. */
  firstResponseHours?: Partial<Record<string, unknown>>
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
    mailFrom: row.mailFrom,
    imapUrl: row.imapUrl && maskUrlPassword(row.imapUrl),
    hasIdentitySecret: row.identitySecret !== null,
    ...responseTargetsOf(row),
  }
}

/** The stored settings of the identity secret and the first-response targets that `input` gives. */
function targetsAndSecret(
  input: Pick<NewProject, 'identitySecret' | 'workingHours' | 'firstResponseHours'>,
  current: Pick<Project, 'firstResponseHours'>,
) {
  const secret = input.identitySecret ? newIdentitySecret() : null
  return {
    secret,
    set: {
      ...(input.identitySecret !== undefined ? { identitySecret: secret } : {}),
      ...(input.workingHours
        ? { workingHours: workingHoursText(checkWorkingHours(input.workingHours)) }
        : {}),
      ...(input.firstResponseHours
        ? {
            firstResponseHours: JSON.stringify(
              mergeFirstResponseHours(current.firstResponseHours, input.firstResponseHours),
            ),
          }
        : {}),
    },
  }
}

/** The project as saved, with the secret when the change made one. */
const saved = (row: typeof projects.$inferSelect, secret: string | null): SavedProject =>
  secret ? { ...toProject(row), identitySecret: secret } : toProject(row)

/** `imaps://support:secret@host/INBOX` → `imaps://support:***@host/INBOX`: never shown again. */
function maskUrlPassword(value: string): string {
  const url = new URL(value)
  if (url.password) url.password = '***'
  return url.toString()
}

/** A project's sender, checked: `"Kvant support" <support@kvant.example>` or an address; `null` for the server's. */
function checkMailFrom(value: string | null): string | null {
  if (value === null || !value.trim()) return null
  const mailbox = parseMailbox(value)
  if (!mailbox)
    throw new InputError({
      field: 'mailFrom',
      message: 'must be an address like "Kvant support" <support@kvant.example>',
    })
  return value.trim()
}

/** A project's support mailbox, checked: an `imap://` or `imaps://` URL with a user; `null` for none. */
function checkImapUrl(value: string | null): string | null {
  if (value === null || !value.trim()) return null
  let url: URL | undefined
  try {
    url = new URL(value.trim())
  } catch {
    url = undefined
  }
  if (
    !url ||
    (url.protocol !== 'imap:' && url.protocol !== 'imaps:') ||
    !url.username ||
    !url.hostname
  )
    throw new InputError({
      field: 'imapUrl',
      message: 'must be a URL like imaps://user:password@imap.example.com/INBOX',
    })
  return url.toString()
}

/** @example createProject(db, { name: 'Kvant Energo', prefix: 'KE', origins: ['https://app.example.com'] }) */
export function createProject(
  db: Db,
  input: NewProject,
  by: AuditContext = UNKNOWN_CLI,
): SavedProject {
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
  const mailFrom = checkMailFrom(input.mailFrom ?? null)
  const imapUrl = checkImapUrl(input.imapUrl ?? null)
  const targets = targetsAndSecret(input, responseTargetsOf(PROJECT_DEFAULTS))
  const at = by.at ?? new Date()
  return db.transaction((tx) => {
    if (tx.select().from(projects).where(eq(projects.prefix, input.prefix)).get())
      throw new InputError(
        { message: `a project with the prefix ${input.prefix} exists already` },
        'conflict',
      )
    if (tx.select().from(projects).where(eq(projects.key, key)).get())
      throw new InputError({ message: 'a project with this key exists already' }, 'conflict')
    const row = tx
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
        mailFrom,
        imapUrl,
        ...targets.set,
        createdAt: at.toISOString(),
      })
      .returning()
      .get()
    recordAudit(tx, {
      ...by,
      action: 'project.create',
      target: row.id,
      data: { name, prefix: row.prefix, identitySecret: row.identitySecret !== null },
    })
    return saved(row, targets.secret)
  })
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
      | 'name'
      | 'origins'
      | 'autoCloseDays'
      | 'timeZone'
      | 'holidays'
      | 'massIncidentPriority'
      | 'mailFrom'
      | 'imapUrl'
      | 'identitySecret'
      | 'workingHours'
      | 'firstResponseHours'
    >
  >,
  by: AuditContext = UNKNOWN_CLI,
): SavedProject {
  const current = findProjectByPrefix(db, prefix)
  if (!current)
    throw new InputError({ message: `no project with the prefix ${prefix}` }, 'not_found')
  const changed = Object.keys(changes).filter(
    (k) => changes[k as keyof typeof changes] !== undefined,
  )
  if (!changed.length) throw new InputError({ message: 'nothing to change' })
  if (changes.name !== undefined && !changes.name.trim())
    throw new InputError({ field: 'name', message: 'may not be empty' })
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
  const mail = {
    ...(changes.mailFrom !== undefined ? { mailFrom: checkMailFrom(changes.mailFrom) } : {}),
    ...(changes.imapUrl !== undefined ? { imapUrl: checkImapUrl(changes.imapUrl) } : {}),
  }
  checkCalendar(next)
  const targets = targetsAndSecret(changes, current)
  return db.transaction((tx) => {
    if (changes.identitySecret !== undefined) endStatusLinksOfSecret(tx, current.id)
    const row = tx
      .update(projects)
      .set({
        ...next,
        ...mail,
        ...targets.set,
        allowedOrigins: JSON.stringify(next.allowedOrigins),
        holidays: JSON.stringify(next.holidays),
      })
      .where(eq(projects.id, current.id))
      .returning()
      .get()!
    recordAudit(tx, {
      ...by,
      action: 'project.update',
      target: current.id,
      data: { prefix: current.prefix, changed },
    })
    return saved(row, targets.secret)
  })
}

export function findProjectByKey(db: Db, key: string): Project | undefined {
  const row = db.select().from(projects).where(eq(projects.key, key)).get()
  return row && toProject(row)
}

/** Every project, by prefix. */
export function listProjects(db: Db): Project[] {
  return db.select().from(projects).orderBy(projects.prefix).all().map(toProject)
}

export function findProjectById(db: Db, id: string): Project | undefined {
  const row = db.select().from(projects).where(eq(projects.id, id)).get()
  return row && toProject(row)
}

export function findProjectByPrefix(db: Db, prefix: string): Project | undefined {
  const row = db.select().from(projects).where(eq(projects.prefix, prefix)).get()
  return row && toProject(row)
}

/** Every origin some project allows: who may read a refusal made before the project is known (429). */
export function allAllowedOrigins(db: Db): Set<string> {
  const rows = db.select({ origins: projects.allowedOrigins }).from(projects).all()
  return new Set(rows.flatMap((r) => JSON.parse(r.origins) as string[]))
}
