/**
 * What a host can listen to with `Snagbox.on(name, fn)`, and what each listener gets.
 *
 * @example
 * snagbox.on('submitted', (e: WidgetEvents['submitted']) => {
 *   if (e.status === 'sent') toast(`Request ${e.reference} created`)
 * })
 */
export interface WidgetEvents {
  open: undefined
  close: undefined
  /**
   * A report left the form: `sent` carries the reference; `queued` waits for the connection and
   * is followed by `sent` with the same `outboxId` once the outbox delivers it (also a report an
   * earlier page queued, delivered by this one).
   */
  submitted:
    | { status: 'sent'; reference: string; statusUrl: string; outboxId?: string }
    | { status: 'queued'; outboxId: string }
}
/**
 * The events' names: `open`, `close` and `submitted`.
 *
 * @example
 * for (const name of ['open', 'close'] satisfies WidgetEventName[]) snagbox.on(name, () => analytics.track(`snagbox ${name}`))
 */
export type WidgetEventName = keyof WidgetEvents

export interface Emitter {
  on<E extends WidgetEventName>(name: E, fn: (payload: WidgetEvents[E]) => void): () => void
  emit<E extends WidgetEventName>(name: E, payload: WidgetEvents[E]): void
}

/** A tiny emitter whose listeners can never break the widget or each other. */
export function createEmitter(): Emitter {
  const listeners = new Map<string, Set<(payload: never) => void>>()
  return {
    on(name, fn) {
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set.add(fn))
      return () => void set.delete(fn)
    },
    emit(name, payload) {
      for (const fn of listeners.get(name) ?? []) {
        try {
          ;(fn as (p: typeof payload) => void)(payload)
        } catch (cause) {
          console.error('[snagbox] an event listener threw', cause)
        }
      }
    },
  }
}
