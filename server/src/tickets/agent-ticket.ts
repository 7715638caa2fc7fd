import { inScope, type ProjectScope } from '../auth/agent-projects.js'
import type { Db } from '../db/client.js'
import { ApiError } from '../errors.js'
import { findTicket, type TicketRow } from './store/read.js'

/**
 * The ticket an agent names by reference or id. One of a project the agent is not in answers
 * exactly as one that does not exist.
 *
 * @example const row = agentTicket(db, c.get('agent'), c.req.param('ref'))
 */
export function agentTicket(db: Db, agent: { projects: ProjectScope }, ref: string): TicketRow {
  const row = findTicket(db, ref)
  if (!row || !inScope(agent.projects, row.projectId))
    throw new ApiError(404, 'not_found', `No ticket ${ref}`)
  return row
}
