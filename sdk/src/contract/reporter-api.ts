// What the reporter's list and live stream answer with: several of a reporter's requests at once,
// in the reporter's words, with what support wrote since the reporter last looked.
import type { TimelineEntry } from './agent-api.js'
import type { Language } from './language.js'
import type { CloseReason, Status } from './types.js'

/** The latest change of a request the reporter can see, in the words of its status page. */
export interface ReporterChange {
  /** The timeline entry's type: `public_reply`, `reporter_comment`, `status_changed`, … */
  type: string
  /** What happened, in the reporter's language: `Support replied`. */
  text: string
  /** Who made it: the reporter, support (an agent, named when known), or the system. */
  by: 'reporter' | 'support' | 'system'
  name: string | null
  /** The start of what was written (a reply, a comment, a reason), at most 200 characters. */
  excerpt: string | null
  at: string
}

/** One of the reporter's requests, as `POST /api/v1/status/requests` lists it. */
export interface ReporterRequest {
  reference: string
  subject: string
  status: Status
  closeReason: CloseReason | null
  /** The status in the reporter's words, as the status page says it: `Waiting for your answer`. */
  statusText: string
  createdAt: string
  updatedAt: string
  lastChange: ReporterChange
  /**
   * What support wrote since the reporter last looked (a reply, a question, a solution, a close
   * or reopen with its reason): opening the request (`GET /api/v1/status/:token`, the status
   * page, or `POST …/seen`) sets it back to 0.
   */
  unread: number
  /**
   * Its status link's token: the one the caller sent, or — for a request listed by a verified
   * user and not among the caller's tokens — one the server made for that user.
   */
  token: string
  statusUrl: string
}

/** `POST /api/v1/status/requests`: the requests, most recently changed first. */
export interface ReporterRequests {
  items: ReporterRequest[]
  /** The language of the words (`lang` of the body, else `Accept-Language`). */
  lang: Language
  /** `verified` when the body named a user with a valid signature: their requests are in the list. */
  identity: 'verified' | null
}

/** The body of `POST /api/v1/status/requests`: status tokens, a signed-in user, or both. */
export interface ReporterRequestsQuery {
  tokens?: string[]
  /** The host's user and its signature, as `setUser` gave them. */
  user?: { id: string; signature: string }
  lang?: Language
}

/** A `request` event of `GET /api/v1/status/events`: something on one of the streamed requests. */
export interface ReporterStreamEvent {
  /** The request as it is now (its status link stays the caller's own). */
  request: Omit<ReporterRequest, 'token' | 'statusUrl'>
  /** The reporter's timeline entries appended since the stream last told of this request. */
  events: TimelineEntry[]
}

/** The entries of a reporter's timeline that support writes to the reporter. */
export const SUPPORT_WRITES = ['public_reply', 'closed', 'reopened', 'split'] as const

/**
 * Whether support wrote this entry to the reporter — a reply, a question, a solution, a close or
 * a reopen with its reason, a request split off: what counts as unread until the reporter looks.
 *
 * @example const unread = timeline.filter((e) => e.id > seen && isFromSupport(e)).length
 */
export const isFromSupport = (entry: TimelineEntry): boolean =>
  entry.actor.kind === 'agent' && (SUPPORT_WRITES as readonly string[]).includes(entry.type)
