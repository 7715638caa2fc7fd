import { useEffect } from 'preact/hooks'
import { loadAgents } from '../agent-list.js'
import { filterAgents, type Person } from '../assignees.js'
import { ASSIGNEE_CHOICES } from '../filters.js'
import { label, t } from '../i18n/index.js'
import { agents, me } from '../state.js'

/** The queue's assignee filter: anyone, me, nobody, or one of the other agents by name. */
export function AssigneeFilter({
  value,
  onChange,
}: {
  value: string
  onChange: (v: string) => void
}) {
  useEffect(() => void loadAgents(), [])
  const selfId = me.value?.id ?? ''
  // The signed-in agent's own id in a shared link means "me" here.
  const current = value && value === selfId ? 'me' : value
  const others = filterAgents(agents.value, selfId, current)
  return (
    <label class="filter" for="f-assignee">
      <span>{t('filter.assignee')}</span>
      <select
        id="f-assignee"
        value={current}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{t('filter.any')}</option>
        <AssigneeChoices others={others} />
      </select>
    </label>
  )
}

/** An assignee's choices: me, nobody, then the other agents by name (values `me`, `none`, ids). */
export function AssigneeChoices({ others }: { others: readonly Person[] }) {
  return (
    <>
      {ASSIGNEE_CHOICES.map((c) => (
        <option key={c} value={c}>
          {label('assignee', c)}
        </option>
      ))}
      {others.length > 0 && (
        <optgroup label={t('filter.agents')}>
          {others.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </optgroup>
      )}
    </>
  )
}
