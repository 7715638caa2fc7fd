import {
  FIRST_RESPONSE_HOURS_MAX,
  PRIORITIES,
  type FirstResponseHours,
  type Priority,
  type WorkingHours,
} from '@snagbox/sdk/contract'
import { InputError } from '../input-error.js'

export type { FirstResponseHours, WorkingHours }

/** A project's first-response settings as the rest of the server reads them: parsed and checked. */
export interface ResponseTargets {
  /** `{ start: '09:00', end: '18:00' }`, in the project's time zone. */
  workingHours: WorkingHours
  /** `{ critical: 1, high: 4, normal: 8, low: 16 }`: working hours to the first response. */
  firstResponseHours: FirstResponseHours
}

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3))

/**
 * Working hours checked: `HH:MM` each (`24:00` may end the day), the start before the end.
 *
 * @example checkWorkingHours({ start: '09:00', end: '18:00' })
 */
export function checkWorkingHours(hours: WorkingHours): WorkingHours {
  const { start, end } = hours
  if (!TIME.test(start) || start === '24:00' || !TIME.test(end))
    throw new InputError({
      field: 'workingHours',
      message: 'must be two times of day, HH:MM-HH:MM (e.g. 09:00-18:00)',
    })
  if (minutes(start) >= minutes(end))
    throw new InputError({ field: 'workingHours', message: 'must start before they end' })
  return { start, end }
}

/** `09:00-18:00` as working hours, checked. */
export function parseWorkingHours(text: string): WorkingHours {
  const [start = '', end = '', ...rest] = text.trim().split('-')
  if (rest.length)
    throw new InputError({
      field: 'workingHours',
      message: 'must be HH:MM-HH:MM (e.g. 09:00-18:00)',
    })
  return checkWorkingHours({ start: start.trim(), end: end.trim() })
}

/**
 * First-response targets over `current`: each given priority replaced, checked (a number of hours
 * above 0, at most {@link FIRST_RESPONSE_HOURS_MAX}).
 */
export function mergeFirstResponseHours(
  current: FirstResponseHours,
  changes: Partial<Record<string, unknown>>,
): FirstResponseHours {
  const next = { ...current }
  for (const [name, hours] of Object.entries(changes)) {
    if (!(PRIORITIES as readonly string[]).includes(name))
      throw new InputError({
        field: 'firstResponseHours',
        message: `names priorities: ${PRIORITIES.join(', ')} (not ${name})`,
      })
    if (
      typeof hours !== 'number' ||
      !Number.isFinite(hours) ||
      hours <= 0 ||
      hours > FIRST_RESPONSE_HOURS_MAX
    )
      throw new InputError({
        field: 'firstResponseHours',
        message: `${name} must be a number of hours above 0 and at most ${FIRST_RESPONSE_HOURS_MAX}`,
      })
    next[name as Priority] = hours
  }
  return next
}

/** `critical=1,high=4` as the hours it gives by priority (checked when merged). */
export function parseFirstResponseHours(text: string): Record<string, number> {
  const entries = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name = '', hours = '', ...rest] = part.split('=').map((s) => s.trim())
      if (rest.length || !name || !/^\d+(\.\d+)?$/.test(hours))
        throw new InputError({
          field: 'firstResponseHours',
          message: 'must be priority=hours pairs, e.g. critical=1,high=4,normal=8,low=16',
        })
      return [name, Number(hours)] as const
    })
  if (!entries.length)
    throw new InputError({
      field: 'firstResponseHours',
      message: 'must name at least one priority, e.g. critical=1',
    })
  return Object.fromEntries(entries)
}

/**
 * The first-response settings of a project row as stored (`09:00-18:00` and JSON), parsed: for
 * code that holds the row itself (a ticket's `projectOf`).
 *
 * @example const { workingHours, firstResponseHours } = responseTargetsOf(projectOf(db, ticket))
 */
export function responseTargetsOf(row: {
  workingHours: string
  firstResponseHours: string
}): ResponseTargets {
  const [start = '', end = ''] = row.workingHours.split('-')
  return {
    workingHours: { start, end },
    firstResponseHours: JSON.parse(row.firstResponseHours) as FirstResponseHours,
  }
}

/** Working hours as stored: `09:00-18:00`. */
export const workingHoursText = (hours: WorkingHours) => `${hours.start}-${hours.end}`
