import { CATEGORIES, PRIORITIES, STATUSES, type FieldError } from '@snagbox/sdk/contract'
import type { ListQuery } from './store/list.js'
import { decodeCursor } from './store/queue-page.js'

export const MAX_LIMIT = 100

/** Reads the query string of the ticket list; every bad value is reported with its name. */
export function parseListQuery(
  query: Record<string, string | undefined>,
): { query: ListQuery } | { errors: FieldError[] } {
  const errors: FieldError[] = []
  const list = (name: string, allowed: readonly string[]) => {
    const values = (query[name] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const wrong = values.filter((v) => !allowed.includes(v))
    if (wrong.length)
      errors.push({ path: name, message: `must be one or more of ${allowed.join(', ')}` })
    return values
  }
  const text = (name: string, max = 200) => {
    const value = query[name]?.trim()
    if (!value) return null
    if (value.length > max)
      errors.push({ path: name, message: `must be at most ${max} characters` })
    return value
  }
  const flag = (name: string) => {
    const value = query[name]
    if (value === undefined || value === '' || value === 'false') return false
    if (value !== 'true') errors.push({ path: name, message: 'must be true or false' })
    return value === 'true'
  }
  const limitText = query.limit ?? '25'
  const limit = Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    errors.push({ path: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` })
  }
  const updatedSince = text('updatedSince', 40)
  const since = updatedSince ? Date.parse(updatedSince) : Number.NaN
  if (updatedSince && Number.isNaN(since))
    errors.push({ path: 'updatedSince', message: 'must be an ISO 8601 date' })
  const sort = query.sort?.trim() || 'queue'
  if (sort !== 'queue' && sort !== 'first_response_due')
    errors.push({ path: 'sort', message: 'must be queue or first_response_due' })
  const cursorText = text('cursor', 400)
  const cursor = cursorText ? decodeCursor(cursorText) : null
  if (cursorText && cursor === null)
    errors.push({ path: 'cursor', message: 'is not a cursor this server gave out' })
  else if (cursor?.dueOrder && sort !== 'first_response_due')
    errors.push({ path: 'cursor', message: 'belongs to sort=first_response_due' })
  const parsed: ListQuery = {
    status: list('status', [...STATUSES, 'open']),
    category: list('category', CATEGORIES),
    priority: list('priority', PRIORITIES),
    urgent: flag('urgent'),
    assignee: text('assignee', 100),
    q: text('q', 500),
    reporter: text('reporter', 200),
    appVersion: text('appVersion', 100),
    os: text('os', 100),
    updatedSince: Number.isNaN(since) ? null : new Date(since).toISOString(),
    parent: text('parent', 60),
    duplicateOf: text('duplicateOf', 60),
    splitFrom: text('splitFrom', 60),
    sort: sort === 'first_response_due' ? sort : 'queue',
    limit,
    cursor: cursor?.text ?? null,
  }
  return errors.length ? { errors } : { query: parsed }
}
