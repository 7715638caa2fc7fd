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

/** What was written with an entry: a reply's or comment's body, a reason, a closing comment. */
export function entryText(entry: Pick<TimelineEntry, 'data'>): string | undefined {
  const d = entry.data
  return [d.body, d.reason, d.comment].find(
    (v): v is string => typeof v === 'string' && v.trim().length > 0,
  )
}

/** A linked ticket, by id and reference. */
export interface TicketLink {
  id: string
  reference: string | null
}

/** Another ticket a ticket is linked with, as the agent API names it. */
export interface LinkedTicket {
  id: string
  reference: string
  status: Status
  subject: string
}

/** A child of a mass incident, with its reporter's name (none when the report gave none). */
export interface LinkedChild extends LinkedTicket {
  reporterName: string | null
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
  /**
   * When the first response is due: the project's target for the priority, in its working
   * hours, from the arrival (`null` for a ticket from before targets were kept).
   */
  firstResponseDueAt: string | null
  /** When an agent first replied to the reporter (a public reply; notes don't count). */
  firstResponseAt: string | null
  /** Not yet answered, not closed, and past `firstResponseDueAt`. */
  firstResponseOverdue: boolean
  /**
   * Since when the ticket has waited on the team, while it is `new` or `in_progress`: the latest
   * of its arrival, the reporter's last message (a comment, a reopen with its reason) and when it
   * last came back to the team (from `waiting_on_reporter`, `resolved` or `closed`). `null` in any
   * other status: the next step is the reporter's, or nobody's.
   */
  waitingSince: string | null
  /** When a resolved ticket closes itself without an answer from the reporter. */
  autoCloseDueAt: string | null
}

/** One row of `GET /api/v1/tickets`. */
export interface TicketSummary extends TicketBasics {
  reporter: { name?: string; email?: string; organization?: string }
  app: { name?: string; version?: string; build?: string }
  os: { name?: string | null; version?: string | null; bitness?: number | null }
  assignee: { id: string; name: string } | null
  hasScreenshot: boolean
}

/**
 * `GET /api/v1/tickets/:ref/similar`: an open ticket of the same project that may be the same
 * problem (its subject or description shares the ticket's rarest words).
 */
export interface SimilarTicket extends TicketSummary {
  /** The same app version and the same OS (name and version) as the ticket: listed first. */
  sameEnvironment: boolean
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
  /** The mass incident this ticket is a child of. */
  parent: LinkedTicket | null
  /** The ticket this one was split from. */
  splitFrom: LinkedTicket | null
  /** The ticket this one is closed as a duplicate of. */
  duplicateOf: LinkedTicket | null
  /**
   * The other side of those links, oldest first, each the first 50 (`linkCounts` says how many
   * there are; `GET /api/v1/tickets?parent=|duplicateOf=|splitFrom=<ref>` lists them all): the
   * children of a mass incident with their reporters' names, the tickets closed as duplicates of
   * this one, the tickets split from it.
   */
  children: LinkedChild[]
  duplicates: LinkedTicket[]
  splitInto: LinkedTicket[]
  linkCounts: { children: number; duplicates: number; splitInto: number }
  reopenCount: number
  resolvedAt: string | null
  closedAt: string | null
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
  /** The reporter's other requests, and their organization's. */
  reporterContext: ReporterContext
}

/** Another request of a ticket's reporter or organization. */
export interface RelatedRequest {
  id: string
  reference: string
  status: Status
  subject: string
  createdAt: string
}

/** Some of a ticket's other requests: how many there are, and the newest five. */
export interface RequestsOf {
  count: number
  recent: RelatedRequest[]
}

/**
 * The reporter's other requests in the ticket's project: `sameReporter` by the same e-mail
 * address or the same verified user id (`null` when the ticket has neither), `sameOrganization`
 * by the same organization (`null` when it names none); never the ticket itself.
 */
export interface ReporterContext {
  sameReporter: RequestsOf | null
  sameOrganization: RequestsOf | null
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

/** An agent on a ticket (`GET|POST /api/v1/tickets/:ref/presence`), typing a reply or not. */
export interface PresenceViewer {
  agentId: string
  name: string
  typing: boolean
  /** Since when it has had the ticket open. */
  since: string
}

/**
 * `ticket.presence` on `GET /api/v1/events`: who else is on a ticket now (the agent who receives
 * it left out), each time someone comes, starts or stops typing, leaves or goes quiet (30 s
 * without a heartbeat). Not a change of the ticket: it has no version.
 */
export interface PresenceEvent {
  type: 'ticket.presence'
  id: string
  reference: string
  viewers: PresenceViewer[]
  at: string
}

/**
 * Why `GET /api/v1/events` ends (its `ended` event, `{ reason }`): the credential it was opened
 * with ended (sign in again), or the reader let too many events wait (connect again and reload).
 */
export type StreamEndReason = 'credential' | 'behind'

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

/**
 * The answer of `POST /api/v1/tickets/bulk`, ticket by ticket: changed, or refused with the
 * problem's code and words and the status the ticket was refused in (what a refusal is worded
 * from: `DEMO-1 is closed`), `null` when no ticket of the caller's has that reference.
 */
export interface BulkAnswer {
  done: number
  refused: number
  results: (
    | { reference: string; ok: true; status: string; version: number }
    | { reference: string; ok: false; code: string; detail: string; status: Status | null }
  )[]
}

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

/**
 * What a saved reply's body may say, as `{{name}}`: filled with the ticket's values (and the name
 * of the agent using it) when it is used; a body naming any other is refused when saved.
 */
export const MACRO_VARIABLES = [
  'reporter.name',
  'reference',
  'subject',
  'app.version',
  'app.build',
  'agent.name',
] as const
export type MacroVariable = (typeof MACRO_VARIABLES)[number]

/** A saved reply (`GET /api/v1/macros`): a project's (its team's), or every project's. */
export interface Macro {
  id: string
  name: string
  /** The reply's text, with `{{variables}}`. */
  body: string
  /** The status a reply with it asks for; `null`: the status stays. */
  status: ReplyStatus | null
  /** The priority it sets; `null`: the priority stays. */
  priority: Priority | null
  /** Its project; `null`: every project's (made by an admin). */
  project: { id: string; prefix: string; name: string } | null
  createdBy: { id: string; name: string } | null
  createdAt: string
  updatedAt: string
  /** Whether the caller may change or delete it: an agent of its project, an admin for any. */
  editable: boolean
}

/**
 * `GET /api/v1/tickets/:ref/macros/:id`: a macro filled in for one ticket, what the composer
 * shows before it is sent (`POST …/replies { body, status, priority }`).
 */
export interface FilledMacro {
  id: string
  name: string
  body: string
  status: ReplyStatus | null
  priority: Priority | null
}
