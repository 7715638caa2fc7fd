import type { AdminAgent, AgentInvite } from '@snagbox/sdk/contract'
import { useState } from 'preact/hooks'
import { t } from '../i18n/index.js'
import { api } from '../state.js'
import { agentList } from './admin-lists.js'
import { newAgentBody, type AgentForm } from './bodies.js'
import { Field } from './Field.js'
import { FormStatus } from './FormStatus.js'
import { at } from './i18n.js'
import { OnceSecret } from './OnceSecret.js'
import { MIN_PASSWORD } from './password.js'
import { inputProblem } from './problems.js'
import { ProjectChoice } from './ProjectChoice.js'
import { RoleSelect } from './RoleSelect.js'
import { useAction } from './use-action.js'

const ID = 'agent-new'
const FIELDS = ['email', 'name', 'role', 'projects', 'password'] as const
const EMPTY: AgentForm = {
  email: '',
  name: '',
  role: 'agent',
  projects: [],
  access: 'link',
  password: '',
}

/** Adds an agent, who sets a password with a one-time link (shown here once) or gets one now. */
export function NewAgentForm({ onClose }: { onClose: () => void }) {
  const [form, setForm] = useState(EMPTY)
  const [created, setCreated] = useState<{ agent: AdminAgent; invite: AgentInvite | null }>()
  const action = useAction(ID, FIELDS)
  const set = (change: Partial<AgentForm>) => setForm((before) => ({ ...before, ...change }))
  const text = (key: 'email' | 'name' | 'password') => (e: Event) =>
    set({ [key]: (e.currentTarget as HTMLInputElement).value })

  const submit = async (e: Event) => {
    e.preventDefault()
    setCreated(undefined)
    if (form.access === 'password' && form.password.length < MIN_PASSWORD)
      return action.fail(inputProblem('password', t('password.tooShort')))
    const result = await action.run(
      () => api.createAgent(newAgentBody(form)),
      ({ agent, invite }) =>
        at(invite ? 'agents.created' : 'agents.createdPassword', { name: agent.name }),
    )
    if (!result) return
    agentList.put(result.agent)
    setCreated(result)
    setForm(EMPTY)
  }

  return (
    <div id={ID} class="card admin-form">
      <form aria-labelledby={`${ID}-title`} aria-busy={action.busy} onSubmit={submit}>
        <h3 id={`${ID}-title`}>{at('agents.add')}</h3>
        <Field id={`${ID}-email`} label={at('field.email')} error={action.errors.email}>
          <input
            type="email"
            required
            autoComplete="off"
            value={form.email}
            onInput={text('email')}
          />
        </Field>
        <Field id={`${ID}-name`} label={at('field.name')} error={action.errors.name}>
          <input required autoComplete="off" value={form.name} onInput={text('name')} />
        </Field>
        <Field id={`${ID}-role`} label={at('field.role')} error={action.errors.role}>
          <RoleSelect value={form.role} onChange={(role) => set({ role })} />
        </Field>
        <ProjectChoice
          id={`${ID}-projects`}
          selected={form.projects}
          onChange={(projects) => set({ projects })}
          error={action.errors.projects}
        />
        <fieldset class="choices">
          <legend>{at('field.access')}</legend>
          {(['link', 'password'] as const).map((access) => (
            <label key={access} class="choice">
              <input
                type="radio"
                name={`${ID}-access`}
                value={access}
                checked={form.access === access}
                onChange={() => set({ access })}
              />
              {at(`access.${access}`)}
            </label>
          ))}
        </fieldset>
        {form.access === 'password' && (
          <Field
            id={`${ID}-password`}
            label={at('field.password')}
            hint={t('password.hint')}
            error={action.errors.password}
          >
            <input
              type="password"
              required
              minLength={MIN_PASSWORD}
              autoComplete="new-password"
              value={form.password}
              onInput={text('password')}
            />
          </Field>
        )}
        <div class="actions">
          <button type="submit" class="primary" aria-disabled={action.busy}>
            {at('agents.create')}
          </button>
          <button type="button" class="ghost" onClick={onClose}>
            {at('cancel')}
          </button>
        </div>
      </form>
      <FormStatus action={action} />
      {created?.invite && (
        <OnceSecret
          id={`${ID}-link`}
          label={at('link.label', { name: created.agent.name })}
          value={created.invite.url}
          note={at('link.note', { name: created.agent.name })}
          copyTitle={at('link.copy')}
          expiresAt={created.invite.expiresAt}
        />
      )}
    </div>
  )
}
