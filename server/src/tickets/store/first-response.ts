import type { Priority } from '@snagbox/sdk/contract'
import { workingHoursLater } from '../../calendar/working-hours.js'
import type { projects } from '../../db/schema.js'
import { responseTargetsOf } from '../../projects/response-targets.js'

type ProjectRow = typeof projects.$inferSelect

/**
 * When a ticket's first response is due: its project's target for the priority, in working hours
 * of the project's calendar (the auto-close's working days and time zone, with its working hours),
 * from the ticket's arrival — also when the priority changes later, before the first response.
 *
 * @example firstResponseDueAt(project, ticket.createdAt, 'high') // 4 working hours after arrival
 */
export function firstResponseDueAt(
  project: ProjectRow,
  createdAt: string,
  priority: Priority,
): string {
  const { workingHours, firstResponseHours } = responseTargetsOf(project)
  return workingHoursLater(new Date(createdAt), firstResponseHours[priority], {
    timeZone: project.timeZone,
    holidays: JSON.parse(project.holidays) as string[],
    workingHours,
  }).toISOString()
}

/**
 * Whether a ticket's first response is late: not answered yet, not closed (a withdrawn request
 * needs no answer), and past its due time.
 */
export function isOverdue(
  t: { firstResponseAt: string | null; firstResponseDueAt: string | null; status: string },
  now: Date,
): boolean {
  return (
    t.firstResponseAt === null &&
    t.firstResponseDueAt !== null &&
    t.status !== 'closed' &&
    Date.parse(t.firstResponseDueAt) <= now.getTime()
  )
}
