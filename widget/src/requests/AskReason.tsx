import { FREE_TEXT_CHARS } from '@snagbox/sdk/contract'
import { useLayoutEffect, useRef } from 'preact/hooks'
import { useWidget } from '../widget-context.js'
import { useRequests } from './context.js'
import { useTextForm } from './use-text-form.js'

interface Props {
  id: string
  /** What is asked before the reason, if anything (`Withdraw DEMO-7?`). */
  question?: string
  label: string
  required?: boolean
  yes: string
  no: string
  danger?: boolean
  /** Sends it; `false` when it failed (the text stays). */
  onSend(reason: string): Promise<boolean>
  onCancel(): void
}

/**
 * A reason asked for in place, before an action that needs one (disagreeing, withdrawing): its
 * field gets the focus, Escape or `no` takes it back without leaving the dialog.
 */
export function AskReason({
  id,
  question,
  label,
  required,
  yes,
  no,
  danger,
  onSend,
  onCancel,
}: Props) {
  const { t } = useWidget()
  const { rt } = useRequests()
  const field = useRef<HTMLTextAreaElement>(null)
  const { text, missing, sending, onInput, send } = useTextForm(!!required, onSend)
  useLayoutEffect(() => field.current?.focus(), [])
  return (
    <form
      class="ask"
      noValidate
      onSubmit={send}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        event.stopPropagation()
        onCancel()
      }}
    >
      {question && <p id={`${id}-question`}>{question}</p>}
      <label for={id} class="label">
        {label}
      </label>
      <textarea
        ref={field}
        id={id}
        class="input"
        rows={3}
        maxLength={FREE_TEXT_CHARS}
        value={text}
        required={required}
        aria-required={required}
        aria-invalid={missing || undefined}
        aria-describedby={
          [question && `${id}-question`, missing && `${id}-error`].filter(Boolean).join(' ') ||
          undefined
        }
        onInput={onInput}
      />
      {missing && (
        <p id={`${id}-error`} class="error" role="alert">
          {rt('textRequired')}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button button--quiet" onClick={onCancel}>
          {no}
        </button>
        <button
          type="submit"
          class={danger ? 'button button--danger' : 'button button--primary'}
          aria-disabled={sending}
        >
          {sending ? t('sending') : yes}
        </button>
      </div>
    </form>
  )
}
