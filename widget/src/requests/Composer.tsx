import { FREE_TEXT_CHARS } from '@snagbox/sdk/contract'
import { useWidget } from '../widget-context.js'
import { useRequests } from './context.js'
import { useTextForm } from './use-text-form.js'

/**
 * The reporter's answer to support's question, or a comment on the open request (Ctrl+Enter
 * sends). The text stays until it has been sent, also when the reporter leaves the request.
 */
export function Composer({
  reference,
  asked,
  onSend,
}: {
  /** The request answered: what is typed is kept for it, also when the reporter goes back. */
  reference: string
  /** Support asked a question: this is the answer. */
  asked: boolean
  /** Sends it; `false` when it failed. */
  onSend(body: string): Promise<boolean>
}) {
  const { t } = useWidget()
  const { rt, conversation } = useRequests()
  const { text, missing, sending, onInput, send } = useTextForm(true, onSend, {
    text: conversation.drafts.get(reference) ?? '',
    keep: (draft) => conversation.drafts.set(reference, draft),
  })
  return (
    <form
      class="composer"
      noValidate
      onSubmit={send}
      onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && send(e)}
    >
      <label for="snagbox-answer" class="label">
        {asked ? rt('answer') : rt('comment')}
      </label>
      <div class="composer__row">
        <textarea
          id="snagbox-answer"
          class="input"
          rows={2}
          maxLength={FREE_TEXT_CHARS}
          value={text}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? 'snagbox-answer-error' : undefined}
          onInput={onInput}
        />
        <button type="submit" class="button button--primary" aria-disabled={sending}>
          {sending ? t('sending') : t('send')}
        </button>
      </div>
      {missing && (
        <p id="snagbox-answer-error" class="error" role="alert">
          {rt('textRequired')}
        </p>
      )}
    </form>
  )
}
