import { CATEGORIES, PRIORITIES, STATUSES, type FieldError } from '@snagbox/sdk/contract'

/** A parsed and checked `GET /api/v1/tickets` query. */
export interface ListQuery {
  /** `open` stands for every status but `closed`. */
  status: string[]
  category: string[]
  priority: string[]
  /** `me`, `none` or an agent id. */
  assignee: string | null
  q: string | null
  appVersion: string | null
  /** `Windows`, or a name and a version: `Windows 11`. */
  os: string | null
  updatedSince: string | null
  limit: number
  cursor: string | null
}

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
  const limitText = query.limit ?? '25'
  const limit = Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    errors.push({ path: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` })
  }
  const updatedSince = text('updatedSince', 40)
  const since = updatedSince ? Date.parse(updatedSince) : Number.NaN
  if (updatedSince && Number.isNaN(since))
    errors.push({ path: 'updatedSince', message: 'must be an ISO 8601 date' })
  const cursorText = text('cursor', 400)
  const cursor = cursorText ? decodeCursor(cursorText) : null
  if (cursorText && cursor === null)
    errors.push({ path: 'cursor', message: 'is not a cursor this server gave out' })
  const parsed: ListQuery = {
    status: list('status', [...STATUSES, 'open']),
    category: list('category', CATEGORIES),
    priority: list('priority', PRIORITIES),
    assignee: text('assignee', 100),
    q: text('q', 500),
    appVersion: text('appVersion', 100),
    os: text('os', 100),
    updatedSince: Number.isNaN(since) ? null : new Date(since).toISOString(),
    limit,
    cursor,
  }
  return errors.length ? { errors } : { query: parsed }
}

export function encodeCursor(queueKey: string): string {
  return Buffer.from(`v1:${queueKey}`).toString('base64url')
}

function decodeCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, 'base64url').toString()
  return text.startsWith('v1:') && text.length > 3 ? text.slice(3) : null
}
