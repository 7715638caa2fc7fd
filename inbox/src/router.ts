import { signal } from '@preact/signals'
import { ROUTES } from '@snagbox/sdk/contract'

export type Route = { view: 'queue'; search: string } | { view: 'ticket'; reference: string }

const TICKET_PATH = new RegExp(`^${ROUTES.inbox}/tickets/([^/]+)/?$`)

/** Reads a route from the address: `/inbox?status=new` is the queue, `/inbox/tickets/DEMO-4` a ticket. */
export function parseRoute(pathname: string, search: string): Route {
  const match = TICKET_PATH.exec(pathname)
  if (match) return { view: 'ticket', reference: decodeURIComponent(match[1]!) }
  return { view: 'queue', search }
}

export const ticketUrl = (reference: string) =>
  `${ROUTES.inbox}/tickets/${encodeURIComponent(reference)}`
export const queueUrl = (search: string) => `${ROUTES.inbox}${search}`

export const route = signal<Route>({ view: 'queue', search: '' })
/** The queue's query string when a ticket was opened from it, to go back to the same view. */
export const lastQueueSearch = signal('')

export function syncRoute(): void {
  route.value = parseRoute(location.pathname, location.search)
  if (route.value.view === 'queue') lastQueueSearch.value = route.value.search
}

/** Goes to an inbox address without loading the page; `replace` for changes not worth a Back step. */
export function navigate(url: string, replace = false): void {
  if (url === location.pathname + location.search) return
  if (replace) history.replaceState(null, '', url)
  else history.pushState(null, '', url)
  syncRoute()
}
