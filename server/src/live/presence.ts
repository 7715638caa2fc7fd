import type { PresenceViewer } from '@snagbox/sdk/contract'
import { Listeners } from '../listeners.js'

/** A ticket as presence needs it: who may hear of it goes by its project. */
export interface PresenceTicket {
  id: string
  reference: string
  projectId: string
}

/** Who is on a ticket changed: someone came, started or stopped typing, left or went quiet. */
export interface PresenceChange {
  ticket: PresenceTicket
  /** The agent whose presence changed: its own stream does not hear of it. */
  agentId: string
  /** Everyone on the ticket now. */
  viewers: PresenceViewer[]
}

export interface PresenceOptions {
  /** How long a heartbeat counts: without a new one, the agent is gone. */
  ttlMs: number
  /** The most agents shown on one ticket. */
  perTicket: number
  /** The most tickets one agent is on: past it, its oldest heartbeat leaves. */
  perAgent: number
  /** The most agents on tickets, in all. */
  total: number
}

export const PRESENCE_DEFAULTS: PresenceOptions = {
  ttlMs: 30_000,
  perTicket: 20,
  perAgent: 20,
  total: 5_000,
}

interface Entry extends PresenceViewer {
  expiresAt: number
}

/**
 * Which agents have a ticket open, and which are typing a reply on it: heartbeats kept in this
 * process's memory only, never written and never a change of the ticket (nothing goes through the
 * store, its commit or its change feed). A heartbeat counts for `ttlMs`; a ticket holds at most
 * `perTicket` agents and the board `total`, so memory stays bounded whoever sends heartbeats. One
 * agent is on at most `perAgent` tickets — a new one pushes out its oldest heartbeat, told to the
 * others as a leave — so one agent (or one stolen token) cannot take the places of everyone else.
 *
 * @example
 * const board = new PresenceBoard()
 * board.subscribe((change) => console.log(change.ticket.reference, change.viewers))
 * board.beat(ticket, { id: agent.id, name: agent.name }, true) // typing
 */
export class PresenceBoard extends Listeners<PresenceChange> {
  private readonly byTicket = new Map<string, Slot>()
  /** Each agent's tickets, the oldest heartbeat first. */
  private readonly byAgent = new Map<string, Set<string>>()
  private count = 0
  private timer: ReturnType<typeof setInterval> | undefined
  private readonly options: PresenceOptions

  constructor(
    options: Partial<PresenceOptions> = {},
    private readonly clock: () => number = Date.now,
  ) {
    super('presence')
    this.options = { ...PRESENCE_DEFAULTS, ...options }
  }

  /**
   * An agent is on the ticket, typing or not. Returns everyone there now, or `full` when the
   * ticket or the board has no room for one more agent (nothing is kept then). An agent on
   * `perAgent` tickets already leaves the one it beat on longest ago.
   */
  beat(
    ticket: PresenceTicket,
    agent: { id: string; name: string },
    typing: boolean,
  ): PresenceViewer[] | 'full' {
    const now = this.clock()
    // Only what presence needs of the ticket: a caller's whole row (its description, context and
    // logs) would be kept as long as anyone is on it.
    const { id, reference, projectId } = ticket
    const slot = this.byTicket.get(id) ?? {
      ticket: { id, reference, projectId },
      entries: new Map<string, Entry>(),
    }
    this.expire(slot, now)
    const known = slot.entries.get(agent.id)
    const mine = this.byAgent.get(agent.id) ?? new Set<string>()
    if (!known) {
      if (slot.entries.size >= this.options.perTicket) return 'full'
      if (mine.size >= this.options.perAgent) this.leave(mine.values().next().value!, agent.id)
      else if (this.count >= this.options.total) return 'full'
    }
    // Set again, so the order of an agent's tickets is the order of their last heartbeats.
    mine.delete(id)
    mine.add(id)
    this.byAgent.set(agent.id, mine)
    slot.entries.set(agent.id, {
      agentId: agent.id,
      name: agent.name,
      typing,
      since: known?.since ?? new Date(now).toISOString(),
      expiresAt: now + this.options.ttlMs,
    })
    if (!known) this.count++
    this.byTicket.set(ticket.id, slot)
    this.keepSweeping()
    if (!known || known.typing !== typing) this.tell(slot, agent.id)
    return viewersOf(slot.entries)
  }

  /** The agent left the ticket (closed it). */
  leave(ticketId: string, agentId: string): void {
    const slot = this.byTicket.get(ticketId)
    if (slot?.entries.has(agentId)) this.drop(slot, agentId)
  }

  /** Everyone on a ticket now. */
  viewers(ticketId: string): PresenceViewer[] {
    const slot = this.byTicket.get(ticketId)
    if (!slot) return []
    this.expire(slot, this.clock())
    return viewersOf(slot.entries)
  }

  /** Stops sweeping (the board keeps working; sweeping starts again with a heartbeat). */
  close(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }

  private tell(slot: Slot, agentId: string) {
    this.notify({ ticket: slot.ticket, agentId, viewers: viewersOf(slot.entries) })
  }

  /** An agent is no longer on a ticket: forgotten there, and the others told. */
  private drop(slot: Slot, agentId: string): void {
    slot.entries.delete(agentId)
    this.count--
    const mine = this.byAgent.get(agentId)
    mine?.delete(slot.ticket.id)
    if (!mine?.size) this.byAgent.delete(agentId)
    if (!slot.entries.size) this.byTicket.delete(slot.ticket.id)
    this.tell(slot, agentId)
  }

  /** Drops a ticket's agents whose last heartbeat is too old, telling the others. */
  private expire(slot: Slot, now: number): void {
    for (const [agentId, entry] of slot.entries)
      if (entry.expiresAt <= now) this.drop(slot, agentId)
  }

  /**
   * Sweeps the whole board a few times a heartbeat's life while anyone is on it, so the others
   * hear that an agent went quiet without asking (a third of `ttlMs` late at most).
   */
  private keepSweeping(): void {
    if (this.timer) return
    this.timer = setInterval(
      () => {
        const now = this.clock()
        for (const slot of [...this.byTicket.values()]) this.expire(slot, now)
        if (!this.byTicket.size) this.close()
      },
      Math.max(10, Math.floor(this.options.ttlMs / 3)),
    )
    this.timer.unref?.()
  }
}

type Slot = { ticket: PresenceTicket; entries: Map<string, Entry> }

function viewersOf(entries: Map<string, Entry>): PresenceViewer[] {
  return [...entries.values()]
    .map(({ expiresAt: _, ...viewer }) => viewer)
    .sort((a, b) => a.since.localeCompare(b.since) || a.name.localeCompare(b.name))
}
