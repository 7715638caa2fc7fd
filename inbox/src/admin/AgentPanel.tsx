import type { AdminAgent } from '@snagbox/sdk/contract'
import { AgentAccess } from './AgentAccess.js'
import { AgentEditForm } from './AgentEditForm.js'
import { at } from './i18n.js'
import { TokensPanel } from './TokensPanel.js'

/** One agent's settings, access and API tokens, opened from its row. */
export function AgentPanel({ id, agent }: { id: string; agent: AdminAgent }) {
  return (
    <section id={id} class="admin-panel" aria-label={at('agent.panel', { name: agent.name })}>
      <div class="admin-parts">
        <AgentEditForm agent={agent} />
        <AgentAccess agent={agent} />
      </div>
      <TokensPanel agent={agent} />
    </section>
  )
}
