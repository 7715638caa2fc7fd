// The shapes the agent API and the reporter API answer with. The server checks its views against
// them (`satisfies`) and the inbox reads them, so the two cannot drift apart.
import type {
  AppInfo,
  Category,
  CloseReason,
  Environment,
  LogEntry,
  Priority,
  Reporter,
  Status,
} from './types.js'

/** What an agent can do to a ticket; the lifecycle's actions. */
export type TicketActionType =
  | 'take'
  | 'assign'
  | 'reply'
  | 'note'
  | 'split'
  | 'link'
  | 'set_priority'
  | 'set_category'
  | 'close'
  | 'reopen'
  | 'comment'
  | 'confirm'
  | 'disagree'
  | 'withdraw'
  | 'auto_close'

/** The statuses an agent's public reply may ask for: a question or a solution. */
export const REPLY_STATUSES = ['waiting_on_reporter', 'resolved'] as const
export type ReplyStatus = (typeof REPLY_STATUSES)[number]

/** One thing an actor may do from a status, and where it leads. */
export interface AllowedAction {
  action: TicketActionType
  /** The `status` of a reply (absent: a reply that asks for nothing). */
  status?: ReplyStatus
  /** The status the ticket ends in (for `assign` to someone; unassigning keeps `new`). */
  to: Status
  /** When `to` is `closed`: the reason it is closed with. */
  closeReason?: CloseReason
}

/** Who did something: the reporter, an agent, an agent's API token, or the system. */
export type ActorKind = 'reporter' | 'agent' | 'token' | 'system'

/** One entry of a ticket's timeline, oldest first. */
export interface TimelineEntry {
  id: number
  type: string
  visibility: 'public' | 'internal'
  /** The reporter's view never carries an agent's id or e-mail address. */
  actor: { kind: string; id: string | null; name: string | null; email?: string | null }
  data: Record<string, unknown>
  createdAt: string
}

/** A linked ticket, by id and reference. */
export interface TicketLink {
  id: string
  reference: string | null
}

/** An agent as the API shows it (`GET /api/v1/agents`, `GET /api/v1/me`). */
export interface AgentInfo {
  id: string
  email: string
  name: string
  role: 'admin' | 'agent'
}

/** What every agent view of a ticket carries: the queue's row and the whole ticket alike. */
interface TicketBasics {
  id: string
  reference: string
  status: Status
  closeReason: CloseReason | null
  category: Category
  priority: Priority
  blocking: boolean
  subject: string
  createdAt: string
  updatedAt: string
}

/** One row of `GET /api/v1/tickets`. */
export interface TicketSummary extends TicketBasics {
  reporter: { name?: string; email?: string; organization?: string }
  app: { name?: string; version?: string; build?: string }
  os: { name?: string | null; version?: string | null; bitness?: number | null }
  assignee: { id: string; name: string } | null
  hasScreenshot: boolean
}

/** `GET /api/v1/tickets`: a page of the queue and the cursor of the next one. */
export interface TicketPage {
  items: TicketSummary[]
  nextCursor: string | null
}

/** `GET /api/v1/tickets/:ref`: the whole ticket as an agent sees it. */
export interface AgentTicket extends TicketBasics {
  project: { id: string; name: string; prefix: string }
  description: string
  /** The JSON the reporter's SDK sent, as given. */
  reporter: Reporter
  app: AppInfo
  environment: Environment
  context: Record<string, unknown>
  logs: Partial<LogEntry>[]
  assignee: { id: string; name: string; email: string } | null
  parent: TicketLink | null
  splitFrom: TicketLink | null
  duplicateOf: TicketLink | null
  children: { id: string; reference: string; status: Status }[]
  reopenCount: number
  resolvedAt: string | null
  closedAt: string | null
  autoCloseDueAt: string | null
  version: number
  screenshot: {
    url: string
    contentType: string
    width: number
    height: number
    bytes: number
  } | null
  allowedActions: AllowedAction[]
  timeline: TimelineEntry[]
  /** What was e-mailed about the ticket, to whom, and whether it arrived; newest first. */
  emails: TicketEmail[]
}

/** One e-mail about a ticket, to its reporter or to an agent. */
export interface TicketEmail {
  id: number
  /** `received`, `reply`, `question`, `resolved`, `reminder`, `closed`, `reopened`, `split`, `new_ticket`, `activity`. */
  kind: string
  audience: 'reporter' | 'agent'
  to: string
  subject: string
  /** `pending` until the SMTP server took it (`sent`) or it was given up on (`failed`). */
  state: 'pending' | 'sent' | 'failed'
  attempts: number
  /** Why the last attempt failed. */
  lastError: string | null
  sentAt: string | null
  createdAt: string
  /** The timeline entry it was sent for (none for a reminder). */
  eventId: number | null
}

/** `GET /api/v1/status/:token`: what the reporter may see — no internal notes, no agent e-mail. */
export interface ReporterTicket {
  reference: string
  status: Status
  closeReason: CloseReason | null
  category: Category
  subject: string
  description: string
  createdAt: string
  updatedAt: string
  resolvedAt: string | null
  closedAt: string | null
  autoCloseDueAt: string | null
  duplicateOf: string | null
  splitFrom: string | null
  /**
   * The requests linked to this one that concern the reporter, with their status: the one this
   * duplicates, the one it was split from, and those split from it. `yours`: the same reporter's,
   * so the status page can open it (`POST /status/:token/follow/:other`).
   */
  related: {
    reference: string
    relation: 'duplicate_of' | 'split_from' | 'split_into'
    status: Status
    yours: boolean
  }[]
  /** Whether the reporter's own screenshot is there (`GET /api/v1/status/:token/screenshot`). */
  hasScreenshot: boolean
  allowedActions: TicketActionType[]
  timeline: TimelineEntry[]
}

/** A live change of `GET /api/v1/events` (Server-Sent Events). */
export interface TicketEvent {
  type: 'ticket.created' | 'ticket.changed'
  id: string
  reference: string
  status: Status
  version: number
  at: string
}

/**
 * The views every agent has, as queries of `GET /api/v1/tickets`: what a support team works from
 * (the regulations' order: blocking problems first, waiting requests answered, solutions confirmed).
 */
export const STANDARD_VIEWS = [
  { id: 'new', query: 'status=new' },
  { id: 'mine', query: 'assignee=me&status=open' },
  { id: 'unassigned', query: 'assignee=none&status=open' },
  { id: 'waiting_on_reporter', query: 'status=waiting_on_reporter' },
  { id: 'awaiting_confirmation', query: 'status=resolved' },
  { id: 'urgent', query: 'status=open&urgent=true' },
  { id: 'closed', query: 'status=closed' },
] as const

export type StandardViewId = (typeof STANDARD_VIEWS)[number]['id']

/** A view of `GET /api/v1/views`, with how many tickets it holds now. */
export interface TicketView {
  id: string
  /** `standard` views have no name (the inbox words them); saved ones do. */
  kind: 'standard' | 'mine' | 'shared'
  name: string | null
  /** The query string of `GET /api/v1/tickets`, without `limit` and `cursor`. */
  query: string
  count: number
  /** Whether the caller may change or delete it (its creator, or an admin for a shared one). */
  editable: boolean
}
