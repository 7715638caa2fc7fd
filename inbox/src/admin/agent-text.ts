import type { AdminAgent } from '@snagbox/sdk/contract'
import { when } from '../i18n/index.js'
import { at } from './i18n.js'

/** Where an agent stands, as its row says it: an invitation with its link's expiry. */
export function agentStateText(agent: AdminAgent, now = Date.now()): string {
  if (agent.state === 'disabled')
    return agent.disabledAt
      ? at('state.disabledSince', { date: when(agent.disabledAt) })
      : at('state.disabled')
  if (agent.state === 'invited')
    return agent.inviteExpiresAt && Date.parse(agent.inviteExpiresAt) > now
      ? at('state.invitedUntil', { date: when(agent.inviteExpiresAt) })
      : at('state.invitedExpired')
  return at('state.active')
}

/** The projects an agent works in: every one for an admin. */
export function agentProjectsText(agent: Pick<AdminAgent, 'role' | 'projects'>): string {
  if (agent.role === 'admin') return at('projects.all')
  return agent.projects.length ? [...agent.projects].sort().join(', ') : at('projects.none')
}
