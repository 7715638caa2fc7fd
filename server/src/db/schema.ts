import { sql } from 'drizzle-orm'
import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'

// The storage shape. Never sent over the wire as is: stores map rows to contract types.

const createdAt = () => text('created_at').notNull()

/** A new project's working calendar unless told otherwise: 5 working days, in UTC. */
export const PROJECT_DEFAULTS = {
  autoCloseDays: 5,
  timeZone: 'UTC',
  /** What a reporter's `mass_incident` starts at: the regulations work mass incidents first. */
  massIncidentPriority: 'critical',
  /** The working day's hours in the project's zone, `HH:MM-HH:MM`: the clock of first-response targets. */
  workingHours: '09:00-18:00',
  /** First response due within these working hours of a ticket's arrival, by priority (JSON). */
  firstResponseHours: '{"critical":1,"high":4,"normal":8,"low":16}',
} as const

export const projects = sqliteTable('projects', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull().unique(),
  key: text('key').notNull().unique(),
  /** JSON array of origins (`https://app.example.com`) or `["*"]`. */
  allowedOrigins: text('allowed_origins').notNull().default('[]'),
  /** The last reference number handed out; bumped in the intake transaction. */
  ticketSeq: integer('ticket_seq').notNull().default(0),
  autoCloseDays: integer('auto_close_days').notNull().default(PROJECT_DEFAULTS.autoCloseDays),
  timeZone: text('time_zone').notNull().default(PROJECT_DEFAULTS.timeZone),
  /** JSON array of ISO dates (`2026-01-01`). */
  holidays: text('holidays').notNull().default('[]'),
  /**
   * The priority a reported `mass_incident` starts at: the category is the reporter's claim, so a
   * project whose widget anyone can reach may start it lower, for an agent to confirm.
   */
  massIncidentPriority: text('mass_incident_priority', {
    enum: ['low', 'normal', 'high', 'critical'],
  })
    .notNull()
    .default(PROJECT_DEFAULTS.massIncidentPriority),
  /** The sender of this project's e-mails (`"Kvant support" <support@kvant.example>`); the server's when null. */
  mailFrom: text('mail_from'),
  /** The support mailbox read for replies and new requests (`imaps://user:pass@host/INBOX`). */
  imapUrl: text('imap_url'),
  /**
   * The secret the host's backend signs its user ids with (HMAC-SHA256, hex) so the widget may list
   * that user's requests from any device; null: no verified identities. Kept as it is: checking a
   * signature needs it.
   */
  identitySecret: text('identity_secret'),
  workingHours: text('working_hours').notNull().default(PROJECT_DEFAULTS.workingHours),
  firstResponseHours: text('first_response_hours')
    .notNull()
    .default(PROJECT_DEFAULTS.firstResponseHours),
  createdAt: createdAt(),
})

export const agents = sqliteTable('agents', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['admin', 'agent'] })
    .notNull()
    .default('agent'),
  /** `''` until an invited agent sets its password through its one-time link. */
  passwordHash: text('password_hash').notNull(),
  /** Set when an admin disabled the agent: no login, no token, no stream works any more. */
  disabledAt: text('disabled_at'),
  /** E-mail on a new ticket: `urgent` (critical and high), `all`, or `none`. */
  notifyNewTickets: text('notify_new_tickets', { enum: ['urgent', 'all', 'none'] })
    .notNull()
    .default('urgent'),
  /** E-mail on the reporter's activity on its tickets (every agent's, while unassigned). */
  notifyActivity: integer('notify_activity', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
})

/** The projects an agent works in; an `admin` works in all of them whatever this says. */
export const agentProjects = sqliteTable(
  'agent_projects',
  {
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.agentId, t.projectId] }),
    index('agent_projects_project').on(t.projectId),
  ],
)

export const tickets = sqliteTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    number: integer('number').notNull(),
    reference: text('reference').notNull().unique(),
    status: text('status').notNull().default('new'),
    closeReason: text('close_reason'),
    category: text('category').notNull(),
    priority: text('priority').notNull(),
    blocking: integer('blocking', { mode: 'boolean' }).notNull().default(false),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    reporter: text('reporter').notNull().default('{}'),
    app: text('app').notNull().default('{}'),
    environment: text('environment').notNull().default('{}'),
    context: text('context').notNull().default('{}'),
    logs: text('logs').notNull().default('[]'),
    assigneeId: text('assignee_id').references(() => agents.id),
    parentId: text('parent_id'),
    splitFromId: text('split_from_id'),
    duplicateOfId: text('duplicate_of_id'),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** The host's user id, when the report came with a valid identity signature. */
    reporterUserId: text('reporter_user_id'),
    /** The last public timeline event the reporter has seen (status page, widget): unread after it. */
    reporterSeenEventId: integer('reporter_seen_event_id').notNull().default(0),
    /** When an agent first answered the reporter; null until then. */
    firstResponseAt: text('first_response_at'),
    /** When the first response is due by the project's target for the ticket's priority. */
    firstResponseDueAt: text('first_response_due_at'),
    idempotencyKey: text('idempotency_key'),
    /** SHA-256 of the request the idempotency key first came with: a replay must match it. */
    idempotencyFingerprint: text('idempotency_fingerprint'),
    /**
     * The inbox order as one sortable string — open before closed, then priority, then age —
     * so that the default listing pages by keyset on one index. Kept by the store.
     */
    queueKey: text('queue_key').notNull().default(''),
    /** Bumped on every change; the ETag of the ticket. */
    version: integer('version').notNull().default(1),
    resolvedAt: text('resolved_at'),
    closedAt: text('closed_at'),
    autoCloseDueAt: text('auto_close_due_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('tickets_project_number').on(t.projectId, t.number),
    uniqueIndex('tickets_project_idempotency').on(t.projectId, t.idempotencyKey),
    index('tickets_queue').on(t.queueKey),
    index('tickets_status_queue').on(t.status, t.queueKey),
    index('tickets_assignee_queue').on(t.assigneeId, t.queueKey),
    index('tickets_priority_queue').on(t.priority, t.queueKey),
    index('tickets_category_queue').on(t.category, t.queueKey),
    // The inbox filters by app version and OS; the expressions match those in store-list.ts.
    index('tickets_app_version_queue').on(sql`json_extract(${t.app}, '$.version')`, t.queueKey),
    index('tickets_os_queue').on(
      sql`lower(json_extract(${t.environment}, '$.os.name'))`,
      t.queueKey,
    ),
    // The views' tally of open tickets reads only this index (views/store.ts).
    index('tickets_tally').on(t.status, t.assigneeId, t.priority, t.blocking),
    index('tickets_parent').on(t.parentId),
    index('tickets_reporter_user').on(t.projectId, t.reporterUserId),
    index('tickets_first_response_due')
      .on(t.firstResponseDueAt)
      .where(sql`first_response_at is null`),
    index('tickets_updated').on(t.updatedAt),
    index('tickets_auto_close')
      .on(t.autoCloseDueAt)
      .where(sql`status = 'resolved'`),
  ],
)

/** A reporter's credential for the status page; only the SHA-256 of the token is kept. */
export const reporterTokens = sqliteTable('reporter_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  ticketId: text('ticket_id')
    .notNull()
    .references(() => tickets.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
})

export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_ticket').on(t.ticketId)],
)

/** The append-only timeline of a ticket. */
export const ticketEvents = sqliteTable(
  'ticket_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** `reporter`, `agent`, `token` or `system`. */
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    /** Internal notes are never shown to the reporter. */
    visibility: text('visibility', { enum: ['public', 'internal'] })
      .notNull()
      .default('public'),
    data: text('data').notNull().default('{}'),
    createdAt: createdAt(),
  },
  (t) => [index('ticket_events_ticket').on(t.ticketId, t.id)],
)

export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  agentId: text('agent_id')
    .notNull()
    .references(() => agents.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  /** `read` tokens may only read; `read_write` tokens act like their agent. */
  scope: text('scope', { enum: ['read', 'read_write'] })
    .notNull()
    .default('read_write'),
  /** `null`: never expires. */
  expiresAt: text('expires_at'),
  revokedAt: text('revoked_at'),
  lastUsedAt: text('last_used_at'),
  createdAt: createdAt(),
})

/**
 * One-time links to set an agent's password (an invitation, or a reset an admin hands out): only
 * the token's hash is stored; a link works once, until it expires, and a newer one replaces it.
 */
export const agentInvites = sqliteTable('agent_invites', {
  tokenHash: text('token_hash').primaryKey(),
  agentId: text('agent_id')
    .notNull()
    .unique()
    .references(() => agents.id, { onDelete: 'cascade' }),
  expiresAt: text('expires_at').notNull(),
  createdAt: createdAt(),
})

export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    expiresAt: text('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_agent').on(t.agentId)],
)

/**
 * Who signed in, failed to sign in, and changed agents, tokens and projects: an append-only trail
 * for admins. `actorKind` is `agent`, `token`, `cli` or `anonymous` (a failed login).
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    action: text('action').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    /** What the action was about: an agent, token or project id, or an e-mail for a login. */
    target: text('target'),
    address: text('address'),
    data: text('data').notNull().default('{}'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_events_created').on(t.createdAt)],
)

/**
 * Every e-mail the server sends, recorded in the transaction of the change that causes it and
 * delivered after by the background sender: one row per event, kind and recipient (`dedupeKey`),
 * so nothing is sent twice and nothing is lost while the SMTP server is down.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `<event id>:<kind>:<recipient>`, or `reminder:<ticket>:<due>:<recipient>`: at most one each. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** The timeline event that caused it (none for a reminder). */
    eventId: integer('event_id'),
    kind: text('kind').notNull(),
    /** `reporter` or `agent`. */
    audience: text('audience').notNull(),
    recipient: text('recipient').notNull(),
    sender: text('sender').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    messageId: text('message_id').notNull(),
    /** JSON of the threading headers: `inReplyTo`, `references`, `replyTo`. */
    headers: text('headers').notNull().default('{}'),
    /** `pending` until delivered (`sent`) or given up on (`failed`). */
    state: text('state', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('mail_outbox_due')
      .on(t.nextAttemptAt)
      .where(sql`state = 'pending'`),
    index('mail_outbox_ticket').on(t.ticketId),
  ],
)

/**
 * The per-ticket part of the reply address of its e-mails (`support+<token>@…`), made with the
 * first e-mail to the reporter of a project that reads a mailbox: random, so nobody can guess
 * another ticket's address. Kept as it is, since every later e-mail carries it again; it routes a
 * reply to its ticket, and only the reporter's own address makes it the reporter's comment.
 */
export const ticketReplyTokens = sqliteTable('ticket_reply_tokens', {
  ticketId: text('ticket_id')
    .primaryKey()
    .references(() => tickets.id, { onDelete: 'cascade' }),
  token: text('token').notNull().unique(),
  createdAt: createdAt(),
})

/**
 * Every message read from a project's mailbox and what became of it, written in the transaction
 * of the ticket change it made (alone when it made none): a message is read once, whatever
 * crashes between reading it and marking it `\Seen`.
 */
export const inboundMail = sqliteTable(
  'inbound_mail',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** `user@host:port/MAILBOX`, without the password. */
    mailbox: text('mailbox').notNull(),
    /** The Message-ID, or `uid:<UIDVALIDITY>:<UID>` for a message without one. */
    messageKey: text('message_key').notNull(),
    uid: integer('uid'),
    /** The sender's address, lower case; `''` when it had none. */
    sender: text('sender').notNull().default(''),
    /** `comment`, `note`, `ticket`, `ignored` (auto-replies, bounces, lists, limits) or `refused`. */
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    ticketId: text('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('inbound_mail_message').on(t.projectId, t.mailbox, t.messageKey),
    index('inbound_mail_sender').on(t.projectId, t.sender, t.createdAt),
  ],
)

/** Saved views of the queue: a name and a query, an agent's own or shared with every agent. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The query string of `GET /api/v1/tickets`, checked when saved. */
    query: text('query').notNull(),
    /** Whose it is; every agent sees a shared one. */
    createdBy: text('created_by')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('saved_views_created_by').on(t.createdBy)],
)

/**
 * Saved replies: a reply text with variables (`{{reporter.name}}`, `{{reference}}`,
 * `{{app.version}}`) and the status and priority it sets when used; a project's (its team's), or
 * every project's when `projectId` is null.
 */
export const macros = sqliteTable(
  'macros',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    body: text('body').notNull(),
    /** `waiting_on_reporter` or `resolved`, as a reply may set; null: the status stays. */
    status: text('status'),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'critical'] }),
    projectId: text('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('macros_project').on(t.projectId)],
)
