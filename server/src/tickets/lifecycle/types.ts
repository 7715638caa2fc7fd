import type {
  ActorKind,
  AllowedAction,
  Category,
  CloseReason,
  Priority,
  ReplyStatus,
  Status,
  TicketActionType,
} from '@snagbox/sdk/contract'

export type { ReplyStatus }

/** The lifecycle fields of a ticket, as the store reads them from its row. */
export interface TicketState {
  status: Status
  /** Set exactly when `status` is `closed`. */
  closeReason: CloseReason | null
  assigneeId: string | null
  reopenCount: number
  /** When the resolution the ticket rests on was given; `null` while it is being worked. */
  resolvedAt: string | null
  closedAt: string | null
  /** Set exactly when `status` is `resolved`. */
  autoCloseDueAt: string | null
  category: Category
  priority: Priority
  /** The mass incident this ticket belongs to, when the store knows it (for `no_change`). */
  parentId?: string | null
}

/** Who acts. An API token acts for the agent it belongs to. */
export type Actor =
  | { kind: 'reporter' }
  | { kind: 'agent'; id: string }
  | { kind: 'token'; id: string; agentId: string }
  | { kind: 'system' }

export type { ActorKind }

/** The contract names every kind of actor the lifecycle knows (timelines carry them). */
export type ActorKindsInContract = Expect<[Actor['kind']] extends [ActorKind] ? true : false>

/** The agent behind an actor (an API token acts for its agent); `null` for the reporter and the system. */
export function actorAgentId(actor: Actor): string | null {
  return actor.kind === 'agent' ? actor.id : actor.kind === 'token' ? actor.agentId : null
}

/** The close reasons an agent gives; the others belong to the reporter and the scheduler. */
export type AgentCloseReason = 'duplicate' | 'rejected'

/** Everything that can happen to an existing ticket. */
export type Action =
  /** Agent: assign to oneself. */
  | { type: 'take' }
  /** Agent: assign to someone, or unassign with `null`. */
  | { type: 'assign'; assigneeId: string | null }
  /** Agent: public reply; with `status` it is a question or a solution. */
  | { type: 'reply'; body: string; status?: ReplyStatus }
  /** Agent: internal note, never shown to the reporter. */
  | { type: 'note'; body: string }
  /** Agent: a new problem found in this ticket became the ticket `ticketId`. */
  | { type: 'split'; ticketId: string }
  /** Agent: make this ticket a child of the mass incident `parentId`. */
  | { type: 'link'; parentId: string }
  | { type: 'set_priority'; priority: Priority }
  | { type: 'set_category'; category: Category }
  /** Agent: close as a duplicate of `duplicateOf`, or reject; the comment is public. */
  | { type: 'close'; closeReason: AgentCloseReason; comment: string; duplicateOf?: string }
  /** Agent: back to work from `closed`. */
  | { type: 'reopen'; reason: string }
  /** Reporter: a comment on the status page. */
  | { type: 'comment'; body: string }
  /** Reporter: the solution works. */
  | { type: 'confirm' }
  /** Reporter: the solution does not work. */
  | { type: 'disagree'; reason: string }
  /** Reporter: no longer needed. */
  | { type: 'withdraw'; reason?: string | null }
  /** Scheduler: no answer from the reporter in time. */
  | { type: 'auto_close' }

export type ActionType = Action['type']

/** One thing an actor may do from a status, and where it leads: the contract's shape. */
export type Allowed = AllowedAction

/** The contract names every action the lifecycle knows (a 409's `allowed` carries them). */
export type ActionsNamedInContract = Expect<[ActionType] extends [TicketActionType] ? true : false>
type Expect<T extends true> = T

interface Event<T extends string, D> {
  type: T
  actor: Actor
  /** Internal events never reach the reporter's status page. */
  visibility: 'public' | 'internal'
  data: D
}

/** What decisions append to the timeline; `created` is written by the store at intake. */
export type TimelineEvent =
  | Event<'assigned', { from: string | null; to: string | null }>
  | Event<'status_changed', { from: Status; to: Status; closeReason: CloseReason | null }>
  | Event<'priority_changed', { from: Priority; to: Priority }>
  | Event<'category_changed', { from: Category; to: Category }>
  | Event<'public_reply', { body: string; status: ReplyStatus | null; parentId?: string }>
  | Event<'internal_note', { body: string }>
  | Event<'reporter_comment', { body: string }>
  | Event<
      'reopened',
      { reason: string; from: 'resolved' | 'closed'; closeReason: CloseReason | null }
    >
  | Event<'confirmed', Record<string, never>>
  | Event<'withdrawn', { reason: string | null }>
  | Event<'closed', { closeReason: AgentCloseReason; comment: string; duplicateOf: string | null }>
  | Event<'auto_closed', { dueAt: string }>
  /** `duplicated_by`: on the ticket a duplicate names, written by the store (the other side). */
  | Event<'linked', { relation: 'child_of' | 'duplicate_of' | 'duplicated_by'; ticketId: string }>
  | Event<'split', { ticketId: string }>

export type TimelineEventType = TimelineEvent['type']

export type LifecycleError =
  /** A required field is missing or malformed; `field` is its name in the action. */
  | { code: 'invalid'; field: string; message: string }
  /** Not allowed from this status for this actor; `allowed` is what is (HTTP 409). */
  | {
      code: 'illegal_transition'
      /** The refused action; `set_status` for the `status` of a PATCH. */
      action: ActionType | 'set_status'
      from: Status
      allowed: Allowed[]
    }
  /** The request would change nothing. */
  | { code: 'no_change'; message: string }
  /** The scheduler came before the auto-close due time. */
  | { code: 'not_due'; dueAt: string | null }

/** Relations the store keeps in their own columns; only the keys present change. */
export interface RelationChange {
  parentId?: string
  duplicateOfId?: string | null
}

export type Decision =
  | { ok: true; state: TicketState; events: TimelineEvent[]; relations: RelationChange }
  | { ok: false; error: LifecycleError }

/** What the caller knows and lifecycle code must not read for itself. */
export interface DecideContext {
  /** The moment of the action, ISO 8601. */
  now: string
  /** The auto-close due time for a resolution (or a reporter's answer) at `from`, ISO 8601. */
  autoCloseDueAt: (from: string) => string
}
