import type { AdminAgent, AdminProject, AuditEvent } from '@snagbox/sdk/contract'
import { label, when } from '../i18n/index.js'
import { alabel, at } from './i18n.js'

/** The agents and projects the admin screens know, to say names where the trail has ids. */
export interface AuditNames {
  agents: ReadonlyMap<string, AdminAgent>
  projects: ReadonlyMap<string, AdminProject>
}

export const auditNames = (
  agents: readonly AdminAgent[] = [],
  projects: readonly AdminProject[] = [],
): AuditNames => ({
  agents: new Map(agents.map((agent) => [agent.id, agent])),
  projects: new Map(projects.map((project) => [project.id, project])),
})

/** `agent.disable` → "Agent disabled"; an action this inbox doesn't know yet as it is. */
export const auditAction = (action: string): string => alabel('audit', action)

/** Who did it: an agent's name, `cli:<user>` at the command line, an API token, or anonymous. */
export function auditActor(actor: AuditEvent['actor'], names: AuditNames): string {
  const id = actor.id
  switch (actor.kind) {
    case 'agent':
      return (id && names.agents.get(id)?.name) || id || '—'
    case 'cli':
      return id ? `cli:${id}` : 'cli'
    case 'token':
      return at('audit.token', { id: id ? id.slice(0, 8) : '?' })
    case 'anonymous':
      return at('audit.anonymous')
    default:
      return id ? `${actor.kind}:${id}` : actor.kind
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

/**
 * What it was about: an agent or a project by name where known, a token by its name (and its
 * agent's), the e-mail a failed login named as it was typed.
 */
export function auditTarget(event: AuditEvent, names: AuditNames): string {
  const { target, action, data } = event
  if (!target) return ''
  const agent = names.agents.get(target)
  if (agent) return `${agent.name} (${agent.email})`
  const project = names.projects.get(target)
  if (project) return `${project.prefix} (${project.name})`
  if (action.startsWith('token.')) {
    const name = text(data.name)
    const owner = names.agents.get(text(data.agentId) ?? '')?.name
    return [name ? at('audit.tokenNamed', { name }) : target, owner].filter(Boolean).join(' · ')
  }
  if (action.startsWith('project.')) return text(data.prefix) ?? target
  if (action.startsWith('agent.')) return text(data.email) ?? target
  return target
}

const MAX_VALUE = 80
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/

/** A value of the trail's data in words: names for ids, dates as the rest of the inbox writes them. */
function detailValue(key: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === '')
    // A token made to last forever records that it never expires.
    return key === 'expiresAt' ? at('never') : '—'
  if (typeof value === 'boolean') return at(value ? 'audit.on' : 'audit.off')
  if (Array.isArray(value))
    return value.length ? value.map((v) => detailValue(`${key}[]`, v, names)).join(', ') : '—'
  if (typeof value === 'string') {
    if (key === 'agentId') return names.agents.get(value)?.name ?? value
    if (key === 'role' || key === 'scope' || key === 'reason') return alabel(key, value)
    // The project settings a change named, by their fields' names.
    if (key === 'changed[]') return alabel('field', value)
    if (ISO_TIME.test(value)) return when(value)
  }
  if (key === 'notifications' && typeof value === 'object') {
    const { newTickets, activity } = value as { newTickets?: string; activity?: boolean }
    return [
      newTickets !== undefined && at('audit.notifyNew', { value: label('notify', newTickets) }),
      activity !== undefined &&
        at('audit.notifyActivity', { value: at(activity ? 'audit.on' : 'audit.off') }),
    ]
      .filter(Boolean)
      .join(', ')
  }
  const said = typeof value === 'object' ? JSON.stringify(value) : String(value)
  return said.length > MAX_VALUE ? `${said.slice(0, MAX_VALUE - 1)}…` : said
}

/**
 * The entry's data as short `what: value` text, in words.
 *
 * @example
 * auditDetails({ email: 'bob@example.com', sessionsEnded: 2 }, names) // 'e-mail: bob@example.com; sessions ended: 2'
 */
export const auditDetails = (data: Record<string, unknown>, names: AuditNames): string =>
  Object.entries(data)
    .map(([key, value]) => `${alabel('auditKey', key)}: ${detailValue(key, value, names)}`)
    .join('; ')
