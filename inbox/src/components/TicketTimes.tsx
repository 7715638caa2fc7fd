import type { AgentTicket } from '@snagbox/sdk/contract'
import { when } from '../i18n/index.js'
import { tt, type TicketKey } from '../ticket-i18n/index.js'

/**
 * The times the team works to: the first response (answered when, due when, or overdue since
 * when) and since when the ticket has waited on the team.
 */
export function TicketTimes({ data }: { data: AgentTicket }) {
  const first: [TicketKey, string] | null = data.firstResponseAt
    ? ['time.answered', data.firstResponseAt]
    : data.firstResponseDueAt && data.status !== 'closed'
      ? [data.firstResponseOverdue ? 'time.overdue' : 'time.due', data.firstResponseDueAt]
      : null
  const times = [first, data.waitingSince ? (['time.waiting', data.waitingSince] as const) : null]
  const shown = times.filter((x): x is [TicketKey, string] => !!x)
  if (!shown.length) return null
  return (
    <p class="times">
      {shown.map(([key, at]) => (
        <span key={key} class={key === 'time.overdue' ? 'overdue' : undefined} data-time={key}>
          {tt(key, { at: when(at) })}
        </span>
      ))}
    </p>
  )
}
