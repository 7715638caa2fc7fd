import { projectList } from './admin-lists.js'
import { FieldError } from './Field.js'
import { at } from './i18n.js'

/** The projects an agent works in, as checkboxes of every project. */
export function ProjectChoice(props: {
  id: string
  selected: readonly string[]
  onChange: (prefixes: string[]) => void
  error?: string | undefined
}) {
  const { id, selected, error } = props
  const projects = projectList.state.value.items ?? []
  const toggle = (prefix: string, on: boolean) =>
    props.onChange(on ? [...selected, prefix] : selected.filter((p) => p !== prefix))
  return (
    <fieldset
      id={id}
      class="choices"
      aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')}
    >
      <legend>{at('field.projects')}</legend>
      {projects.map((project) => (
        <label key={project.prefix} class="choice">
          <input
            type="checkbox"
            value={project.prefix}
            checked={selected.includes(project.prefix)}
            onChange={(e) => toggle(project.prefix, e.currentTarget.checked)}
          />
          {project.prefix} <span class="muted">{project.name}</span>
        </label>
      ))}
      <p id={`${id}-hint`} class="hint">
        {projects.length ? at('field.projectsHint') : at('field.noProjects')}
      </p>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </fieldset>
  )
}
