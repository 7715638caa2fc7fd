import { and, eq, gt, isNotNull, like } from 'drizzle-orm'
import type { Config } from '../config.js'
import type { Db } from '../db/client.js'
import { projects, tickets } from '../db/schema.js'
import { mailRecordedFor } from '../tickets/store/emails.js'
import { oneWorkingDayBefore } from '../calendar/working-days.js'
import { Mailer } from './notify.js'

/**
 * Records the reminder of every resolved ticket that closes itself within a working day: once
 * per due time (a solution given again, with a new due time, is reminded of again). Tickets of
 * projects that close after a single working day get none: the solution's e-mail said when.
 * Returns how many were recorded.
 */
export function recordReminders(db: Db, config: Config, now: Date): number {
  const due = db
    .select({
      ticket: tickets,
      autoCloseDays: projects.autoCloseDays,
      timeZone: projects.timeZone,
      holidays: projects.holidays,
    })
    .from(tickets)
    .innerJoin(projects, eq(projects.id, tickets.projectId))
    .where(
      and(
        eq(tickets.status, 'resolved'),
        isNotNull(tickets.autoCloseDueAt),
        gt(tickets.autoCloseDueAt, now.toISOString()),
        like(tickets.reporter, '%"email"%'),
      ),
    )
    .all()
  let recorded = 0
  for (const { ticket, autoCloseDays, timeZone, holidays } of due) {
    if (autoCloseDays < 2) continue
    const closesAt = new Date(ticket.autoCloseDueAt!)
    const calendar = { timeZone, holidays: JSON.parse(holidays) as string[] }
    if (oneWorkingDayBefore(closesAt, calendar) > now) continue
    const key = `reminder:${ticket.id}:${ticket.autoCloseDueAt}`
    if (mailRecordedFor(db, key)) continue
    db.transaction((tx) => {
      new Mailer(tx, config).toReporter(
        ticket,
        { eventId: null, at: now.toISOString(), key },
        'reminder',
        {},
      )
    })
    recorded++
  }
  return recorded
}
