import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { ReporterStreamEvent } from '@snagbox/sdk/contract'
import type { AppDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { idleWait } from '../http/idle-wait.js'
import { stallGuard } from '../http/stalled-reader.js'
import { findTicketById, timeline, type TicketRow } from '../tickets/store/read.js'
import { newestEventId, ticketsOfTokens } from '../tickets/store/reporter-requests.js'
import type { Lang } from './i18n.js'
import { requestSummary } from './request-summary.js'

/** How often an idle stream says it is alive, so proxies keep it open. */
const HEARTBEAT_MS = 25_000
/** Open streams per client address: a page per reporter of an office behind one NAT address. */
export const STREAMS_PER_ADDRESS = 100
/**
 * Open streams in all, whatever their addresses: each holds a connection and a listener, and
 * addresses are cheap to come by (one IPv6 network has billions), so their sum is bounded too.
 */
export const STREAMS_IN_ALL = 10_000

/**
 * How many streams may be open at once (from one client address, and in all), and how long one
 * write may wait for its reader before the connection is dropped.
 */
export interface StreamBounds {
  perAddress: number
  inAll: number
  stallMs: number
}

export const STREAM_BOUNDS: StreamBounds = {
  perAddress: STREAMS_PER_ADDRESS,
  inAll: STREAMS_IN_ALL,
  stallMs: 30_000,
}

const open = new WeakMap<AppDeps, { byAddress: Map<string, number>; all: number }>()

/** Counts in one more stream from `address`, or refuses it (429) past a bound; gives its release. */
function admit(deps: AppDeps, address: string, bounds: StreamBounds): () => void {
  const streams = open.get(deps) ?? { byAddress: new Map<string, number>(), all: 0 }
  open.set(deps, streams)
  const count = streams.byAddress.get(address) ?? 0
  const full =
    count >= bounds.perAddress
      ? `${bounds.perAddress} streams are open from this address already; close one first`
      : streams.all >= bounds.inAll
        ? 'Too many streams are open just now; try again later'
        : null
  if (full) throw new ApiError(429, 'rate_limited', full, undefined, { 'Retry-After': '60' })
  streams.byAddress.set(address, count + 1)
  streams.all++
  return () => {
    const left = streams.byAddress.get(address)! - 1
    if (left) streams.byAddress.set(address, left)
    else streams.byAddress.delete(address)
    streams.all--
  }
}

/**
 * Server-Sent Events of the reporter's requests: a `request` event (`ReporterStreamEvent`) each
 * time something the reporter may see is added to one of them — never for an internal note or
 * support's own bookkeeping (assignments, priorities). Its `id` is a mark in the server's timeline:
 * reconnecting with `Last-Event-ID` sends what was added since (a message may come twice then,
 * never not at all). It ends (`ended`) when none of its status links opens a request any more.
 *
 * What waits for a reader is bounded by design: which of its requests have news (a set of at most
 * `REPORTER_REQUESTS_MAX`), their messages read from the database only once the round before them
 * was taken. A reader that takes nothing for `stallMs` is dropped, with no `ended` (the SDK takes
 * that as final): it connects again with its `Last-Event-ID`, the mark of the last round it had
 * whole, and is sent what came after it.
 */
export function requestStream(
  c: Context,
  deps: AppDeps,
  input: { watched: { token: string; ticket: TicketRow }[]; lang: Lang; since: number | null },
  bounds: StreamBounds = STREAM_BOUNDS,
) {
  const release = admit(deps, deps.clientIp(c), bounds)
  const { db } = deps
  return streamSSE(c, async (stream) => {
    try {
      const start = newestEventId(db)
      // A mark past the newest event (one this database never gave, as after a restore) resumes
      // from the newest: else what comes next would be taken as sent already, and never told.
      const from = input.since === null ? start : Math.min(input.since, start)
      const sent = new Map(input.watched.map((w) => [w.ticket.id, from]))
      const tokens = new Map(input.watched.map((w) => [w.ticket.id, w.token]))
      // What has news the reporter may see: a public event (the timeline drops support's own).
      const news = new Set<string>(input.since === null ? [] : sent.keys())
      const idle = idleWait()
      const unsubscribe = deps.changes.subscribe((change) => {
        for (const e of change.events)
          if (e.visibility === 'public' && sent.has(e.ticketId)) news.add(e.ticketId)
        if (news.size) idle.wake()
      })
      stream.onAbort(idle.wake)
      const write = stallGuard(c, stream, bounds.stallMs)
      /** The request's entries added after what was sent and up to `mark`, as one message. */
      const messageOf = (ticketId: string, mark: number): ReporterStreamEvent | null => {
        const ticket = findTicketById(db, ticketId)
        if (!ticket) return null
        const entries = timeline(db, ticketId, 'reporter')
        const events = entries.filter((e) => e.id > sent.get(ticketId)! && e.id <= mark)
        if (!events.length) return null
        sent.set(ticketId, events.at(-1)!.id)
        return { request: requestSummary(ticket, entries, input.lang), events }
      }
      try {
        let open = await write.sse({
          event: 'ready',
          data: JSON.stringify({ at: deps.now().toISOString(), requests: sent.size }),
          ...(input.since === null ? { id: String(start) } : {}),
        })
        const checkMs = deps.config.streamCheckSeconds * 1000
        let checkedAt = Date.now()
        let wroteAt = Date.now()
        while (open) {
          if (news.size) {
            // Every change up to `mark` has been heard by now (changes are told as they commit):
            // once this round's messages are out, `mark` is where a reconnection resumes.
            const mark = newestEventId(db)
            const messages = [...news].flatMap((id) => messageOf(id, mark) ?? [])
            news.clear()
            for (const [i, message] of messages.entries()) {
              open &&= await write.sse({
                event: 'request',
                data: JSON.stringify(message),
                ...(i === messages.length - 1 ? { id: String(mark) } : {}),
              })
            }
            if (messages.length) wroteAt = Date.now()
            continue
          }
          if (Date.now() - checkedAt >= checkMs) {
            checkedAt = Date.now()
            const alive = new Set(ticketsOfTokens(db, [...tokens.values()]).map((t) => t.ticket.id))
            for (const id of [...sent.keys()])
              if (!alive.has(id)) {
                sent.delete(id)
                tokens.delete(id)
              }
            if (!sent.size) {
              await write.sse({ event: 'ended', data: JSON.stringify({ reason: 'gone' }) })
              break
            }
          }
          await idle.until(Math.min(checkedAt + checkMs, wroteAt + HEARTBEAT_MS) - Date.now())
          open = !stream.aborted
          if (open && !news.size && Date.now() - wroteAt >= HEARTBEAT_MS) {
            open = await write.text(': heartbeat\n\n')
            wroteAt = Date.now()
          }
        }
      } finally {
        unsubscribe()
      }
    } finally {
      release()
    }
  })
}
