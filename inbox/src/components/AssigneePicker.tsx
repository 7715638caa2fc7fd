import { useEffect } from 'preact/hooks'
import type { AgentTicket } from '@snagbox/sdk/contract'
import { loadAgents } from '../agent-list.js'
import { can } from '../allowed.js'
import { assigneeIdFor, pickerAgents } from '../assignees.js'
import { t } from '../i18n/index.js'
import { agents, api, busy, me, pendingAssignee, type At } from '../state.js'
import { write } from '../ticket-actions.js'
import { ConfirmSelect } from './ConfirmSelect.js'

/**
 * Writes who works on the open ticket (`''` for nobody), chosen on `basis`, told `at` the action
 * used.
 */
export function assign(to: string, at?: At, basis?: number) {
  const self = me.value!
  const name = to === self.id ? self.name : agents.value?.find((a) => a.id === to)?.name
  return write(
    (ref, etag) => api.patch(ref, { assigneeId: assigneeIdFor(to, self.id) }, etag),
    to ? t('control.assignedTo', { name: name ?? '' }) : t('control.unassigned'),
    at,
    basis,
  )
}

/**
 * Who works on the ticket: every agent (the signed-in one first) or nobody. Choosing only
 * selects; the button writes it, with the version the agent saw (If-Match), and so does a reply
 * or note sent while the choice is pending: a pick is never dropped silently.
 */
export function AssigneePicker({ data }: { data: AgentTicket }) {
  const self = me.value!
  const current = data.assignee?.id ?? ''
  useEffect(() => void loadAgents(), [data.id])
  const allowed = data.allowedActions
  const options = pickerAgents(agents.value, self, data.assignee)
  return (
    <ConfirmSelect
      id="c-assignee"
      title={t('control.assignee')}
      current={current}
      enabled={can(allowed, 'assign')}
      save={(to, basis) => assign(to, 'side', basis)}
      pick={pendingAssignee}
      confirm={(choice) => (choice ? t('control.assign') : t('control.unassign'))}
      idle={(commit) =>
        current !== self.id &&
        can(allowed, 'take') && (
          <button
            type="button"
            class="secondary small"
            disabled={busy.value}
            onClick={() => commit(self.id)}
          >
            {t('control.take')}
          </button>
        )
      }
    >
      {options.map((a) => (
        <option key={a.id} value={a.id}>
          {a.id === self.id ? t('assignee.self', { name: a.name }) : a.name}
        </option>
      ))}
      <option value="">{t('assignee.unassigned')}</option>
    </ConfirmSelect>
  )
}
