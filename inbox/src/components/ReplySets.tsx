import type { AgentTicket, Priority, ReplyStatus } from '@snagbox/sdk/contract'
import { editDraft, type Draft } from '../composer-draft.js'
import { PRIORITY_CHOICES } from '../filters.js'
import { label } from '../i18n/index.js'
import { tt } from '../ticket-i18n/index.js'
import { Choice } from './Choice.js'

const backToText = () =>
  requestAnimationFrame(() => document.getElementById('composer-body')?.focus())

/**
 * What a reply sets besides its text, shown before it is sent and changeable there: the status
 * it leaves the ticket in and the priority (chosen with `e`, or brought by a saved reply).
 */
export function ReplySets(props: {
  data: AgentTicket
  draftKey: string
  draft: Draft
  statuses: readonly ReplyStatus[]
  canPrioritize: boolean
}) {
  const { data, draft } = props
  const status = draft.status && props.statuses.includes(draft.status) ? draft.status : ''
  const priority = props.canPrioritize ? (draft.priority ?? '') : ''
  if (!status && !priority) return null
  const choose = (change: Partial<Draft>) => {
    editDraft(props.draftKey, change)
    // Nothing left to set, the row goes away: the keyboard goes back to the text.
    const after = { ...draft, ...change }
    if (!after.status && !after.priority) backToText()
  }
  return (
    <p class="composer-sets" data-sets>
      <Choice
        id="composer-status"
        title={tt('composer.statusAfter')}
        value={status}
        any={tt('composer.statusKept', { status: label('status', data.status) })}
        choices={props.statuses}
        prefix="status"
        onChange={(v) => choose({ status: (v || undefined) as ReplyStatus | undefined })}
      />
      {props.canPrioritize && (
        <Choice
          id="composer-priority"
          title={tt('composer.priority')}
          value={priority}
          any={tt('composer.priorityKept', { priority: label('priority', data.priority) })}
          choices={PRIORITY_CHOICES}
          prefix="priority"
          onChange={(v) => choose({ priority: (v || undefined) as Priority | undefined })}
        />
      )}
    </p>
  )
}
