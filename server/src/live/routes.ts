import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { TicketEvent } from '@snagbox/sdk/contract'
import { requireAgent, type AgentEnv } from '../auth/require-agent.js'
import { credentialHolds, isCredentialOf } from '../auth/credential-check.js'
import type { AppDeps } from '../deps.js'
import { ticketEventsOf } from './ticket-event.js'
import { changeIn } from './change-in.js'
import { currentScopeOf } from '../auth/agent-projects.js'

/** How often an idle stream says it is alive, so proxies keep it open. */
const HEARTBEAT_MS = 25_000

/** `GET /api/v1/events`: Server-Sent Events of ticket changes, for agents only. */
export function liveRoutes(deps: AppDeps) {
  const app = new Hono<AgentEnv>()
  app.get('/', requireAgent(deps), (c) => {
    // HEAD drops the body: a stream opened for it would never be read, nor ever closed.
    if (c.req.method === 'HEAD') return c.body(null, 200, { 'Content-Type': 'text/event-stream' })
    return streamSSE(c, async (stream) => {
      const queue: TicketEvent[] = []
      let wake: (() => void) | undefined
      // Only the agent's projects; read again at each credential check, as they may change.
      let projects = c.get('agent').projects
      const unsubscribe = deps.changes.subscribe((change) => {
        queue.push(...ticketEventsOf(changeIn(change, projects)))
        wake?.()
      })
      // A logout in this process ends the stream at once. A token revoked or an agent disabled
      // by the CLI (another process) is found by the check every --stream-check-seconds.
      let ended = false
      const stopEnds = deps.credentials.subscribe((credential) => {
        if (!isCredentialOf(c.get('agent'), credential)) return
        ended = true
        wake?.()
      })
      stream.onAbort(() => {
        unsubscribe()
        stopEnds()
        wake?.()
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
            id: `${event.id}:${event.version}`,
            data: JSON.stringify(event),
          })
          wroteAt = Date.now()
          continue
        }
        const due = Math.min(checkedAt + checkMs, wroteAt + HEARTBEAT_MS) - Date.now()
        let timer: ReturnType<typeof setTimeout> | undefined
        await new Promise<void>((resolve) => {
          wake = resolve
          timer = setTimeout(resolve, Math.max(0, due))
        })
        clearTimeout(timer)
        wake = undefined
        if (!queue.length && !stream.aborted && !ended && Date.now() - wroteAt >= HEARTBEAT_MS) {
          await stream.write(': heartbeat\n\n')
          wroteAt = Date.now()
        }
      }
      unsubscribe()
      stopEnds()
    })
  })
  return app
}
