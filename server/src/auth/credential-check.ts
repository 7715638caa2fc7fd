import type { AppDeps } from '../deps.js'
import type { EndedCredential } from './credential-ends.js'
import type { AgentActor } from './require-agent.js'
import { sessionHolds } from './sessions.js'
import { tokenHolds } from './tokens.js'

/**
 * Whether the credential an agent came in with still works now: its session not logged out,
 * expired or too old, its token not revoked or expired, the agent not disabled. For what holds
 * a credential open past its request (an event stream).
 */
export function credentialHolds(deps: AppDeps, agent: AgentActor): boolean {
  const now = deps.now()
  return agent.via === 'token'
    ? tokenHolds(deps.db, agent.tokenId, now)
    : sessionHolds(deps.db, agent.sessionHash, now, deps.config.sessionMaxHours)
}

/** Whether an ended credential is the one an agent came in with (or the agent itself). */
export function isCredentialOf(agent: AgentActor, ended: EndedCredential): boolean {
  if (ended.kind === 'agent') return ended.id === agent.id
  if (ended.kind === 'token') return agent.via === 'token' && agent.tokenId === ended.id
  return agent.via === 'session' && agent.sessionHash === ended.hash
}
