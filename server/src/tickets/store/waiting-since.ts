import { sql, type SQL } from 'drizzle-orm'
import { ticketEvents, tickets } from '../../db/schema.js'

/**
 * Since when a ticket has waited on the team (the contract's `waitingSince`), read from its own
 * timeline through the timeline's index: while it is `new` or `in_progress`, the latest of its
 * `created` event, the reporter's last comment, and the last time it came back to the team from
 * `waiting_on_reporter`, `resolved` or `closed` (a reporter's reopen, a comment that answered a
 * question, an agent reopening it); `null` in any other status. A column of a query of `tickets`.
 *
 * @example db.select({ waitingSince: waitingSince() }).from(tickets)
 */
export function waitingSince(): SQL<string | null> {
  // The ticket's columns named with their table: in a query of one table drizzle leaves names
  // bare, and inside the subquery a bare `id` would be the event's.
  const ticket = (column: typeof tickets.id | typeof tickets.status) =>
    sql`${tickets}.${sql.identifier(column.name)}`
  return sql<string | null>`CASE WHEN ${ticket(tickets.status)} IN ('new', 'in_progress') THEN (
    SELECT max(w.created_at) FROM ${ticketEvents} AS w WHERE w.ticket_id = ${ticket(tickets.id)} AND (
      w.type IN ('created', 'reporter_comment')
      OR (w.type = 'status_changed'
        AND json_extract(w.data, '$.from') IN ('waiting_on_reporter', 'resolved', 'closed')
        AND json_extract(w.data, '$.to') IN ('new', 'in_progress')))
  ) END`
}
