import { useState } from 'preact/hooks'
import {
  MACRO_VARIABLES,
  REPLY_STATUSES,
  type Macro,
  type Priority,
  type ReplyStatus,
} from '@snagbox/sdk/contract'
import { asProblem } from '../api.js'
import { PRIORITY_CHOICES } from '../filters.js'
import { Choice } from '../components/Choice.js'
import { t } from '../i18n/index.js'
import { problemNotice } from '../problem-notice.js'
import { me, type Notice } from '../state.js'
import { ticketApi, type MacroBody } from '../ticket-api.js'
import { tt } from '../ticket-i18n/index.js'

/** Where a saved reply may be kept: the agent's projects, and every project for an admin. */
function projectChoices(): { value: string; name: string }[] {
  const agent = me.value
  const own = (agent?.projects ?? []).map((p) => ({ value: p.prefix, name: p.name }))
  return agent?.role === 'admin' ? [{ value: '', name: tt('macros.everyProject') }, ...own] : own
}

/**
 * A saved reply's fields, new or to change: its name, its text with variables, the status and
 * priority it sets, and whose it is. The server's refusal (an unknown variable, named) is said
 * beside the button.
 */
export function MacroForm(props: {
  macro: Macro | null
  onSaved: (macro: Macro) => void
  onCancel: () => void
}) {
  const m = props.macro
  const projects = projectChoices()
  const [name, setName] = useState(m?.name ?? '')
  const [body, setBody] = useState(m?.body ?? '')
  const [status, setStatus] = useState<ReplyStatus | ''>(m?.status ?? '')
  const [priority, setPriority] = useState<Priority | ''>(m?.priority ?? '')
  const [project, setProject] = useState(m ? (m.project?.prefix ?? '') : (projects[0]?.value ?? ''))
  const [result, setResult] = useState<Notice | null>(null)
  const [busy, setBusy] = useState(false)
  const id = m?.id ?? 'new'

  const save = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setResult(null)
    const fields: MacroBody = {
      name,
      body,
      status: status || null,
      priority: priority || null,
      project: project || null,
    }
    try {
      props.onSaved(
        m ? await ticketApi.updateMacro(m.id, fields) : await ticketApi.createMacro(fields),
      )
    } catch (error) {
      setResult(problemNotice(asProblem(error)))
    } finally {
      setBusy(false)
    }
  }
  const field = (key: string) => `macro-${id}-${key}`

  return (
    <form class="macro-form" onSubmit={save} aria-busy={busy}>
      <label for={field('name')}>{tt('macros.name')}</label>
      <input
        id={field('name')}
        required
        maxLength={80}
        value={name}
        onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
      />
      <label for={field('body')}>{tt('macros.body')}</label>
      <textarea
        id={field('body')}
        required
        rows={6}
        value={body}
        aria-describedby={field('vars')}
        onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <p id={field('vars')} class="hint">
        {tt('macros.variables')} {MACRO_VARIABLES.map((v) => `{{${v}}}`).join(', ')}
      </p>
      <div class="macro-row">
        <Choice
          id={field('status')}
          title={tt('composer.statusAfter')}
          value={status}
          any={tt('macros.unchanged')}
          choices={REPLY_STATUSES}
          prefix="status"
          onChange={(v) => setStatus(v as ReplyStatus | '')}
        />
        <Choice
          id={field('priority')}
          title={t('control.priority')}
          value={priority}
          any={tt('macros.unchanged')}
          choices={PRIORITY_CHOICES}
          prefix="priority"
          onChange={(v) => setPriority(v as Priority | '')}
        />
        <label class="filter" for={field('project')}>
          <span>{tt('macros.project')}</span>
          <select
            id={field('project')}
            value={project}
            onChange={(e) => setProject((e.currentTarget as HTMLSelectElement).value)}
          >
            {projects.map((p) => (
              <option key={p.value} value={p.value}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {tt('macros.save')}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t('control.cancel')}
        </button>
      </div>
      <div aria-live="polite" class="notices">
        {result && (
          <p class={`notice notice-${result.kind}`} role="alert" data-notice={result.kind}>
            {result.text}
            {result.detail && <span class="detail">{result.detail}</span>}
          </p>
        )}
      </div>
    </form>
  )
}
