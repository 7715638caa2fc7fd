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
}

/** What the queue shows with nothing in the URL: the tickets being worked on. */
export const DEFAULT_FILTERS: Filters = {
  status: WORKING,
  category: [],
  priority: [],
  assignee: '',
  appVersion: '',
  os: '',
  q: '',
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
  }
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

/** Whether any filter narrows the default view (for a "clear filters" button). */
export const isFiltered = (filters: Filters) => filtersToSearch(filters) !== ''
