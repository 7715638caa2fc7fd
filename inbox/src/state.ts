import { computed, signal } from '@preact/signals'
import type { AgentInfo, AgentTicket, PresenceViewer, TicketSummary } from '@snagbox/sdk/contract'
import { createApi, type ApiProblem, type Me } from './api.js'
import type { LiveState } from './live.js'

/**
 * The signed-in agent; `undefined` while the session is being checked, `null` when signed out.
 * Its e-mail settings (and whether the server sends e-mail) come with `GET /me`, not the login.
 */
export const me = signal<(AgentInfo & Partial<Me>) | null | undefined>(undefined)

/** Every agent, for assigning and filtering; `null` until loaded (or when that failed). */
export const agents = signal<AgentInfo[] | null>(null)

export const api = createApi({
  onUnauthorized: () => {
    me.value = null
  },
})

export const queue = signal<{
  items: TicketSummary[]
  nextCursor: string | null
  loading: boolean
  error: ApiProblem | null
}>({
  items: [],
  nextCursor: null,
  loading: false,
  error: null,
})
/** Tickets that arrived or changed since the agent last looked, highlighted for a while. */
export const fresh = signal<ReadonlySet<string>>(new Set())
export const selected = signal(-1)
export const liveState = signal<LiveState>('connecting')

export const ticket = signal<{
  data: AgentTicket | null
  etag: string | null
  loading: boolean
  error: ApiProblem | null
}>({
  data: null,
  etag: null,
  loading: false,
  error: null,
})
/** A write of this inbox is in flight. */
export const busy = signal(false)
/** How often the event stream came back after a drop: what is shown may have missed changes. */
export const resyncs = signal(0)
/** Who else is on a ticket, as the event stream last told of it (the ticket page asks too). */
export const presence = signal<{ ticketId: string; viewers: PresenceViewer[] } | null>(null)
/** The newest version of the open ticket the event stream told of. */
export const seenVersion = signal(0)
/** Someone else changed the open ticket since it was loaded. */
export const changedElsewhere = computed(() => {
  const data = ticket.value.data
  return !busy.value && !!data && seenVersion.value > data.version
})

/**
 * Where an action is: on the ticket page the side controls, the composer, the other actions, the
 * similar tickets; in the queue the views (saving one) and the bulk bar.
 */
export type At = 'side' | 'composer' | 'more' | 'similar' | 'views' | 'bulk'
export type Notice = {
  kind: 'error' | 'warning' | 'success'
  text: string
  detail?: string
  /** Lines under the text: the tickets a bulk change refused, each with the reason. */
  items?: string[]
  at?: At
}
/** What the last action came to, shown next to that action. */
export const notice = signal<Notice | null>(null)
/** An assignee chosen on the open ticket and not yet written, with the version it rests on. */
export const pendingAssignee = signal<{ value: string; basis: number } | null>(null)
/** The list of every keyboard shortcut (`?`) is open. */
export const helpOpen = signal(false)
