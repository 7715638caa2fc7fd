import type { AdminAgent, AgentInvite } from '@snagbox/sdk/contract'
import { useState } from 'preact/hooks'
import { api, me } from '../state.js'
import { agentList } from './admin-lists.js'
import { agentStateText } from './agent-text.js'
import { ConfirmDialog } from './ConfirmDialog.js'
import { FormStatus } from './FormStatus.js'
import { at } from './i18n.js'
import { OnceSecret } from './OnceSecret.js'
import { useAction } from './use-action.js'

/** Disabling and enabling an agent, and a new one-time link to set its password. */
export function AgentAccess({ agent }: { agent: AdminAgent }) {
  const id = `agent-${agent.id}`
  const name = agent.name
  const action = useAction()
  const [confirming, setConfirming] = useState(false)
  const [invite, setInvite] = useState<AgentInvite | null>(null)
  const self = me.value?.id === agent.id

  const setDisabled = async (disabled: boolean) => {
    setInvite(null)
    const updated = await action.run(
      () => api.updateAgent(agent.id, { disabled }),
      () => at(disabled ? 'access.disabled' : 'access.enabled', { name }),
    )
    if (updated) agentList.put(updated)
  }
  const newLink = async () => {
    const made = await action.run(
      () => api.inviteAgent(agent.id),
      () => at('access.linkMade', { name }),
    )
    if (!made) return
    agentList.put(made.agent)
    setInvite(made.invite)
  }

  return (
    <section class="admin-part" aria-labelledby={`${id}-access`} aria-busy={action.busy}>
      <h3 id={`${id}-access`}>{at('access.title')}</h3>
      <p>{agentStateText(agent)}</p>
      <div class="actions">
        {agent.state === 'disabled' ? (
          <button
            type="button"
            class="secondary"
            aria-disabled={action.busy}
            onClick={() => void setDisabled(false)}
          >
            {at('access.enable')}
          </button>
        ) : (
          // Not yourself: you would be signed out in the middle of it.
          !self && (
            <button
              type="button"
              class="secondary"
              aria-disabled={action.busy}
              onClick={() => !action.busy && setConfirming(true)}
            >
              {at('access.disable')}
            </button>
          )
        )}
        <button
          type="button"
          class="secondary"
          aria-disabled={action.busy}
          aria-describedby={`${id}-link-hint`}
          onClick={() => void newLink()}
        >
          {at('access.newLink')}
        </button>
      </div>
      <p id={`${id}-link-hint`} class="hint">
        {at('access.linkHint')}
      </p>
      <FormStatus action={action} />
      {invite && (
        <OnceSecret
          id={`${id}-link`}
          label={at('link.label', { name })}
          value={invite.url}
          note={at('link.note', { name })}
          copyTitle={at('link.copy')}
          expiresAt={invite.expiresAt}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={at('disable.title', { name })}
          confirm={at('disable.confirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            void setDisabled(true)
          }}
        >
          {at('disable.text')}
        </ConfirmDialog>
      )}
    </section>
  )
}
