import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { TicketEvent } from '@snagbox/sdk/contract'
import { requireAgent, type AgentEnv } from '../auth/require-agent.js'
import type { AppDeps } from '../deps.js'
import { ticketEventsOf } from './ticket-event.js'

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
      const unsubscribe = deps.changes.subscribe((change) => {
        queue.push(...ticketEventsOf(change))
        wake?.()
      })
      stream.onAbort(() => {
        unsubscribe()
        wake?.()
      })
      await stream.writeSSE({
        event: 'ready',
        data: JSON.stringify({ at: deps.now().toISOString() }),
      })
      while (!stream.aborted) {
        const event = queue.shift()
        if (event) {
          await stream.writeSSE({
            event: event.type,
            id: `${event.id}:${event.version}`,
            data: JSON.stringify(event),
          })
          continue
        }
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, HEARTBEAT_MS)
        })
        wake = undefined
        if (!queue.length && !stream.aborted) await stream.write(': heartbeat\n\n')
      }
      unsubscribe()
    })
  })
  return app
}
