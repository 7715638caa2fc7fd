import { label } from '../i18n/index.js'

/**
 * A labelled list of the choices of an API value, each in words (`label(prefix, value)`), with
 * `any` first when the choice may be left open (a filter).
 */
export function Choice(props: {
  id: string
  title: string
  value: string
  any?: string
  choices: readonly string[]
  prefix: string
  onChange: (v: string) => void
}) {
  return (
    <label class="filter" for={props.id}>
      <span>{props.title}</span>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.any !== undefined && <option value="">{props.any}</option>}
        {props.choices.map((c) => (
          <option key={c} value={c}>
            {label(props.prefix, c)}
          </option>
        ))}
      </select>
    </label>
  )
}
