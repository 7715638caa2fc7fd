import type { AdminAgent } from '@snagbox/sdk/contract'
import { useState } from 'preact/hooks'
import { NotificationFields } from '../components/NotificationFields.js'
import { api, me } from '../state.js'
import { agentList } from './admin-lists.js'
import { agentChanges } from './bodies.js'
import { Field } from './Field.js'
import { FormStatus } from './FormStatus.js'
import { at } from './i18n.js'
import { ProjectChoice } from './ProjectChoice.js'
import { RoleSelect } from './RoleSelect.js'
import { useAction } from './use-action.js'

const FIELDS = ['name', 'role', 'projects', 'notifications'] as const

/** An agent's name, role, projects and the e-mails it gets; saves only what changed. */
export function AgentEditForm({ agent }: { agent: AdminAgent }) {
  const id = `agent-${agent.id}`
  const [form, setForm] = useState({
    name: agent.name,
    role: agent.role,
    projects: agent.projects,
    notifications: agent.notifications,
  })
  const action = useAction(id, FIELDS)

  const submit = async (e: Event) => {
    e.preventDefault()
    const changes = agentChanges(agent, form)
    if (!Object.keys(changes).length) {
      await action.run(
        async () => null,
        () => at('edit.nothing'),
      )
      return
    }
    const updated = await action.run(
      () => api.updateAgent(agent.id, changes),
      () => at('edit.saved'),
    )
    if (!updated) return
    agentList.put(updated)
    // Your own name, role or e-mails, changed here: the header (and its settings) follow.
    const self = me.value
    if (self && self.id === updated.id)
      me.value = {
        ...self,
        name: updated.name,
        role: updated.role,
        notifications: updated.notifications,
      }
  }

  return (
    <div class="admin-part">
      <form aria-labelledby={`${id}-edit`} aria-busy={action.busy} onSubmit={submit}>
        <h3 id={`${id}-edit`}>{at('edit.title')}</h3>
        <Field id={`${id}-name`} label={at('field.name')} error={action.errors.name}>
          <input
            required
            value={form.name}
            onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
        </Field>
        <Field id={`${id}-role`} label={at('field.role')} error={action.errors.role}>
          <RoleSelect value={form.role} onChange={(role) => setForm({ ...form, role })} />
        </Field>
        <ProjectChoice
          id={`${id}-projects`}
          selected={form.projects}
          onChange={(projects) => setForm({ ...form, projects })}
          error={action.errors.projects}
        />
        <NotificationFields
          id={`${id}-notifications`}
          labels={{ newTickets: at('field.notifyNew'), activity: at('field.notifyActivity') }}
          value={form.notifications}
          onChange={(notifications) => setForm({ ...form, notifications })}
          error={action.errors.notifications}
        />
        <div class="actions">
          <button type="submit" class="primary" aria-disabled={action.busy}>
            {at('save')}
          </button>
        </div>
      </form>
      <FormStatus action={action} />
    </div>
  )
}
