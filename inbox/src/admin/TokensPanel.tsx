import type { AdminAgent, AdminToken } from '@snagbox/sdk/contract'
import { useEffect, useState } from 'preact/hooks'
import type { ApiProblem } from '../api.js'
import { when } from '../i18n/index.js'
import { api } from '../state.js'
import { ConfirmDialog } from './ConfirmDialog.js'
import { FormStatus } from './FormStatus.js'
import { alabel, at } from './i18n.js'
import { NewTokenForm } from './NewTokenForm.js'
import { AdminTable } from './AdminTable.js'
import { asProblem } from './problems.js'
import { useAction } from './use-action.js'

/** An agent's API tokens, revoked and expired ones too; making one; revoking one. */
export function TokensPanel({ agent }: { agent: AdminAgent }) {
  const id = `tokens-${agent.id}`
  const [list, setList] = useState<{ items: AdminToken[] | null; error: ApiProblem | null }>({
    items: null,
    error: null,
  })
  const [revoking, setRevoking] = useState<AdminToken | null>(null)
  const action = useAction()

  const reload = () =>
    api.agentTokens(agent.id).then(
      (items) => setList({ items, error: null }),
      (error: unknown) => setList((before) => ({ ...before, error: asProblem(error) })),
    )
  useEffect(() => void reload(), [agent.id])

  const revoke = async (token: AdminToken) => {
    const revoked = await action.run(
      () => api.revokeToken(token.id),
      () => at('tokens.revoked', { name: token.name }),
    )
    if (revoked)
      setList((before) => ({
        ...before,
        items: before.items?.map((x) => (x.id === revoked.id ? revoked : x)) ?? null,
      }))
    // Its Revoke button is gone: the news of what happened takes the focus.
    requestAnimationFrame(() => document.getElementById(`${id}-status`)?.focus())
  }

  const { items, error } = list
  const never = at('never')
  return (
    <section class="admin-part" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{at('tokens.title')}</h3>
      <AdminTable
        kind="tokens"
        columns={[
          'col.name',
          'col.scope',
          'col.state',
          'col.created',
          'col.expires',
          'col.lastUsed',
        ]}
        items={items}
        error={error}
        empty="tokens.empty"
      >
        {(items) =>
          items.map((token) => (
            <tr key={token.id} data-token-id={token.id} data-state={token.state}>
              <td>{token.name}</td>
              <td>{alabel('scope', token.scope)}</td>
              <td>
                {alabel('tokenState', token.state)}
                {token.revokedAt && <span class="muted"> · {when(token.revokedAt)}</span>}
              </td>
              <td>{when(token.createdAt)}</td>
              <td>{token.expiresAt ? when(token.expiresAt) : never}</td>
              <td>{token.lastUsedAt ? when(token.lastUsedAt) : never}</td>
              <td class="row-actions">
                {token.state === 'active' && (
                  <button
                    type="button"
                    class="secondary small"
                    aria-label={at('tokens.revokeLabel', { name: token.name })}
                    aria-disabled={action.busy}
                    onClick={() => !action.busy && setRevoking(token)}
                  >
                    {at('tokens.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))
        }
      </AdminTable>
      <FormStatus action={action} id={`${id}-status`} />
      <NewTokenForm agent={agent} onCreated={() => void reload()} />
      {revoking && (
        <ConfirmDialog
          title={at('revoke.title', { name: revoking.name })}
          confirm={at('revoke.confirm')}
          onCancel={() => setRevoking(null)}
          onConfirm={() => {
            setRevoking(null)
            void revoke(revoking)
          }}
        >
          {at('revoke.text')}
        </ConfirmDialog>
      )}
    </section>
  )
}
