import {
  backoff,
  isFromSupport,
  REPORTER_REQUESTS_MAX,
  ROUTES,
  type ReporterStreamEvent,
} from '../contract/index.js'
import { parseRetryAfter } from '../transport/retry.js'
import { readEvents } from './event-stream.js'
import { projectHeaders, tokenOf } from './http.js'
import { visibleRequests, type RequestsContext } from './remembered.js'
import type { ReplyEvent } from './types.js'

type Listener = (event: ReplyEvent) => void

/** Longest wait between two tries to reach the live stream again. */
const MAX_RETRY_MS = 60_000

const following = new WeakMap<RequestsContext, { listeners: Set<Listener>; stop(): void }>()

/**
 * `snag.on('reply', fn)`: one live stream of the remembered requests (the newest fifty) for all
 * of a client's listeners, opened with the first and closed with the last. A lost connection is
 * opened again after a jittered backoff, resuming from the last event it had (`Last-Event-ID`);
 * a request remembered meanwhile (a report sent, or delivered from the outbox) reopens it to take
 * that one in too.
 */
export function follow(ctx: RequestsContext, listener: Listener): void {
  let follower = following.get(ctx)
  if (!follower) following.set(ctx, (follower = stream(ctx)))
  follower.listeners.add(listener)
}

/** The listener is gone; with the last one, the stream closes. */
export function unfollow(ctx: RequestsContext, listener: Listener): void {
  const follower = following.get(ctx)
  if (!follower?.listeners.delete(listener) || follower.listeners.size) return
  follower.stop()
  following.delete(ctx)
}

function stream(ctx: RequestsContext) {
  const { o } = ctx
  const listeners = new Set<Listener>()
  let current: AbortController | undefined
  let stopped = false
  let lastEventId: string | undefined
  let failures = 0
  let cancelRetry = () => {}

  const tell = (news: ReporterStreamEvent) => {
    const entries = news.events.filter(isFromSupport)
    if (!entries.length) return
    const event = { reference: news.request.reference, request: news.request, entries }
    for (const listener of [...listeners]) {
      try {
        listener(event)
      } catch (err) {
        console.error('[snagbox] a reply listener failed:', err)
      }
    }
  }

  /** Opens the stream (closing the one open); tries again later unless there is nothing to follow. */
  async function connect(): Promise<void> {
    cancelRetry()
    current?.abort()
    if (stopped) return
    const mine = (current = new AbortController())
    const kept = await visibleRequests(ctx)
    kept.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    // Nothing to follow yet: the next request remembered opens it.
    if (!kept.length || mine !== current) return
    const query = kept
      .slice(0, REPORTER_REQUESTS_MAX)
      .map((r) => `token=${encodeURIComponent(tokenOf(r.statusUrl))}`)
      .join('&')
    let final = false
    let retryAfterMs: number | null = null
    try {
      const response = await (o.fetch ?? fetch)(`${o.endpoint}${ROUTES.statusEvents}?${query}`, {
        headers: {
          ...projectHeaders(o),
          Accept: 'text/event-stream',
          ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
        },
        signal: mine.signal,
      })
      if (!response.ok || !response.body) {
        await response.body?.cancel()
        // 4xx but 429: no retry can help (no request of these is left, a page not allowed).
        final = response.status < 500 && response.status !== 429
        retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), o.clock.now())
      } else {
        await readEvents(response.body, (event) => {
          if (event.id) lastEventId = event.id
          if (event.event === 'ready') failures = 0
          else if (event.event === 'ended') final = true
          else if (event.event === 'request') tell(JSON.parse(event.data) as ReporterStreamEvent)
        })
      }
    } catch {
      // The network, or our own abort.
    }
    if (mine !== current || stopped || final) return
    const delay = Math.max(
      retryAfterMs ?? 0,
      backoff(failures++, 1000, MAX_RETRY_MS, o.clock.random),
    )
    cancelRetry = o.clock.schedule(() => void connect(), delay)
  }

  function stop() {
    stopped = true
    cancelRetry()
    current?.abort()
    if (ctx.added === reopen) ctx.added = undefined
    if (ctx.stop === stop) ctx.stop = undefined
  }
  const reopen = () => void connect()
  ctx.added = reopen
  ctx.stop = stop
  void connect()
  return { listeners, stop }
}
