import { entryText } from '@snagbox/sdk/contract'
import type { TimelineEntry } from '@snagbox/sdk'
import { useWidget } from '../widget-context.js'
import { AskReason } from './AskReason.js'
import { useRequests } from './context.js'
import { By } from './Timeline.js'

interface Props {
  /** The reply that gave the solution (the last one, if support gave it more than once). */
  solution: TimelineEntry | undefined
  canDisagree: boolean
  /** The reporter said it does not work: the reason is asked in place of the buttons. */
  disagreeing: boolean
  /** An action is on its way: the buttons take no second click. */
  busy: boolean
  onConfirm(): void
  onDisagree(): void
  onReopen(reason: string): Promise<boolean>
  onCancel(): void
}

/** The solution support gave, beside "Yes, close the request" and "No, it does not". */
export function Solution({
  solution,
  canDisagree,
  disagreeing,
  busy,
  onConfirm,
  onDisagree,
  onReopen,
  onCancel,
}: Props) {
  const { t } = useWidget()
  const { rt } = useRequests()
  return (
    <section class="solution" aria-labelledby="snagbox-solution">
      <h3 id="snagbox-solution" class="solution__title">
        {rt('solution')}
      </h3>
      {solution && (
        <>
          <By entry={solution} />
          <blockquote class="solution__text">{entryText(solution)}</blockquote>
        </>
      )}
      {disagreeing ? (
        <AskReason
          id="snagbox-reason"
          label={rt('disagreeReason')}
          required
          yes={rt('disagreeSend')}
          no={t('cancel')}
          onSend={onReopen}
          onCancel={onCancel}
        />
      ) : (
        <>
          <p class="solution__ask">{rt('solutionAsk')}</p>
          <div class="actions actions--start">
            <button
              type="button"
              class="button button--primary"
              aria-disabled={busy}
              onClick={() => !busy && onConfirm()}
            >
              {rt('confirm')}
            </button>
            {canDisagree && (
              <button type="button" class="button" data-ask="disagree" onClick={onDisagree}>
                {rt('disagree')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  )
}
