import type { AppDeps } from '../app.js'
import { ApiError } from '../errors.js'
import { decide } from './lifecycle.js'
import { dueForAutoClose } from './store-read.js'
import { applyDecision } from './store-write.js'

const SYSTEM = { kind: 'system' } as const

/**
 * Closes every resolved ticket whose auto-close time has passed (no reporter answer within the
 * project's working days). Due times are data, so a restart loses nothing: the next run closes
 * whatever fell due while the server was down. Returns the references it closed.
 */
export function closeDueTickets(deps: Pick<AppDeps, 'db' | 'publish'>, now: Date): string[] {
  const due = dueForAutoClose(deps.db, now)
  const closed: string[] = []
  for (const ticket of due) {
    try {
      const change = applyDecision(deps.db, { ticketId: ticket.id, actor: SYSTEM, now, decide: (state, ctx) => decide(state, { type: 'auto_close' }, SYSTEM, ctx) })
      for (const id of change.touched) deps.publish(id, 'ticket.changed')
      closed.push(ticket.reference)
    } catch (err) {
      // The reporter answered between the query and the write: the ticket is no longer due.
      if (!(err instanceof ApiError) || err.status !== 409) throw err
    }
  }
  return closed
}

/** Runs `closeDueTickets` now and then every `intervalMs`; returns a function that stops it. */
export function startScheduler(deps: Pick<AppDeps, 'db' | 'publish' | 'now'>, intervalMs = 60_000): () => void {
  const run = () => {
    try {
      closeDueTickets(deps, deps.now())
    } catch (err) {
      console.error('Snagbox scheduler:', err)
    }
  }
  run()
  const timer = setInterval(run, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
