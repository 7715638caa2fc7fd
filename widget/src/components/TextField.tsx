import type { Signal } from '@preact/signals'

interface Props {
  id: string
  label: string
  value: Signal<string>
  error?: string
  hint?: string
  multiline?: boolean
  /** The longest text the server takes for this field (the contract's limit). */
  maxLength?: number
  type?: 'text' | 'email' | 'tel'
  autoComplete?: string
  required?: boolean
  autofocus?: boolean
}

/** A labelled input or textarea whose hint and error are tied to it for screen readers. */
export function TextField({
  id,
  label,
  value,
  error,
  hint,
  multiline,
  maxLength,
  type = 'text',
  autoComplete,
  required,
  autofocus,
}: Props) {
  const described =
    [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    name: id,
    class: 'input',
    value: value.value,
    maxLength,
    required,
    'aria-required': required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    'data-autofocus': autofocus ? '' : undefined,
    onInput: (event: Event) => (value.value = (event.currentTarget as HTMLInputElement).value),
  }
  return (
    <div class={multiline ? 'field field--wide' : 'field'}>
      <label for={id} class="label">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={5} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} />
      )}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
    </div>
  )
}
