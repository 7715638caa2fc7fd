import { Hono, type Context } from 'hono'
import { requireAgent, type AgentEnv } from '../auth/require-agent.js'
import type { AppDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { Fields, readJsonObject } from '../http/request-body.js'
import { agentTicket } from '../tickets/agent-ticket.js'
import type { PresenceBoard } from './presence.js'

/**
 * `/api/v1/tickets/:ref/presence`: who else has the ticket open and who is typing a reply. The
 * inbox sends a heartbeat every few seconds while a ticket is open (`typing` while its composer
 * holds a draft being written), reads the list when it opens one, and hears the rest on
 * `GET /api/v1/events`. Kept in memory, never a change of the ticket.
 */
export function presenceRoutes(deps: AppDeps, board: PresenceBoard) {
  const app = new Hono<AgentEnv>()
  const others = (c: Context<AgentEnv>, ticketId: string) =>
    board.viewers(ticketId).filter((v) => v.agentId !== c.get('agent').id)

  app.get('/:ref/presence', requireAgent(deps), (c) => {
    const row = agentTicket(deps.db, c.get('agent'), c.req.param('ref'))
    return c.json({ items: others(c, row.id) })
  })

  app.post('/:ref/presence', requireAgent(deps), async (c) => {
    const row = agentTicket(deps.db, c.get('agent'), c.req.param('ref'))
    const f = new Fields(await readJsonObject(c, deps.config.limits)).only(['typing'])
    const typing = f.flag('typing') ?? false
    f.done()
    const agent = c.get('agent')
    const viewers = board.beat(row, agent, typing)
    if (viewers === 'full')
      throw new ApiError(
        429,
        'rate_limited',
        'Too many agents are on tickets just now to show one more; try again later',
        undefined,
        { 'Retry-After': '30' },
      )
    return c.json({ items: viewers.filter((v) => v.agentId !== agent.id) })
  })

  app.delete('/:ref/presence', requireAgent(deps), (c) => {
    const row = agentTicket(deps.db, c.get('agent'), c.req.param('ref'))
    board.leave(row.id, c.get('agent').id)
    return c.body(null, 204)
  })
  return app
}
