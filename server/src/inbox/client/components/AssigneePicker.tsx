import { useEffect, useState } from 'preact/hooks'
import { loadAgents } from '../agent-list.js'
import { can } from '../allowed.js'
import { assigneeIdFor, pickerAgents } from '../assignees.js'
import { t } from '../i18n/index.js'
import { agents, api, busy, me } from '../state.js'
import { write } from '../ticket-actions.js'
import type { Ticket } from '../types.js'

/**
 * Who works on the ticket: every agent (the signed-in one first) or nobody. Choosing only
 * selects; the button writes it, with the version the agent saw (If-Match), so moving through
 * the list with the arrow keys doesn't reassign the ticket at every step.
 */
export function AssigneePicker({ data }: { data: Ticket }) {
  const self = me.value!
  const current = data.assignee?.id ?? ''
  // A choice holds for the version it was made on: once the ticket changes (saved, or changed
  // by someone else) the picker shows what the ticket says, in the same render.
  const [picked, setPicked] = useState<{ id: string; version: number } | null>(null)
  const choice = picked && picked.version === data.version ? picked.id : current
  const setChoice = (id: string) => setPicked({ id, version: data.version })
  useEffect(() => void loadAgents(), [data.id])
  const allowed = data.allowedActions
  const enabled = can(allowed, 'assign')
  const options = pickerAgents(agents.value, self, data.assignee)
  const pending = enabled && choice !== current
  const nameOf = (id: string) => options.find((a) => a.id === id)?.name ?? ''

  const assign = async (to: string) => {
    await write(
      (ref, etag) => api.patch(ref, { assigneeId: assigneeIdFor(to, self.id) }, etag),
      to ? t('control.assignedTo', { name: nameOf(to) }) : t('control.unassigned'),
    )
    // The button pressed is gone now; focus goes back to the picker, not to the page's start.
    requestAnimationFrame(() => document.getElementById('c-assignee')?.focus())
  }
  return (
    <form class="control" onSubmit={(e) => (e.preventDefault(), pending && void assign(choice))}>
      <label for="c-assignee">{t('control.assignee')}</label>
      <div class="assignee">
        <select id="c-assignee" value={choice} disabled={!enabled || busy.value}
          onChange={(e) => setChoice((e.currentTarget as HTMLSelectElement).value)}>
          {options.map((a) => (
            <option key={a.id} value={a.id}>
              {a.id === self.id ? t('assignee.self', { name: a.name }) : a.name}
            </option>
          ))}
          <option value="">{t('assignee.unassigned')}</option>
        </select>
        {pending ? (
          <>
            <button type="submit" class="primary small" disabled={busy.value}>
              {choice ? t('control.assign') : t('control.unassign')}
            </button>
            <button type="button" class="ghost small" onClick={() => setPicked(null)}>
              {t('control.cancel')}
            </button>
          </>
        ) : (
          current !== self.id && can(allowed, 'take') && (
            <button type="button" class="secondary small" disabled={busy.value}
              onClick={() => void assign(self.id)}>
              {t('control.take')}
            </button>
          )
        )}
      </div>
    </form>
  )
}
