import { presence } from './state.js'
import { ticketApi } from './ticket-api.js'

/** How often the page says the agent is still on the ticket: well within the server's 30 s. */
export const BEAT_MS = 10_000
/** Typing for this long without a key is no longer typing. */
export const TYPING_MS = 5_000

let session: { typedUntil: number; typingSent: boolean; beat: () => void } | null = null

/** A key went into the composer: the others on the ticket see the agent typing for a while. */
export function typed(): void {
  if (!session) return
  session.typedUntil = Date.now() + TYPING_MS
  if (!session.typingSent) session.beat()
}

/**
 * Tells the server the agent has the ticket open while the page is shown: a heartbeat every
 * `BEAT_MS`, at once when typing starts or stops, none while the page is hidden (the agent has
 * left then). The answers, and the event stream, say who else is on it (`presence`). The
 * returned function leaves the ticket.
 *
 * @example
 * useEffect(() => joinTicket(ticket.reference, ticket.id), [ticket.id])
 */
export function joinTicket(reference: string, ticketId: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let left = false
  const own = {
    typedUntil: 0,
    typingSent: false,
    beat: () => {
      clearTimeout(timer)
      if (left || document.visibilityState === 'hidden') return
      const now = Date.now()
      const typing = now < own.typedUntil
      own.typingSent = typing
      ticketApi.beat(reference, typing).then(
        (viewers) => void (!left && (presence.value = { ticketId, viewers })),
        // Not heard this time: the next beat tries again.
        () => undefined,
      )
      timer = setTimeout(own.beat, typing ? Math.min(BEAT_MS, own.typedUntil - now + 100) : BEAT_MS)
    },
  }
  const leave = () => {
    clearTimeout(timer)
    void ticketApi.leave(reference).catch(() => undefined)
  }
  const visibility = () => (document.visibilityState === 'hidden' ? leave() : own.beat())
  session = own
  own.beat()
  document.addEventListener('visibilitychange', visibility)
  addEventListener('pagehide', leave)
  return () => {
    left = true
    if (session === own) session = null
    document.removeEventListener('visibilitychange', visibility)
    removeEventListener('pagehide', leave)
    leave()
    if (presence.value?.ticketId === ticketId) presence.value = null
  }
}
