import { EventEmitter } from 'node:events'

export interface TicketEvent {
  type: 'ticket.created' | 'ticket.changed'
  id: string
  reference: string
  status: string
  version: number
  at: string
}

/** Ticket changes inside this process, for the live inbox (`GET /api/v1/events`). */
export class EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0)

  emit(event: TicketEvent): void {
    this.emitter.emit('ticket', event)
  }

  subscribe(listener: (event: TicketEvent) => void): () => void {
    this.emitter.on('ticket', listener)
    return () => this.emitter.off('ticket', listener)
  }
}
