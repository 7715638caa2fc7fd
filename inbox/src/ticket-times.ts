import type { TicketSummary } from '@snagbox/sdk/contract'

type Times = Pick<
  TicketSummary,
  'status' | 'firstResponseAt' | 'firstResponseDueAt' | 'firstResponseOverdue' | 'autoCloseDueAt'
>

/** What is due on a ticket next, and when: its first response, or closing by itself. */
export type Due = { kind: 'due' | 'late' | 'closes'; at: string } | null

/**
 * What the queue's "Due" column says of a ticket: a resolved ticket, the day it closes by itself
 * unless the reporter answers; one not answered yet, when its first response is due — `late`
 * once that has passed (the server's word when the list came, the clock's since); else nothing.
 *
 * @example
 * dueOf({ status: 'new', firstResponseAt: null, firstResponseDueAt: '…', … }, Date.now()) // { kind: 'due', at: '…' }
 */
export function dueOf(ticket: Times, now: number): Due {
  if (ticket.status === 'resolved')
    return ticket.autoCloseDueAt ? { kind: 'closes', at: ticket.autoCloseDueAt } : null
  const at = ticket.firstResponseDueAt
  if (ticket.status === 'closed' || ticket.firstResponseAt || !at) return null
  return { kind: ticket.firstResponseOverdue || Date.parse(at) <= now ? 'late' : 'due', at }
}
