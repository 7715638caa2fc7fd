import type { ComponentChildren } from 'preact'
import type { Status } from '@snagbox/sdk/contract'
import { inPage, ticketUrl } from '../router.js'
import { StatusBadge } from './Badges.js'

export interface TicketRef {
  id: string
  reference: string
  status: Status
  subject: string
}

/** A link to another ticket that stays in the page. */
export function RefLink({ reference }: { reference: string }) {
  return (
    <a class="ref" href={ticketUrl(reference)} onClick={inPage(ticketUrl(reference))}>
      {reference}
    </a>
  )
}

/**
 * Other tickets, each by reference, status and subject: linked ones, the reporter's other
 * requests, similar open ones. `more` says what else goes with one (its reporter, an action).
 */
export function TicketRefs<T extends TicketRef>(props: {
  items: readonly T[]
  more?: (item: T) => ComponentChildren
  label?: string
}) {
  return (
    <ul class="refs" aria-label={props.label}>
      {props.items.map((item) => (
        <li key={item.id} data-ref={item.reference}>
          <RefLink reference={item.reference} /> <StatusBadge status={item.status} />{' '}
          <span class="ref-subject">{item.subject}</span>
          {props.more?.(item)}
        </li>
      ))}
    </ul>
  )
}
