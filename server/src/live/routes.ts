import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { PresenceEvent, StreamEndReason, TicketEvent } from '@snagbox/sdk/contract'
import { requireAgent, type AgentEnv } from '../auth/require-agent.js'
import { credentialHolds, isCredentialOf } from '../auth/credential-check.js'
import type { AppDeps } from '../deps.js'
import { ticketEventsOf } from './ticket-event.js'
import { changeIn } from './change-in.js'
import { currentScopeOf, inScope } from '../auth/agent-projects.js'
import { idleWait } from '../http/idle-wait.js'
import { stallGuard } from '../http/stalled-reader.js'
import type { PresenceBoard } from './presence.js'

/** How often an idle stream says it is alive, so proxies keep it open. */
const HEARTBEAT_MS = 25_000

/** How much a stream holds for a reader that does not keep up, and how long it waits for one. */
export interface LiveBounds {
  /**
   * The most events waiting to be written. Past it the stream forgets them, says `ended` with
   * the reason `behind` and closes: the inbox connects again and reloads what it shows, as
   * after a drop.
   */
  backlog: number
  /** How long one write may wait for the reader to take it before the connection is dropped. */
  stallMs: number
}

// 10,000: a mass incident resolved with its thousand children is still one change a reader can take.
export const LIVE_BOUNDS: LiveBounds = { backlog: 10_000, stallMs: 30_000 }

/**
 * `GET /api/v1/events`: Server-Sent Events of ticket changes, for agents only, and of who else is
 * on a ticket (`ticket.presence`, from `board`). An event's `id` (`<ticket>:<version>`) names what
 * the reader was told last; the stream never resumes from it, and the events a reader that fell
 * behind missed get none — the inbox reloads instead.
 */
export function liveRoutes(deps: AppDeps, board: PresenceBoard, bounds: LiveBounds = LIVE_BOUNDS) {
  const app = new Hono<AgentEnv>()
  app.get('/', requireAgent(deps), (c) => {
    // HEAD drops the body: a stream opened for it would never be read, nor ever closed.
    if (c.req.method === 'HEAD') return c.body(null, 200, { 'Content-Type': 'text/event-stream' })
    return streamSSE(c, async (stream) => {
      const queue: (TicketEvent | PresenceEvent)[] = []
      const idle = idleWait()
      const write = stallGuard(c, stream, bounds.stallMs)
      // Only the agent's projects; read again at each credential check, as they may change.
      let projects = c.get('agent').projects
      const me = c.get('agent').id
      // Why the stream ends, once it must: the credential ended, or the reader fell behind.
      let ended: StreamEndReason | null = null
      const add = (events: (TicketEvent | PresenceEvent)[]) => {
        if (ended || !events.length) return
        if (queue.length + events.length > bounds.backlog) {
          // What waits is dropped now and nothing more is kept: the reader reloads anyway.
          queue.length = 0
          ended = 'behind'
          unsubscribe()
          stopPresence()
        } else queue.push(...events)
        idle.wake()
      }
      const unsubscribe = deps.changes.subscribe((change) =>
        add(ticketEventsOf(changeIn(change, projects))),
      )
      // Not what the agent itself did, and the agent itself left out of the list.
      const stopPresence = board.subscribe((change) => {
        if (change.agentId === me || !inScope(projects, change.ticket.projectId)) return
        add([
          {
            type: 'ticket.presence',
            id: change.ticket.id,
            reference: change.ticket.reference,
            viewers: change.viewers.filter((v) => v.agentId !== me),
            at: deps.now().toISOString(),
          },
        ])
      })
      // A logout in this process ends the stream at once. A token revoked or an agent disabled
      // by the CLI (another process) is found by the check every --stream-check-seconds.
      const stopEnds = deps.credentials.subscribe((credential) => {
        if (!isCredentialOf(c.get('agent'), credential)) return
        ended = 'credential'
        idle.wake()
      })
      stream.onAbort(() => {
        unsubscribe()
        stopPresence()
        stopEnds()
        idle.wake()
      })
      const checkMs = deps.config.streamCheckSeconds * 1000
      let checkedAt = Date.now()
      let wroteAt = Date.now()
      let open = await write.sse({
        event: 'ready',
        data: JSON.stringify({ at: deps.now().toISOString() }),
      })
      while (open) {
        if (!ended && Date.now() - checkedAt >= checkMs) {
          checkedAt = Date.now()
          if (!credentialHolds(deps, c.get('agent'))) ended = 'credential'
          projects = currentScopeOf(deps.db, c.get('agent').id)
        }
        if (ended) {
          // No id: what was missed is no event the reader had.
          await write.sse({ event: 'ended', data: JSON.stringify({ reason: ended }) })
          break
        }
        const event = queue.shift()
        if (event) {
          open = await write.sse({
            event: event.type,
            // A presence is no version of the ticket: nothing to resume from.
            ...(event.type === 'ticket.presence' ? {} : { id: `${event.id}:${event.version}` }),
            data: JSON.stringify(event),
          })
          wroteAt = Date.now()
          continue
        }
        await idle.until(Math.min(checkedAt + checkMs, wroteAt + HEARTBEAT_MS) - Date.now())
        open = !stream.aborted
        if (open && !queue.length && !ended && Date.now() - wroteAt >= HEARTBEAT_MS) {
          open = await write.text(': heartbeat\n\n')
          wroteAt = Date.now()
        }
      }
      unsubscribe()
      stopPresence()
      stopEnds()
    })
  })
  return app
}
