import { useState } from 'preact/hooks'
import type { AgentTicket } from '@snagbox/sdk/contract'
import { can } from '../allowed.js'
import { CATEGORY_CHOICES, PRIORITY_CHOICES } from '../filters.js'
import { label, t } from '../i18n/index.js'
import { api, busy } from '../state.js'
import { write } from '../ticket-actions.js'
import { AssigneePicker } from './AssigneePicker.js'
import { ConfirmSelect } from './ConfirmSelect.js'
import { NoticeLine } from './NoticeLine.js'

/** Priority or category: chosen, then set with the button, like the assignee. */
function Select(props: {
  id: string
  field: 'priority' | 'category'
  data: AgentTicket
  choices: readonly string[]
  enabled: boolean
}) {
  const { field } = props
  const title = t(`control.${field}`)
  return (
    <ConfirmSelect
      id={props.id}
      title={title}
      current={props.data[field]}
      enabled={props.enabled}
      confirm={() => t(`control.set.${field}`)}
      save={(value, basis) =>
        write(
          (ref, etag) => api.patch(ref, { [field]: value }, etag),
          t('control.changed', { field: title, value: label(field, value) }),
          'side',
          basis,
        )
      }
    >
      {props.choices.map((c) => (
        <option key={c} value={c}>
          {label(field, c)}
        </option>
      ))}
    </ConfirmSelect>
  )
}

export function Controls({ data }: { data: AgentTicket }) {
  const allowed = data.allowedActions
  const [reason, setReason] = useState('')
  return (
    <section class="card controls" aria-labelledby="controls-title">
      <h2 id="controls-title" class="sr-only">
        {t('control.status')}
      </h2>
      <Select
        id="c-priority"
        field="priority"
        data={data}
        choices={PRIORITY_CHOICES}
        enabled={can(allowed, 'set_priority')}
      />
      <Select
        id="c-category"
        field="category"
        data={data}
        choices={CATEGORY_CHOICES}
        enabled={can(allowed, 'set_category')}
      />
      <AssigneePicker data={data} />
      {can(allowed, 'reopen') && (
        <form
          class="control"
          onSubmit={(e) => {
            e.preventDefault()
            void write((ref, etag) => api.patch(ref, { status: 'in_progress', reason }, etag)).then(
              (ok) => ok && setReason(''),
            )
          }}
        >
          <label for="c-reopen">{t('control.reopenReason')}</label>
          <input
            id="c-reopen"
            value={reason}
            required
            onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="secondary small" disabled={busy.value}>
            {t('control.reopen')}
          </button>
        </form>
      )}
      <NoticeLine at="side" />
    </section>
  )
}
