import type {
  AdminAgent,
  AdminProject,
  AgentNotifications,
  Priority,
  TokenScope,
} from '@snagbox/sdk/contract'
import type {
  AgentChangesBody,
  NewAgentBody,
  NewProjectBody,
  NewTokenBody,
  ProjectSettingsBody,
} from '../api.js'
import { notificationChanges } from '../notifications.js'

// The admin forms keep what was typed as text; these turn it into what the API takes. The server
// checks the values (an origin's form, a date, a time zone) and names the field it refuses.

/** A text area's lines: trimmed, the empty ones left out. */
export const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)

/** Holidays one a line, or separated by commas, semicolons or spaces. */
export const dateList = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean)

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n')

export interface AgentForm {
  email: string
  name: string
  role: AdminAgent['role']
  projects: string[]
  /** A one-time link for the person, or a password the admin sets now. */
  access: 'link' | 'password'
  password: string
}

export function newAgentBody(form: AgentForm): NewAgentBody {
  return {
    email: form.email.trim(),
    name: form.name.trim(),
    role: form.role,
    projects: form.projects,
    ...(form.access === 'password' ? { password: form.password } : {}),
  }
}

/** Only what changed, so the audit trail says what the admin changed; `{}` when nothing did. */
export function agentChanges(
  agent: AdminAgent,
  form: Pick<AgentForm, 'name' | 'role' | 'projects'> & { notifications?: AgentNotifications },
): AgentChangesBody {
  const name = form.name.trim()
  const notifications = form.notifications
    ? notificationChanges(agent.notifications, form.notifications)
    : undefined
  return {
    ...(name !== agent.name ? { name } : {}),
    ...(form.role !== agent.role ? { role: form.role } : {}),
    ...(!sameList(form.projects, agent.projects) ? { projects: form.projects } : {}),
    ...(notifications ? { notifications } : {}),
  }
}

export interface TokenForm {
  name: string
  scope: TokenScope
  days: string
  never: boolean
}

/** Days left empty are the server's default (90). */
export function newTokenBody(form: TokenForm): NewTokenBody {
  const days = form.days.trim()
  return {
    name: form.name.trim(),
    scope: form.scope,
    ...(form.never ? { expiresInDays: null } : days ? { expiresInDays: Number(days) } : {}),
  }
}

export interface ProjectForm {
  name: string
  prefix: string
  origins: string
  autoCloseDays: string
  timeZone: string
  holidays: string
  massIncidentPriority: Priority
  mailFrom: string
  /** As the server shows it, the password as `***`: sent only when the admin changed it. */
  imapUrl: string
}

export const NEW_PROJECT: ProjectForm = {
  name: '',
  prefix: '',
  origins: '',
  autoCloseDays: '5',
  timeZone: 'UTC',
  holidays: '',
  massIncidentPriority: 'critical',
  mailFrom: '',
  imapUrl: '',
}

/** A project's settings as its edit form shows them. */
export const projectForm = (project: AdminProject): ProjectForm => ({
  name: project.name,
  prefix: project.prefix,
  origins: project.allowedOrigins.join('\n'),
  autoCloseDays: String(project.autoCloseDays),
  timeZone: project.timeZone,
  holidays: project.holidays.join('\n'),
  massIncidentPriority: project.massIncidentPriority,
  mailFrom: project.mailFrom ?? '',
  imapUrl: project.imapUrl ?? '',
})

function settings(form: ProjectForm): ProjectSettingsBody & { name: string } {
  const days = form.autoCloseDays.trim()
  return {
    name: form.name.trim(),
    origins: lines(form.origins),
    // Left empty (the number field's value for what is not a number): the server's default.
    ...(days && Number.isFinite(Number(days)) ? { autoCloseDays: Number(days) } : {}),
    timeZone: form.timeZone.trim() || 'UTC',
    holidays: dateList(form.holidays),
    massIncidentPriority: form.massIncidentPriority,
    // Empty: the server's sender, no mailbox.
    mailFrom: form.mailFrom.trim() || null,
    imapUrl: form.imapUrl.trim() || null,
  }
}

export function newProjectBody(form: ProjectForm): NewProjectBody {
  const { mailFrom, imapUrl, ...rest } = settings(form)
  return {
    ...rest,
    ...(mailFrom ? { mailFrom } : {}),
    ...(imapUrl ? { imapUrl } : {}),
    prefix: form.prefix.trim().toUpperCase(),
  }
}

/**
 * Only the settings that changed; `{}` when none did. The support mailbox is shown with its
 * password as `***`: left as shown it is not sent, so the stored password stays.
 */
export function projectChanges(project: AdminProject, form: ProjectForm): ProjectSettingsBody {
  const next = settings(form)
  const before = settings(projectForm(project))
  const changed: ProjectSettingsBody = {}
  for (const key of Object.keys(next) as (keyof ProjectSettingsBody)[]) {
    const [a, b] = [next[key], before[key]]
    const same = Array.isArray(a) && Array.isArray(b) ? sameList(a, b) : a === b
    if (!same) Object.assign(changed, { [key]: a })
  }
  return changed
}

/**
 * A support mailbox changed but still with the `***` the server shows for the stored password:
 * saving it would make `***` the password. `true` when the admin must type the password again.
 *
 * @example
 * keepsMaskedPassword(project, { ...form, imapUrl: 'imaps://support:***@imap2.example.com/INBOX' }) // true
 */
export function keepsMaskedPassword(project: AdminProject | undefined, form: ProjectForm): boolean {
  const url = form.imapUrl.trim()
  return url !== (project?.imapUrl ?? '') && /:\*\*\*@/.test(url)
}
