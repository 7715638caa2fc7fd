import { inScope, type ProjectScope } from '../auth/agent-projects.js'
import type { CommittedChange } from '../tickets/store/changes.js'

/**
 * The part of a committed change that an agent of these projects may hear of: the tickets of
 * its projects, created or changed, and their timeline events. A stream carries nothing else.
 *
 * @example ticketEventsOf(changeIn(change, agent.projects))
 */
export function changeIn(change: CommittedChange, projects: ProjectScope): CommittedChange {
  if (projects === 'all') return change
  const created = change.created.filter((t) => inScope(projects, t.projectId))
  const changed = change.changed.filter((t) => inScope(projects, t.projectId))
  const ids = new Set([...created, ...changed].map((t) => t.id))
  return { ...change, created, changed, events: change.events.filter((e) => ids.has(e.ticketId)) }
}
