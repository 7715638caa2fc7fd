import { TOKEN_SCOPES, type AdminAgent, type CreatedToken } from '@snagbox/sdk/contract'
import { useState } from 'preact/hooks'
import { api } from '../state.js'
import { newTokenBody, type TokenForm } from './bodies.js'
import { Field } from './Field.js'
import { FormStatus } from './FormStatus.js'
import { alabel, at } from './i18n.js'
import { OnceSecret } from './OnceSecret.js'
import { useAction } from './use-action.js'

const FIELDS = ['name', 'scope', 'expiresInDays'] as const
const EMPTY: TokenForm = { name: '', scope: 'read_write', days: '90', never: false }

/** Makes an API token for the agent; its secret is shown here this once. */
export function NewTokenForm(props: { agent: AdminAgent; onCreated: () => void }) {
  const id = `token-new-${props.agent.id}`
  const [form, setForm] = useState(EMPTY)
  const [created, setCreated] = useState<(CreatedToken & { name: string }) | null>(null)
  const action = useAction(id, FIELDS)
  const set = (change: Partial<TokenForm>) => setForm((before) => ({ ...before, ...change }))

  const submit = async (e: Event) => {
    e.preventDefault()
    setCreated(null)
    const made = await action.run(
      () => api.createToken(props.agent.id, newTokenBody(form)),
      (token) => at('tokens.created', { name: token.name }),
    )
    if (!made) return
    setCreated(made)
    setForm(EMPTY)
    props.onCreated()
  }

  return (
    <div class="admin-subform">
      <form aria-labelledby={`${id}-title`} aria-busy={action.busy} onSubmit={submit}>
        <h4 id={`${id}-title`}>{at('tokens.new')}</h4>
        <div class="field-row">
          <Field
            id={`${id}-name`}
            label={at('field.tokenName')}
            hint={at('field.tokenNameHint')}
            error={action.errors.name}
          >
            <input
              required
              autoComplete="off"
              value={form.name}
              onInput={(e) => set({ name: e.currentTarget.value })}
            />
          </Field>
          <Field id={`${id}-scope`} label={at('field.scope')} error={action.errors.scope}>
            <select
              value={form.scope}
              onChange={(e) => set({ scope: e.currentTarget.value as TokenForm['scope'] })}
            >
              {TOKEN_SCOPES.map((scope) => (
                <option key={scope} value={scope}>
                  {alabel('scope', scope)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={`${id}-expiresInDays`}
            label={at('field.expiresInDays')}
            error={action.errors.expiresInDays}
          >
            <input
              type="number"
              min={1}
              step={1}
              required={!form.never}
              disabled={form.never}
              value={form.days}
              onInput={(e) => set({ days: e.currentTarget.value })}
            />
          </Field>
          <label class="choice">
            <input
              type="checkbox"
              checked={form.never}
              onChange={(e) => set({ never: e.currentTarget.checked })}
            />
            {at('field.never')}
          </label>
        </div>
        <div class="actions">
          <button type="submit" class="primary" aria-disabled={action.busy}>
            {at('tokens.create')}
          </button>
        </div>
      </form>
      <FormStatus action={action} />
      {created && (
        <OnceSecret
          id={`${id}-secret`}
          label={at('tokens.secretLabel', { name: created.name })}
          value={created.token}
          note={at('tokens.secretNote')}
          copyTitle={at('tokens.copy')}
          expiresAt={created.expiresAt}
        />
      )}
    </div>
  )
}
