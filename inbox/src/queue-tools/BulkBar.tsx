import { useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import { asProblem, type BulkBody } from '../api.js'
import { filterAgents } from '../assignees.js'
import { CATEGORY_CHOICES, PRIORITY_CHOICES } from '../filters.js'
import { AssigneeChoices } from '../components/AssigneeFilter.js'
import { Choice } from '../components/Choice.js'
import { problemNotice } from '../problem-notice.js'
import { checked, pickedShown } from '../selection.js'
import { agents, api, me, notice } from '../state.js'
import { bulkBusy, runBulk } from './bulk-run.js'
import type { BulkWhat } from './bulk-text.js'
import { t } from '../i18n/index.js'
import { qt } from './i18n.js'

const ACTIONS = ['assign', 'priority', 'category', 'parent', 'duplicate'] as const
type Action = (typeof ACTIONS)[number]

/** A field of the bar: its label above it, as in the filters. */
function Field(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <label class="filter" for={props.id}>
      <span>{props.title}</span>
      {props.children}
    </label>
  )
}

const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value

/**
 * What to do with the checked tickets: assign, set priority or category, link to a mass incident,
 * close as a duplicate — one request, each ticket under the lifecycle on its own.
 */
export function BulkBar() {
  const references = pickedShown()
  const [action, setAction] = useState<Action>('assign')
  const [assignee, setAssignee] = useState('me')
  const [priority, setPriority] = useState('high')
  const [category, setCategory] = useState('incident')
  const [target, setTarget] = useState('')
  const [comment, setComment] = useState('')
  const others = filterAgents(agents.value, me.value?.id ?? '', '')
  const refuse = (text: string) => void (notice.value = { kind: 'error', text, at: 'bulk' })

  /** The ticket a link points to, looked up once here rather than refused for every row. */
  async function linkTarget(): Promise<string | null> {
    const ref = target.trim()
    let why = qt('bulk.needRef')
    if (ref) {
      try {
        const { data } = await api.ticket(ref)
        if (action === 'duplicate' || data.category === 'mass_incident') return data.reference
        why = qt('bulk.notMass', { ref: data.reference })
      } catch (error) {
        const problem = asProblem(error)
        if (problem.status !== 404) {
          notice.value = problemNotice(problem, 'bulk')
          return null
        }
        why = qt('bulk.noTicket', { ref })
      }
    }
    refuse(why)
    return null
  }

  async function submit(e: Event) {
    e.preventDefault()
    if (bulkBusy.value) return
    let change: Omit<BulkBody, 'references'>
    let what: BulkWhat = action
    if (action === 'assign') {
      change = { assigneeId: assignee === 'none' ? null : assignee }
      if (assignee === 'none') what = 'unassign'
    } else if (action === 'priority') change = { priority: priority as BulkBody['priority'] }
    else if (action === 'category') change = { category }
    else {
      if (action === 'duplicate' && !comment.trim()) return void refuse(qt('bulk.needComment'))
      const ref = await linkTarget()
      if (!ref) return
      change = action === 'parent' ? { parent: ref } : { duplicateOf: ref, comment: comment.trim() }
    }
    await runBulk(change, references, what)
  }

  return (
    <form class="bulk-bar" aria-labelledby="bulk-title" onSubmit={submit}>
      <h2 id="bulk-title" class="sr-only">
        {qt('bulk.title')}
      </h2>
      {/* Said by the queue's own status line, there before the bar. */}
      <strong class="bulk-count" aria-hidden="true">
        {t('select.count', { n: references.length })}
      </strong>
      <Field id="bulk-action" title={qt('bulk.action')}>
        <select id="bulk-action" value={action} onChange={(e) => setAction(value(e) as Action)}>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {qt(`bulk.do.${a}`)}
            </option>
          ))}
        </select>
      </Field>
      {action === 'assign' && (
        <Field id="bulk-assignee" title={qt('bulk.assignTo')}>
          <select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(value(e))}>
            <AssigneeChoices others={others} />
          </select>
        </Field>
      )}
      {action === 'priority' && (
        <Choice
          id="bulk-priority"
          title={qt('bulk.newPriority')}
          prefix="priority"
          choices={PRIORITY_CHOICES}
          value={priority}
          onChange={setPriority}
        />
      )}
      {action === 'category' && (
        <Choice
          id="bulk-category"
          title={qt('bulk.newCategory')}
          prefix="category"
          choices={CATEGORY_CHOICES}
          value={category}
          onChange={setCategory}
        />
      )}
      {(action === 'parent' || action === 'duplicate') && (
        <Field
          id="bulk-target"
          title={qt(action === 'parent' ? 'bulk.parentRef' : 'bulk.duplicateOf')}
        >
          <input
            id="bulk-target"
            class="ref-input"
            value={target}
            autoComplete="off"
            onInput={(e) => setTarget(value(e))}
          />
        </Field>
      )}
      {action === 'duplicate' && (
        <Field id="bulk-comment" title={qt('bulk.comment')}>
          <input id="bulk-comment" value={comment} onInput={(e) => setComment(value(e))} />
        </Field>
      )}
      <button type="submit" class="primary" disabled={bulkBusy.value || !references.length}>
        {qt('bulk.apply', { n: references.length })}
      </button>
      <button type="button" class="ghost" onClick={() => (checked.value = new Set())}>
        {qt('bulk.clear')}
      </button>
    </form>
  )
}
