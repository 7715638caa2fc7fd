// The queue's filters and the URL that holds them, so a view can be bookmarked and shared.
import { CATEGORIES, PRIORITIES, STATUSES } from '@snagbox/sdk/contract'

/** `open` is every status but closed. */
export const STATUS_CHOICES = ['open', ...STATUSES] as const
/**
 * What agents work on: not resolved (that waits for the reporter's confirmation), not closed.
 * The queue's default, offered in the status filter as one choice.
 */
export const WORKING = ['new', 'in_progress', 'waiting_on_reporter']
export const CATEGORY_CHOICES = CATEGORIES
/** The most urgent first. */
export const PRIORITY_CHOICES = [...PRIORITIES].reverse()
export const ASSIGNEE_CHOICES = ['me', 'none'] as const
export const SORTS = ['queue', 'first_response_due'] as const
export type Sort = (typeof SORTS)[number]
/** An agent's id as the API gives it (a UUID); anything else in the URL is dropped. */
const AGENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface Filters {
  /** Empty means every status; `open` is every status but closed; by default {@link WORKING}. */
  status: string[]
  category: string[]
  priority: string[]
  /** `me`, `none`, an agent's id, or empty for anyone. */
  assignee: string
  appVersion: string
  os: string
  q: string
  /** Only critical or blocking tickets: the "Critical and blocking" view. */
  urgent: boolean
  /** The server's order: open first by priority, then age; or the first response due soonest. */
  sort: Sort
  /**
   * From a ticket's page: the requests of a reporter (words of the name, e-mail or organization),
   * a mass incident's children, a ticket's duplicates, the tickets split from one (references).
   */
  reporter: string
  parent: string
  duplicateOf: string
  splitFrom: string
}

/** The filters a ticket's page narrows the queue by, each shown as one to remove. */
export const NARROWING = ['reporter', 'parent', 'duplicateOf', 'splitFrom'] as const

/** What the queue shows with nothing in the URL: the tickets being worked on. */
export const DEFAULT_FILTERS: Filters = {
  status: WORKING,
  category: [],
  priority: [],
  assignee: '',
  appVersion: '',
  os: '',
  q: '',
  urgent: false,
  sort: 'queue',
  reporter: '',
  parent: '',
  duplicateOf: '',
  splitFrom: '',
}

const pick = (params: URLSearchParams, name: string, allowed: readonly string[]) =>
  (params.get(name) ?? '').split(',').filter((v) => allowed.includes(v))

const text = (params: URLSearchParams, name: string) =>
  (params.get(name) ?? '').trim().slice(0, 200)

/**
 * Reads filters from a query string; values the inbox doesn't know are dropped, not sent on.
 *
 * @example
 * filtersFromSearch('?status=new,resolved&q=export').status // ['new', 'resolved']
 */
export function filtersFromSearch(search: string): Filters {
  const params = new URLSearchParams(search)
  const status = params.get('status') === 'all' ? [] : pick(params, 'status', STATUS_CHOICES)
  const assignee = params.get('assignee') ?? ''
  return {
    status: status.length || params.get('status') === 'all' ? status : [...DEFAULT_FILTERS.status],
    category: pick(params, 'category', CATEGORY_CHOICES),
    priority: pick(params, 'priority', PRIORITY_CHOICES),
    assignee: assignee === 'me' || assignee === 'none' || AGENT_ID.test(assignee) ? assignee : '',
    appVersion: text(params, 'appVersion'),
    os: text(params, 'os'),
    q: text(params, 'q'),
    urgent: params.get('urgent') === 'true',
    sort: params.get('sort') === 'first_response_due' ? 'first_response_due' : 'queue',
    reporter: text(params, 'reporter'),
    parent: text(params, 'parent'),
    duplicateOf: text(params, 'duplicateOf'),
    splitFrom: text(params, 'splitFrom'),
  }
}

/**
 * A view's query (of `GET /api/v1/tickets`) as the queue's filters. A query without `status` is
 * every status, where the inbox's own URL without one is its default.
 *
 * @example
 * filtersFromQuery('assignee=me&status=open').status // ['open']
 * filtersFromQuery('q=printer').status // [] (every status)
 */
export function filtersFromQuery(query: string): Filters {
  const params = new URLSearchParams(query)
  if (!params.has('status')) params.set('status', 'all')
  return filtersFromSearch(`?${params}`)
}

/** The filters as query parameters, with `status` as given (the URL and the API spell it apart). */
function toParams(filters: Filters, status: string | null): URLSearchParams {
  const params = new URLSearchParams()
  if (status) params.set('status', status)
  if (filters.category.length) params.set('category', filters.category.join(','))
  if (filters.priority.length) params.set('priority', filters.priority.join(','))
  if (filters.assignee) params.set('assignee', filters.assignee)
  if (filters.appVersion.trim()) params.set('appVersion', filters.appVersion.trim())
  if (filters.os.trim()) params.set('os', filters.os.trim())
  if (filters.q.trim()) params.set('q', filters.q.trim())
  if (filters.urgent) params.set('urgent', 'true')
  if (filters.sort !== 'queue') params.set('sort', filters.sort)
  for (const name of NARROWING) if (filters[name].trim()) params.set(name, filters[name].trim())
  return params
}

/** The query string of the inbox's own URL for these filters: only what differs from the default. */
export function filtersToSearch(filters: Filters): string {
  const status = filters.status.join(',')
  const out = toParams(
    filters,
    status === DEFAULT_FILTERS.status.join(',') ? null : status || 'all',
  ).toString()
  return out ? `?${out}` : ''
}

/** The `GET /api/v1/tickets` query for these filters, one page of `limit` after `cursor`. */
export function listQuery(
  filters: Filters,
  cursor: string | null = null,
  limit = 50,
): URLSearchParams {
  const params = toParams(filters, filters.status.join(',') || null)
  params.set('limit', String(limit))
  if (cursor) params.set('cursor', cursor)
  return params
}

/**
 * The filters as a view's query: the API's, without the page, in one order — what a saved view
 * keeps, and what tells which view the queue shows.
 */
export function viewQuery(filters: Filters): string {
  const params = toParams(filters, filters.status.join(',') || null)
  params.sort()
  return params.toString()
}

/** Whether any filter narrows the default view (for a "clear filters" button). */
export const isFiltered = (filters: Filters) => filtersToSearch(filters) !== ''
