import type { AdminProject } from '@snagbox/sdk/contract'
import { useEffect, useState } from 'preact/hooks'
import { CopyButton } from '../components/CopyButton.js'
import { label } from '../i18n/index.js'
import { projectList } from './admin-lists.js'
import { at } from './i18n.js'
import { AdminTable } from './AdminTable.js'
import { ProjectForm } from './ProjectForm.js'
import { projectMailText, workingDaysText } from './project-text.js'

const Lines = ({ lines }: { lines: readonly string[] }) => (
  <>
    {lines.map((line, i) => (
      <span key={i} class="cell-line">
        {line}
      </span>
    ))}
  </>
)

/** Every project's settings, a form for a new one and, per project, its edit form. */
export function ProjectsView() {
  // The form open above the table: a new project's, or the settings of the project of this id.
  const [open, setOpen] = useState<string | null>(null)
  useEffect(() => void projectList.load(), [])
  const { items, error } = projectList.state.value
  const editing = items?.find((project) => project.id === open)
  // The form is above the table: focus goes into it, and back to its button when it closes.
  const show = (next: string, field: string) => {
    setOpen(next)
    requestAnimationFrame(() => document.getElementById(field)?.focus())
  }
  const close = (button: string) => {
    setOpen(null)
    requestAnimationFrame(() => document.getElementById(button)?.focus())
  }

  return (
    <section aria-labelledby="projects-title">
      <div class="admin-head">
        <h2 id="projects-title">{at('projects.title')}</h2>
        <button
          type="button"
          id="project-add"
          class={open === 'new' ? 'secondary pressed' : 'primary'}
          aria-expanded={open === 'new'}
          aria-controls="project-new"
          onClick={() => (open === 'new' ? close('project-add') : show('new', 'project-new-name'))}
        >
          {at('projects.new')}
        </button>
      </div>
      {open === 'new' && (
        <div id="project-new" class="card admin-form">
          <ProjectForm onCancel={() => close('project-add')} />
        </div>
      )}
      {editing && (
        <div id={`project-panel-${editing.id}`} class="card admin-form">
          <ProjectForm
            key={editing.id}
            project={editing}
            onCancel={() => close(`project-edit-${editing.id}`)}
          />
        </div>
      )}
      <AdminTable
        kind="projects"
        columns={[
          'col.project',
          'col.key',
          'col.origins',
          'col.workingDays',
          'col.massPriority',
          'col.mail',
        ]}
        items={items}
        error={error}
        empty="projects.empty"
      >
        {(items) =>
          items.map((project) => (
            <ProjectRow
              key={project.id}
              project={project}
              open={open === project.id}
              onToggle={() =>
                open === project.id
                  ? close(`project-edit-${project.id}`)
                  : show(project.id, `project-${project.id}-name`)
              }
            />
          ))
        }
      </AdminTable>
    </section>
  )
}

function ProjectRow(props: { project: AdminProject; open: boolean; onToggle: () => void }) {
  const { project, open } = props
  return (
    <tr data-prefix={project.prefix}>
      <td class="wrap narrow">
        <span class="cell-line">{project.name}</span>
        <span class="cell-line mono muted">{project.prefix}</span>
      </td>
      <td>
        <span class="key">
          <code class="mono" title={project.key}>
            {project.key}
          </code>
          <CopyButton text={project.key} title={at('projects.copyKey', { name: project.name })} />
        </span>
      </td>
      <td class="wrap origins">
        {project.allowedOrigins.length
          ? project.allowedOrigins.map((origin) => (
              <span key={origin} class="cell-line">
                {origin}
              </span>
            ))
          : '—'}
      </td>
      <td class="wrap" title={project.holidays.join(', ') || undefined}>
        <Lines lines={workingDaysText(project)} />
      </td>
      <td class="wrap narrow">{label('priority', project.massIncidentPriority)}</td>
      <td class="wrap origins">
        <Lines lines={projectMailText(project)} />
      </td>
      <td class="row-actions">
        <button
          type="button"
          id={`project-edit-${project.id}`}
          class={open ? 'secondary small pressed' : 'secondary small'}
          aria-expanded={open}
          aria-controls={`project-panel-${project.id}`}
          aria-label={at('projects.editLabel', { name: project.name })}
          onClick={props.onToggle}
        >
          {at('projects.edit')}
        </button>
      </td>
    </tr>
  )
}
