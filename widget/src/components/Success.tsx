import { useWidget } from '../widget-context.js'

/**
 * After sending: the reference and the status page, or an honest "saved, not sent yet" — which
 * turns into the reference once the outbox delivers the report, or into why it was refused.
 */
export function Success() {
  const { state, t } = useWidget()
  const outcome = state.outcome.value
  if (!outcome || outcome.kind === 'error') return null
  return (
    <div class="done" role="status">
      <div
        class={outcome.kind === 'sent' ? 'done__badge' : `done__badge done__badge--${outcome.kind}`}
        aria-hidden="true"
      >
        <svg viewBox="0 0 24 24">
          {outcome.kind === 'sent' ? (
            <path d="M5 12.5l4.5 4.5L19 7.5" />
          ) : outcome.kind === 'refused' ? (
            <path d="M12 6v8M12 17.5v.5" />
          ) : (
            <path d="M12 7v5l3 3M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18z" />
          )}
        </svg>
      </div>
      <h2 id="snagbox-title-done" class="title">
        {t(
          outcome.kind === 'sent'
            ? 'sentTitle'
            : outcome.kind === 'refused'
              ? 'refusedTitle'
              : 'queuedTitle',
        )}
      </h2>
      {outcome.kind === 'sent' ? (
        <>
          <p class="done__label">{t('sentReference')}</p>
          <p class="done__reference">{outcome.reference}</p>
          <p class="hint">{t('sentKeep')}</p>
          {outcome.mailTo && <p class="hint">{t('sentMailTo', { address: outcome.mailTo })}</p>}
          <a class="done__link" href={outcome.statusUrl} target="_blank" rel="noopener noreferrer">
            {t('sentStatus')}
          </a>
        </>
      ) : outcome.kind === 'refused' ? (
        <p class="done__text">{outcome.message}</p>
      ) : (
        <p class="done__text">{outcome.persisted ? t('queuedText') : t('queuedTextVolatile')}</p>
      )}
      <div class="actions">
        <button type="button" class="button button--primary" data-autofocus onClick={state.close}>
          {t('done')}
        </button>
      </div>
    </div>
  )
}
