import { useState } from 'preact/hooks'
import { can } from '../allowed.js'
import { CATEGORY_CHOICES, PRIORITY_CHOICES } from '../filters.js'
import { label, t } from '../i18n/index.js'
import { api, busy } from '../state.js'
import { write } from '../ticket-actions.js'
import type { Ticket } from '../types.js'
import { AssigneePicker } from './AssigneePicker.js'

function Select(props: { id: string; title: string; value: string; prefix: string; choices: readonly string[]; enabled: boolean; field: string }) {
  return (
    <div class="control">
      <label for={props.id}>{props.title}</label>
      <select
        id={props.id}
        value={props.value}
        disabled={!props.enabled || busy.value}
        onChange={(e) => {
          const value = (e.currentTarget as HTMLSelectElement).value
          void write((ref, etag) => api.patch(ref, { [props.field]: value }, etag))
        }}
      >
        {props.choices.map((c) => (
          <option key={c} value={c}>{label(props.prefix, c)}</option>
        ))}
      </select>
    </div>
  )
}

export function Controls({ data }: { data: Ticket }) {
  const allowed = data.allowedActions
  const [reason, setReason] = useState('')
  return (
    <section class="card controls" aria-labelledby="controls-title">
      <h2 id="controls-title" class="sr-only">{t('control.status')}</h2>
      <Select id="c-priority" field="priority" title={t('control.priority')} value={data.priority} prefix="priority"
        choices={PRIORITY_CHOICES} enabled={can(allowed, 'set_priority')} />
      <Select id="c-category" field="category" title={t('control.category')} value={data.category} prefix="category"
        choices={CATEGORY_CHOICES} enabled={can(allowed, 'set_category')} />
      <AssigneePicker data={data} />
      {can(allowed, 'reopen') && (
        <form class="control" onSubmit={(e) => {
          e.preventDefault()
          void write((ref, etag) => api.patch(ref, { status: 'in_progress', reason }, etag)).then((ok) => ok && setReason(''))
        }}>
          <label for="c-reopen">{t('control.reopenReason')}</label>
          <input id="c-reopen" value={reason} required onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit" class="secondary small" disabled={busy.value}>{t('control.reopen')}</button>
        </form>
      )}
    </section>
  )
}
