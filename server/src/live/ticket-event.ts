import type { Status, TicketEvent } from '@snagbox/sdk/contract'
import type { CommittedChange } from '../tickets/store/changes.js'

/** The live events of a committed change: each created ticket, then each changed one. */
export function ticketEventsOf(change: CommittedChange): TicketEvent[] {
  const event =
    (type: TicketEvent['type']) =>
    (row: CommittedChange['created'][number]): TicketEvent => ({
      type,
      id: row.id,
      reference: row.reference,
      status: row.status as Status,
      version: row.version,
      at: row.updatedAt,
    })
  return [
    ...change.created.map(event('ticket.created')),
    ...change.changed.map(event('ticket.changed')),
  ]
}
