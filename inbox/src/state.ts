import { computed, signal } from '@preact/signals'
import type { AgentInfo, AgentTicket, TicketSummary } from '@snagbox/sdk/contract'
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
/** The newest version of the open ticket the event stream told of. */
export const seenVersion = signal(0)
/** Someone else changed the open ticket since it was loaded. */
export const changedElsewhere = computed(() => {
  const data = ticket.value.data
  return !busy.value && !!data && seenVersion.value > data.version
})

/** Where on the ticket page an action is: the side controls, the composer, the other actions. */
export type At = 'side' | 'composer' | 'more'
export type Notice = {
  kind: 'error' | 'warning' | 'success'
  text: string
  detail?: string
  at?: At
}
/** What the last action on the ticket came to, shown next to that action. */
export const notice = signal<Notice | null>(null)
/** An assignee chosen on the open ticket and not yet written, with the version it was chosen on. */
export const pendingAssignee = signal<{ value: string; version: number } | null>(null)
