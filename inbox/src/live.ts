import {
  backoff,
  type PresenceEvent,
  type StreamEndReason,
  type TicketEvent,
} from '@snagbox/sdk/contract'

export type LiveState = 'connecting' | 'live' | 'offline'

/** The part of the browser's EventSource the inbox uses; tests pass a fake. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void
  close(): void
  onerror: ((event: Event) => void) | null
}

export interface LiveOptions {
  url: string
  onEvent: (event: TicketEvent) => void
  /** Who else is on a ticket now (`ticket.presence`): no change of the ticket. */
  onPresence?: (event: PresenceEvent) => void
  onState: (state: LiveState) => void
  /** After a drop the stream is back: changes made meanwhile were missed, so reload what is shown. */
  onResync: () => void
  /**
   * The first connection is ready. What the page loaded while it connected (from `openedAt` on
   * the `clock`) may lack a change committed before the stream heard of changes, and such a
   * change was committed at or after `since` (the server's clock): the page asks whether any
   * was, rather than loading all again. What it loads from now on misses nothing.
   */
  onConnected?: (since: string, openedAt: number) => void
  /** The server ended the stream because the credential ended (signed out, revoked, disabled). */
  onEnded?: () => void
  createSource?: (url: string) => EventSourceLike
  /** First wait after a drop, doubled each time up to `maxDelayMs`, with jitter. */
  minDelayMs?: number
  maxDelayMs?: number
  random?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
  /** Milliseconds on a clock that only goes forward (`performance.now()`), to time connecting. */
  clock?: () => number
}

/**
 * Follows `GET /api/v1/events`. On any error the stream is closed and opened again after a
 * jittered backoff (the browser's own retry gives up for good on a 401 or a 5xx); once it
 * answers again, `onResync` says that events may have been missed; the first connection's
 * `onConnected` says since when they may have been. When the server ends the
 * stream (`event: ended`) because the credential ended, it stays closed and `onEnded` says so;
 * ended for any other reason (`behind`: the inbox fell behind and events were dropped), it is
 * a drop like any other.
 *
 * @example
 * const live = connectLive({ url: ROUTES.events, onEvent, onState, onResync: reload })
 * live.close()
 */
export function connectLive(options: LiveOptions): { close(): void } {
  const create =
    options.createSource ?? ((url: string) => new EventSource(url, { withCredentials: true }))
  const min = options.minDelayMs ?? 1000
  const max = options.maxDelayMs ?? 30_000
  const random = options.random ?? Math.random
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>))
  const clock = options.clock ?? (() => performance.now())
  let source: EventSourceLike | undefined
  let timer: unknown
  let failures = 0
  let dropped = false
  let closed = false

  const open = () => {
    timer = undefined
    options.onState('connecting')
    const openedAt = clock()
    const current = create(options.url)
    source = current
    // Closed and opened again later; what was missed meanwhile is reloaded once it is back.
    const drop = () => {
      if (closed || source !== current) return
      current.close()
      source = undefined
      dropped = true
      options.onState('offline')
      timer = setTimer(open, backoff(failures, min, max, random))
      failures += 1
    }
    current.addEventListener('ready', (event) => {
      failures = 0
      options.onState('live')
      // Never dropped before: this is the first connection.
      const since = dropped ? null : sinceOf(event, clock() - openedAt)
      if (since) options.onConnected?.(since, openedAt)
      else options.onResync()
      dropped = false
    })
    current.addEventListener('ended', (event) => {
      // The reader fell behind (`behind`), or what a later server may say: connect again.
      if (reasonOf(event) !== ('credential' satisfies StreamEndReason)) return drop()
      closed = true
      current.close()
      source = undefined
      options.onState('offline')
      options.onEnded?.()
    })
    for (const type of ['ticket.created', 'ticket.changed', 'ticket.presence']) {
      current.addEventListener(type, (event) => {
        try {
          const data = JSON.parse(event.data as string) as TicketEvent | PresenceEvent
          if (data.type === 'ticket.presence') options.onPresence?.(data)
          else options.onEvent(data)
        } catch {
          // A message that isn't ours is skipped; the stream goes on.
        }
      })
    }
    current.onerror = drop
  }
  open()
  return {
    close() {
      closed = true
      if (timer !== undefined) clearTimer(timer)
      source?.close()
      source = undefined
    },
  }
}

/**
 * The earliest a change this stream did not carry may have been committed, for what was loaded
 * after it was opened: its `ready` says when (`at`, the server's clock) it began to carry every
 * change, and came `elapsedMs` after the stream was opened. The server stamped `at` before the
 * inbox heard it, so a load sent after the opening was read no earlier than `at - elapsedMs`,
 * whatever the two clocks read. `null` when `ready` says no time.
 */
function sinceOf(event: MessageEvent, elapsedMs: number): string | null {
  try {
    const { at } = JSON.parse(event.data as string) as { at?: unknown }
    const ms = typeof at === 'string' ? Date.parse(at) : Number.NaN
    return Number.isNaN(ms) ? null : new Date(ms - Math.ceil(elapsedMs)).toISOString()
  } catch {
    return null
  }
}

/** The `reason` of an `ended` event; `null` when it says none we can read. */
function reasonOf(event: MessageEvent): unknown {
  try {
    return (JSON.parse(event.data as string) as { reason?: unknown }).reason ?? null
  } catch {
    return null
  }
}
