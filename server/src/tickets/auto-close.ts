import { decide } from './lifecycle/decide.js'
import type { StoreDeps } from './store/changes.js'
import { TicketError } from './store/errors.js'
import { dueForAutoClose } from './store/read.js'
import { applyDecision } from './store/write.js'

const SYSTEM = { kind: 'system' } as const

/**
 * Closes every resolved ticket whose auto-close time has passed (no reporter answer within the
 * project's working days). Due times are data, so a restart loses nothing: the next run closes
 * whatever fell due while the server was down. Returns the references it closed.
 */
export function closeDueTickets(store: StoreDeps, now: Date): string[] {
  const closed: string[] = []
  for (const ticket of dueForAutoClose(store.db, now)) {
    try {
      applyDecision(store, {
        ticketId: ticket.id,
        actor: SYSTEM,
        now,
        decide: (state, ctx) => decide(state, { type: 'auto_close' }, SYSTEM, ctx),
      })
      closed.push(ticket.reference)
    } catch (err) {
      // The reporter answered between the query and the write: the ticket is no longer due.
      if (!(err instanceof TicketError) || !NO_LONGER_DUE.has(err.problem.code)) throw err
    }
  }
  return closed
}

const NO_LONGER_DUE = new Set(['illegal_transition', 'not_due', 'no_change'])

/** Runs `closeDueTickets` now and then every `intervalMs`; returns a function that stops it. */
export function startAutoClose(
  deps: StoreDeps & { now: () => Date },
  intervalMs = 60_000,
): () => void {
  const run = () => {
    try {
      closeDueTickets(deps, deps.now())
    } catch (err) {
      console.error('Snagbox auto-close:', err)
    }
  }
  run()
  const timer = setInterval(run, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
