// Shared by the lifecycle tests: tickets in each status, the actors, a fixed clock.
import type { Status } from '@snagbox/sdk/contract'
import { decide } from '../src/tickets/lifecycle/decide.js'
import type {
  Action,
  Actor,
  ActorKind,
  DecideContext,
  TicketState,
} from '../src/tickets/lifecycle/types.js'

export const NOW = '2026-03-10T12:00:00.000Z'
export const EARLIER = '2026-03-02T09:00:00.000Z'
export const DUE = '2026-03-09T09:00:00.000Z'

/** A fake calendar that shows which moment the due time was computed from. */
export const dueFrom = (from: string) => `due(${from})`
export const ctx: DecideContext = { now: NOW, autoCloseDueAt: dueFrom }

export const AGENT: Actor = { kind: 'agent', id: 'agent-a' }
export const TOKEN: Actor = { kind: 'token', id: 'token-1', agentId: 'agent-a' }
export const REPORTER: Actor = { kind: 'reporter' }
export const SYSTEM: Actor = { kind: 'system' }
export const ACTORS = [REPORTER, AGENT, TOKEN, SYSTEM] as const

/** A consistent ticket in `status`, assigned to someone other than the acting agent. */
export function ticket(status: Status, patch: Partial<TicketState> = {}): TicketState {
  const base: TicketState = {
    status,
    closeReason: null,
    assigneeId: 'agent-z',
    reopenCount: 0,
    resolvedAt: null,
    closedAt: null,
    autoCloseDueAt: null,
    category: 'incident',
    priority: 'normal',
  }
  if (status === 'resolved') Object.assign(base, { resolvedAt: EARLIER, autoCloseDueAt: DUE })
  if (status === 'closed') {
    Object.assign(base, { closeReason: 'confirmed', resolvedAt: EARLIER, closedAt: DUE })
  }
  return { ...base, ...patch }
}

const BY_KIND: Record<ActorKind, Actor> = {
  agent: AGENT,
  token: TOKEN,
  reporter: REPORTER,
  system: SYSTEM,
}

/** Runs actions in turn, throwing on any refusal. */
export function run(state: TicketState, steps: [Action, ActorKind][], context = ctx): TicketState {
  return steps.reduce((s, [action, kind]) => {
    const d = decide(s, action, BY_KIND[kind], context)
    if (!d.ok) throw new Error(`${action.type}: ${JSON.stringify(d.error)}`)
    return d.state
  }, state)
}
