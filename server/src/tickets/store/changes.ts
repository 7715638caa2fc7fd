import type { Db, Tx } from '../../db/client.js'
import { Listeners } from '../../listeners.js'
import type { Actor } from '../lifecycle/types.js'
import type { TicketRow } from './read.js'

/** A timeline event as the store appended it (`created` included), with its id and ticket. */
export interface AppendedEvent {
  id: number
  ticketId: string
  type: string
  actor: Actor
  visibility: 'public' | 'internal'
  data: Record<string, unknown>
  createdAt: string
}

/**
 * One committed write of the ticket store: what it created, what it changed and the timeline
 * events it appended, after the transaction committed — never before, never for a write that
 * rolled back. Live events, e-mail notifications and webhooks all start from here.
 */
export interface CommittedChange {
  /** Who made the change. */
  actor: Actor
  /** Tickets the change created (an intake, a split's new ticket), as stored. */
  created: TicketRow[]
  /** Tickets it changed (the ticket, a mass incident's children), after the change. */
  changed: TicketRow[]
  /** Every timeline event it appended, oldest first (a created ticket's `created` among them). */
  events: AppendedEvent[]
}

/**
 * The one place committed changes are published. The store publishes every write it committed;
 * listeners subscribe. A listener that throws is logged and the others still hear the change:
 * the change is committed whatever a listener does.
 *
 * @example
 * const changes = new ChangeFeed()
 * const stop = changes.subscribe((change) => console.log(change.changed.map((t) => t.reference)))
 */
export class ChangeFeed extends Listeners<CommittedChange> {
  private readonly recorders = new Set<ChangeRecorder>()

  constructor() {
    super('committed changes')
  }

  /**
   * Adds what must be written together with every change, in its transaction (an e-mail to
   * send): it commits with the change or not at all. A recorder that throws rolls the change
   * back, so it must only write what the change makes right to write.
   */
  recordWith(recorder: ChangeRecorder): () => void {
    this.recorders.add(recorder)
    return () => this.recorders.delete(recorder)
  }

  /** Runs the recorders inside the change's transaction; `commit` calls it. */
  record(tx: Tx, change: CommittedChange): void {
    for (const recorder of this.recorders) recorder(tx, change)
  }

  publish(change: CommittedChange): void {
    this.notify(change)
  }
}

/** Writes what belongs with a change, in the change's transaction. */
export type ChangeRecorder = (tx: Tx, change: CommittedChange) => void

/** What the store writes with: the database, and the feed its committed changes go to. */
export interface StoreDeps {
  db: Db
  changes: ChangeFeed
}

/**
 * Runs `write` in one IMMEDIATE transaction, with the feed's recorders, and, once it committed,
 * publishes the change it made (`null`: it changed nothing, e.g. an idempotent replay). A write
 * that throws rolls back and publishes nothing. Every write of the ticket store goes through here.
 */
export function commit<T>(
  store: StoreDeps,
  write: (tx: Tx) => { result: T; change: CommittedChange | null },
): T {
  const { result, change } = store.db.transaction(
    (tx) => {
      const written = write(tx)
      if (written.change) store.changes.record(tx, written.change)
      return written
    },
    { behavior: 'immediate' },
  )
  if (change) store.changes.publish(change)
  return result
}
