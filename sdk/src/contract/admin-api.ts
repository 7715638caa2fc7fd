// What the admin API (`/api/v1/admin/…`) answers with: agents, their API tokens, projects and the
// audit trail, as the inbox's admin screens and the `snagbox` command line manage them.
import type { AgentInfo } from './agent-api.js'
import type { Priority } from './types.js'

/** Where an agent stands: it can sign in, it was invited and has not set a password, or it is disabled. */
export type AgentState = 'active' | 'invited' | 'disabled'

/** An agent as an admin sees it. */
export interface AdminAgent extends AgentInfo {
  /** Prefixes of the projects it works in (an admin works in all, whatever these say). */
  projects: string[]
  state: AgentState
  disabledAt: string | null
  createdAt: string
  /** When its unused one-time link to set a password stops working; `null` when none is out. */
  inviteExpiresAt: string | null
  notifications: AgentNotifications
}

export const NEW_TICKET_NOTICES = ['urgent', 'all', 'none'] as const

/** Which e-mails an agent gets (each agent sets its own; admins may too). */
export interface AgentNotifications {
  /** A new ticket of its projects: `urgent` (critical and high), `all`, or `none`. */
  newTickets: (typeof NEW_TICKET_NOTICES)[number]
  /** The reporter's answers on its tickets (every agent's while a ticket is unassigned). */
  activity: boolean
}

/** A one-time link to set a password, shown once to the admin who made it. */
export interface AgentInvite {
  url: string
  expiresAt: string
}

export const TOKEN_SCOPES = ['read', 'read_write'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

/** An API token as listed: never the token itself, nor its hash. */
export interface AdminToken {
  id: string
  name: string
  scope: TokenScope
  state: 'active' | 'expired' | 'revoked'
  createdAt: string
  /** `null`: never expires. */
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
}

/** A token just made: the secret is in `token`, this once. */
export interface CreatedToken {
  id: string
  token: string
  scope: TokenScope
  expiresAt: string | null
}

/** A project's settings. */
export interface AdminProject {
  id: string
  name: string
  prefix: string
  /** The public key the widget and SDK send. */
  key: string
  allowedOrigins: string[]
  autoCloseDays: number
  timeZone: string
  holidays: string[]
  massIncidentPriority: Priority
  /** The sender of its e-mails; the server's (`--mail-from`) when null. */
  mailFrom: string | null
  /** Its support mailbox, read for replies and new requests; the password shown as `***`. */
  imapUrl: string | null
  /**
   * Whether it verifies its reporters' identities (`setUser({ id, signature })`): an identity
   * secret is set. The secret itself is shown once, in the answer that made it.
   */
  hasIdentitySecret: boolean
  /** The working day in its time zone, the clock of first-response targets. */
  workingHours: WorkingHours
  /** Working hours from a ticket's arrival to its first response, by priority. */
  firstResponseHours: FirstResponseHours
}

/** A working day's hours, `HH:MM` in the project's time zone; `start` before `end` (`24:00` ends a day). */
export interface WorkingHours {
  start: string
  end: string
}

/** Working hours to a first response, by priority: each above 0, at most `FIRST_RESPONSE_HOURS_MAX`. */
export type FirstResponseHours = Record<Priority, number>

/** The longest first-response target, in working hours (about four months of working days). */
export const FIRST_RESPONSE_HOURS_MAX = 1000

/**
 * The answer of a create or update that made a new identity secret: the project, and the secret
 * this once (`sbis_…`; only the server and the host's backend may know it).
 */
export interface ProjectWithSecret extends AdminProject {
  identitySecret?: string
}

/** One entry of the audit trail, newest first. */
export interface AuditEvent {
  id: number
  action: string
  actor: { kind: string; id: string | null }
  target: string | null
  address: string | null
  data: Record<string, unknown>
  createdAt: string
}
