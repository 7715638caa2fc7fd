import { DEFAULT_LIMITS } from '@snagbox/sdk/contract'
import { useEffect, useRef } from 'preact/hooks'
import { useWidget } from '../widget-context.js'
import { CategoryField } from './CategoryField.js'
import { EnvironmentDetails } from './EnvironmentDetails.js'
import { prefetchParts, requestsView } from './parts.js'
import { ScreenshotField } from './ScreenshotField.js'
import { TextField } from './TextField.js'

/** The report form. Errors appear beside their fields and are announced; the draft is never lost. */
export function Form() {
  const { state, t, options } = useWidget()
  const form = useRef<HTMLFormElement>(null)
  const errors = state.errors.value
  const sending = state.sending.value
  const known = state.requests.value

  useEffect(prefetchParts, [])
  // After a failed send, the first field that needs attention gets the focus.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [errors])

  function onSubmit(event: Event) {
    event.preventDefault()
    void state.submit()
  }
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSubmit(event)
  }
  const onPaste = (event: ClipboardEvent) =>
    state.attachFrom(event.clipboardData) && event.preventDefault()

  return (
    <form
      ref={form}
      class="form"
      noValidate
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      aria-busy={sending}
    >
      <header class="form__header">
        <h2 id="snagbox-title-form" class="title">
          {t('title')}
        </h2>
        <p class="intro">{t('intro')}</p>
        <button
          type="button"
          class="link-button"
          onClick={state.showRequests}
          onPointerEnter={requestsView(options.lang).prefetch}
          onFocus={requestsView(options.lang).prefetch}
        >
          {known?.count ? t('myRequestsCount', { n: known.count }) : t('myRequests')}
          {!!known?.unread && (
            <>
              <span class="link-button__dot" aria-hidden="true" />
              <span class="visually-hidden">{t('myRequestsUnread', { n: known.unread })}</span>
            </>
          )}
        </button>
      </header>
      <div class="form__body">
        <CategoryField />
        <TextField
          id="description"
          label={t('description')}
          hint={t('descriptionHint')}
          value={state.description}
          error={errors.description}
          multiline
          maxLength={DEFAULT_LIMITS.descriptionChars}
          required
        />
        <div class="field field--wide">
          <label class="check">
            <input
              type="checkbox"
              name="blocking"
              checked={state.blocking.value}
              onChange={(e) => (state.blocking.value = e.currentTarget.checked)}
              aria-describedby="blocking-hint"
            />
            <span>{t('blocking')}</span>
          </label>
          <p id="blocking-hint" class="hint hint--indented">
            {t('blockingHint')}
          </p>
        </div>
        <ScreenshotField />
        <fieldset class="field field--wide contact">
          <legend class="label">{t('contact')}</legend>
          <div class="contact__grid">
            <TextField
              id="name"
              label={t('name')}
              value={state.name}
              error={errors.name}
              autoComplete="name"
            />
            <TextField
              id="email"
              label={t('email')}
              value={state.email}
              error={errors.email}
              type="email"
              autoComplete="email"
            />
            <TextField
              id="phone"
              label={t('phone')}
              value={state.phone}
              error={errors.phone}
              type="tel"
              autoComplete="tel"
            />
          </div>
        </fieldset>
        <EnvironmentDetails />
      </div>
      <div class="form__footer">
        <p class="form__error" role="alert">
          {state.formError.value}
        </p>
        <div class="actions">
          <button type="button" class="button button--quiet" onClick={state.close}>
            {t('cancel')}
          </button>
          <button type="submit" class="button button--primary" aria-disabled={sending}>
            {sending ? t('sending') : t('send')}
          </button>
        </div>
      </div>
    </form>
  )
}
