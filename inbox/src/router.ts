import { signal } from '@preact/signals'
import { ROUTES } from '@snagbox/sdk/contract'

export const ADMIN_TABS = ['agents', 'projects', 'audit'] as const
export type AdminTab = (typeof ADMIN_TABS)[number]

export type Route =
  | { view: 'queue'; search: string }
  | { view: 'ticket'; reference: string }
  | { view: 'admin'; tab: AdminTab }
  | { view: 'macros' }
  | { view: 'invite' }

const TICKET_PATH = new RegExp(`^${ROUTES.inbox}/tickets/([^/]+)/?$`)
const ADMIN_PATH = new RegExp(`^${ROUTES.inbox}/admin(?:/(${ADMIN_TABS.join('|')}))?/?$`)

/**
 * Reads a route from the address: `/inbox?status=new` is the queue, `/inbox/tickets/DEMO-4` a
 * ticket, `/inbox/admin/projects` an admin screen, `/inbox/macros` the saved replies,
 * `/inbox/invite#<token>` a one-time link.
 */
export function parseRoute(pathname: string, search: string): Route {
  const match = TICKET_PATH.exec(pathname)
  if (match) return { view: 'ticket', reference: decodeURIComponent(match[1]!) }
  const admin = ADMIN_PATH.exec(pathname)
  if (admin) return { view: 'admin', tab: (admin[1] as AdminTab | undefined) ?? 'agents' }
  if (pathname.replace(/\/$/, '') === macrosUrl) return { view: 'macros' }
  if (pathname.replace(/\/$/, '') === ROUTES.inboxInvite) return { view: 'invite' }
  return { view: 'queue', search }
}

export const ticketUrl = (reference: string) =>
  `${ROUTES.inbox}/tickets/${encodeURIComponent(reference)}`
export const queueUrl = (search: string) => `${ROUTES.inbox}${search}`
export const adminUrl = (tab: AdminTab = 'agents') => `${ROUTES.inbox}/admin/${tab}`
export const macrosUrl = `${ROUTES.inbox}/macros`

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

/**
 * A link's click that stays in the page (`replace`: without a Back step); with a modifier key or
 * another button the browser opens a tab as usual.
 */
export const inPage =
  (url: string, replace = false) =>
  (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    navigate(url, replace)
  }
