import { cloneElement, type ComponentChildren, type VNode } from 'preact'

/**
 * A labelled input with its hint and the server's message about it, tied to it for screen
 * readers: the input (the one child) gets the id, `aria-invalid` and `aria-describedby`.
 */
export function Field(props: {
  id: string
  label: string
  hint?: string
  error?: string | undefined
  children: VNode
}) {
  const { id, hint, error } = props
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {cloneElement(props.children, {
        id,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  )
}

export const FieldError = ({ id, children }: { id: string; children: ComponentChildren }) => (
  <p id={id} class="field-error">
    {children}
  </p>
)
