import type { AgentInfo } from '@snagbox/sdk/contract'
import { agents, api } from './state.js'

/** How long a loaded agent list is trusted before a page that shows it asks again. */
export const AGENTS_MAX_AGE_MS = 60_000

let loadedAt = -Infinity
let pending: Promise<void> | null = null

/**
 * Loads every agent into `agents` unless a list younger than `AGENTS_MAX_AGE_MS` is there; calls
 * made while one is in flight share it. A failure keeps what was there: the picker then offers
 * the agent and the current assignee only, and the next page asks again.
 */
export function loadAgents(
  fetchList: () => Promise<AgentInfo[]> = api.agents,
  now = Date.now(),
): Promise<void> {
  if (pending) return pending
  if (agents.value && now - loadedAt < AGENTS_MAX_AGE_MS) return Promise.resolve()
  pending = fetchList()
    .then(
      (list) => {
        agents.value = list
        loadedAt = now
      },
      (error: unknown) => console.warn('Snagbox inbox: the agent list did not load', error),
    )
    .finally(() => (pending = null))
  return pending
}
