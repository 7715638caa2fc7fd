import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { PresenceEvent, TicketEvent } from '@snagbox/sdk/contract'
import { requireAgent, type AgentEnv } from '../auth/require-agent.js'
import { credentialHolds, isCredentialOf } from '../auth/credential-check.js'
import type { AppDeps } from '../deps.js'
import { ticketEventsOf } from './ticket-event.js'
import { changeIn } from './change-in.js'
import { currentScopeOf, inScope } from '../auth/agent-projects.js'
import { idleWait } from '../http/idle-wait.js'
import type { PresenceBoard } from './presence.js'

/** How often an idle stream says it is alive, so proxies keep it open. */
const HEARTBEAT_MS = 25_000

/**
 * `GET /api/v1/events`: Server-Sent Events of ticket changes, for agents only, and of who else is
 * on a ticket (`ticket.presence`, from `board`).
 */
export function liveRoutes(deps: AppDeps, board: PresenceBoard) {
  const app = new Hono<AgentEnv>()
  app.get('/', requireAgent(deps), (c) => {
    // HEAD drops the body: a stream opened for it would never be read, nor ever closed.
    if (c.req.method === 'HEAD') return c.body(null, 200, { 'Content-Type': 'text/event-stream' })
    return streamSSE(c, async (stream) => {
      const queue: (TicketEvent | PresenceEvent)[] = []
      const idle = idleWait()
      // Only the agent's projects; read again at each credential check, as they may change.
      let projects = c.get('agent').projects
      const me = c.get('agent').id
      const unsubscribe = deps.changes.subscribe((change) => {
        queue.push(...ticketEventsOf(changeIn(change, projects)))
        idle.wake()
      })
      // Not what the agent itself did, and the agent itself left out of the list.
      const stopPresence = board.subscribe((change) => {
        if (change.agentId === me || !inScope(projects, change.ticket.projectId)) return
        queue.push({
          type: 'ticket.presence',
          id: change.ticket.id,
          reference: change.ticket.reference,
          viewers: change.viewers.filter((v) => v.agentId !== me),
          at: deps.now().toISOString(),
        })
        idle.wake()
      })
      // A logout in this process ends the stream at once. A token revoked or an agent disabled
      // by the CLI (another process) is found by the check every --stream-check-seconds.
      let ended = false
      const stopEnds = deps.credentials.subscribe((credential) => {
        if (!isCredentialOf(c.get('agent'), credential)) return
        ended = true
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
      await stream.writeSSE({
        event: 'ready',
        data: JSON.stringify({ at: deps.now().toISOString() }),
      })
      while (!stream.aborted) {
        if (!ended && Date.now() - checkedAt >= checkMs) {
          checkedAt = Date.now()
          ended = !credentialHolds(deps, c.get('agent'))
          projects = currentScopeOf(deps.db, c.get('agent').id)
        }
        if (ended) {
          await stream.writeSSE({ event: 'ended', data: JSON.stringify({ reason: 'credential' }) })
          break
        }
        const event = queue.shift()
        if (event) {
          await stream.writeSSE({
            event: event.type,
            // A presence is no version of the ticket: nothing to resume from.
            ...(event.type === 'ticket.presence' ? {} : { id: `${event.id}:${event.version}` }),
            data: JSON.stringify(event),
          })
          wroteAt = Date.now()
          continue
        }
        await idle.until(Math.min(checkedAt + checkMs, wroteAt + HEARTBEAT_MS) - Date.now())
        if (!queue.length && !stream.aborted && !ended && Date.now() - wroteAt >= HEARTBEAT_MS) {
          await stream.write(': heartbeat\n\n')
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
