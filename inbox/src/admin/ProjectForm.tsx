import { PRIORITIES, type AdminProject, type Priority } from '@snagbox/sdk/contract'
import { useState } from 'preact/hooks'
import { CopyButton } from '../components/CopyButton.js'
import { label } from '../i18n/index.js'
import { api } from '../state.js'
import { projectList } from './admin-lists.js'
import {
  keepsMaskedPassword,
  NEW_PROJECT,
  newProjectBody,
  projectChanges,
  projectForm,
  type ProjectForm as Form,
} from './bodies.js'
import { Field } from './Field.js'
import { FormStatus } from './FormStatus.js'
import { at } from './i18n.js'
import { inputProblem } from './problems.js'
import { useAction } from './use-action.js'

const FIELDS = [
  'name',
  'prefix',
  'origins',
  'autoCloseDays',
  'timeZone',
  'holidays',
  'massIncidentPriority',
  'mailFrom',
  'imapUrl',
] as const

let zones: string[] | undefined
/** The browser's time zones for the field's suggestions; UTC first. None in an older browser. */
function timeZones(): string[] {
  if (!zones) {
    const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] }
    const all = intl.supportedValuesOf?.('timeZone') ?? []
    zones = ['UTC', ...all.filter((zone) => zone !== 'UTC')]
  }
  return zones
}

/** A new project's settings, or an existing one's (its prefix and key can't change). */
export function ProjectForm({
  project,
  onCancel,
}: {
  project?: AdminProject
  onCancel: () => void
}) {
  const id = project ? `project-${project.id}` : 'project-new'
  const [form, setForm] = useState<Form>(project ? projectForm(project) : NEW_PROJECT)
  const action = useAction(id, FIELDS)
  const text = (key: keyof Form) => (e: Event) =>
    setForm((before) => ({ ...before, [key]: (e.currentTarget as HTMLInputElement).value }))

  const submit = async (e: Event) => {
    e.preventDefault()
    if (keepsMaskedPassword(project, form))
      return action.fail(inputProblem('imapUrl', at('field.imapUrlMasked')))
    if (!project) {
      const created = await action.run(
        () => api.createProject(newProjectBody(form)),
        (p) => at('projects.created', { name: p.name, prefix: p.prefix }),
      )
      if (created) {
        projectList.put(created)
        setForm(NEW_PROJECT)
      }
      return
    }
    const changes = projectChanges(project, form)
    if (!Object.keys(changes).length) {
      await action.run(
        async () => null,
        () => at('edit.nothing'),
      )
      return
    }
    const saved = await action.run(
      () => api.updateProject(project.prefix, changes),
      (p) => at('projects.saved', { name: p.name }),
    )
    if (saved) projectList.put(saved)
  }

  return (
    <>
      <form aria-labelledby={`${id}-title`} aria-busy={action.busy} onSubmit={submit}>
        <h3 id={`${id}-title`}>
          {project ? at('projects.editTitle', { name: project.name }) : at('projects.new')}
        </h3>
        <div class="field-row">
          <Field id={`${id}-name`} label={at('field.name')} error={action.errors.name}>
            <input required value={form.name} onInput={text('name')} />
          </Field>
          <Field
            id={`${id}-prefix`}
            label={at('field.prefix')}
            hint={project ? undefined : at('field.prefixHint')}
            error={action.errors.prefix}
          >
            <input
              class="mono"
              required
              readOnly={!!project}
              autoComplete="off"
              value={form.prefix}
              onInput={(e) => setForm({ ...form, prefix: e.currentTarget.value.toUpperCase() })}
            />
          </Field>
          {project && (
            <div class="field">
              <label for={`${id}-key`}>{at('field.key')}</label>
              <span class="key">
                <input id={`${id}-key`} class="mono" readOnly value={project.key} />
                <CopyButton
                  text={project.key}
                  title={at('projects.copyKey', { name: project.name })}
                />
              </span>
            </div>
          )}
        </div>
        <Field
          id={`${id}-origins`}
          label={at('field.origins')}
          hint={at('field.originsHint')}
          error={action.errors.origins}
        >
          <textarea rows={3} class="mono" value={form.origins} onInput={text('origins')} />
        </Field>
        <div class="field-row">
          <Field
            id={`${id}-autoCloseDays`}
            label={at('field.autoCloseDays')}
            hint={at('field.autoCloseDaysHint')}
            error={action.errors.autoCloseDays}
          >
            <input
              type="number"
              min={0}
              step={1}
              required
              value={form.autoCloseDays}
              onInput={text('autoCloseDays')}
            />
          </Field>
          <Field
            id={`${id}-timeZone`}
            label={at('field.timeZone')}
            hint={at('field.timeZoneHint')}
            error={action.errors.timeZone}
          >
            <input
              list={`${id}-zones`}
              autoComplete="off"
              spellcheck={false}
              value={form.timeZone}
              onInput={text('timeZone')}
            />
          </Field>
          <datalist id={`${id}-zones`}>
            {timeZones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <Field
            id={`${id}-massIncidentPriority`}
            label={at('field.massIncidentPriority')}
            hint={at('field.massIncidentPriorityHint')}
            error={action.errors.massIncidentPriority}
          >
            <select
              value={form.massIncidentPriority}
              onChange={(e) =>
                setForm({ ...form, massIncidentPriority: e.currentTarget.value as Priority })
              }
            >
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {label('priority', priority)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field
          id={`${id}-holidays`}
          label={at('field.holidays')}
          hint={at('field.holidaysHint')}
          error={action.errors.holidays}
        >
          <textarea
            rows={3}
            class="mono"
            placeholder="2026-01-01"
            value={form.holidays}
            onInput={text('holidays')}
          />
        </Field>
        <div class="field-row">
          <Field
            id={`${id}-mailFrom`}
            label={at('field.mailFrom')}
            hint={at('field.mailFromHint')}
            error={action.errors.mailFrom}
          >
            <input
              autoComplete="off"
              spellcheck={false}
              placeholder={'"Kvant support" <support@kvant.example>'}
              value={form.mailFrom}
              onInput={text('mailFrom')}
            />
          </Field>
          <Field
            id={`${id}-imapUrl`}
            label={at('field.imapUrl')}
            hint={at(project?.imapUrl ? 'field.imapUrlKept' : 'field.imapUrlHint')}
            error={action.errors.imapUrl}
          >
            <input
              class="mono"
              autoComplete="off"
              spellcheck={false}
              placeholder="imaps://user:password@imap.example.com/INBOX"
              value={form.imapUrl}
              onInput={text('imapUrl')}
            />
          </Field>
        </div>
        <div class="actions">
          <button type="submit" class="primary" aria-disabled={action.busy}>
            {project ? at('save') : at('projects.create')}
          </button>
          <button type="button" class="ghost" onClick={onCancel}>
            {project ? at('close') : at('cancel')}
          </button>
        </div>
      </form>
      <FormStatus action={action} />
    </>
  )
}
