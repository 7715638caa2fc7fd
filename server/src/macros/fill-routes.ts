import { Hono } from 'hono'
import type { FilledMacro } from '@snagbox/sdk/contract'
import { requireAgent, type AgentEnv } from '../auth/require-agent.js'
import type { AppDeps } from '../deps.js'
import { agentTicket } from '../tickets/agent-ticket.js'
import { fillMacro } from './fill.js'
import { macroUser } from './routes.js'
import { macroFor } from './store.js'

/**
 * `GET /api/v1/tickets/:ref/macros/:macroId`: a saved reply of the ticket's project (or of every
 * project) filled in with the ticket's values and the caller's name — what the composer shows
 * before it is sent as a reply.
 */
export function macroFillRoutes(deps: AppDeps) {
  const app = new Hono<AgentEnv>()
  app.get('/:ref/macros/:macroId', requireAgent(deps), (c) => {
    const agent = c.get('agent')
    const row = agentTicket(deps.db, agent, c.req.param('ref'))
    const macro = macroFor(deps.db, macroUser(c), c.req.param('macroId'), row.projectId)
    const reporter = JSON.parse(row.reporter) as { name?: unknown }
    const app = JSON.parse(row.app) as { version?: unknown; build?: unknown }
    const text = (value: unknown) => (typeof value === 'string' ? value : null)
    const filled: FilledMacro = {
      id: macro.id,
      name: macro.name,
      body: fillMacro(macro.body, {
        'reporter.name': text(reporter.name),
        reference: row.reference,
        subject: row.subject,
        'app.version': text(app.version),
        'app.build': text(app.build),
        'agent.name': agent.name,
      }),
      status: macro.status,
      priority: macro.priority,
    }
    return c.json(filled)
  })
  return app
}
