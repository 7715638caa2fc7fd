import { useRef } from 'preact/hooks'
import { IMAGE_TYPES } from '@snagbox/sdk/contract'
import { useWidget } from '../widget-context.js'
import { Editor } from './parts.js'

/** The screenshot: its preview, mark-up, removal, or a picture of the reporter's own instead. */
export function ScreenshotField() {
  const { state, t } = useWidget()
  const file = useRef<HTMLInputElement>(null)
  const attachButton = useRef<HTMLButtonElement>(null)
  const shot = state.shot.value
  const error = state.errors.value.screenshot
  const status = state.capturing.value
    ? t('screenshotCapturing')
    : state.captureFailed.value
      ? t('screenshotFailed')
      : shot
        ? ''
        : t('screenshotNone')

  const onDrop = (event: DragEvent) =>
    state.attachFrom(event.dataTransfer) && event.preventDefault()

  return (
    <section
      class="field field--wide shot"
      aria-labelledby="shot-label"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <h3 id="shot-label" class="label">
        {t('screenshot')}
      </h3>
      <div class="shot__row">
        {shot && (
          <button
            type="button"
            class="shot__preview"
            onClick={state.editShot}
            tabIndex={-1}
            aria-label={t('screenshotEdit')}
          >
            <img src={shot.url} alt={t('screenshotAlt')} />
          </button>
        )}
        <div class="shot__side">
          {status && (
            <p class="hint" aria-live="polite">
              {status}
            </p>
          )}
          {shot?.origin === 'capture' && <p class="hint">{t('screenshotPrivacy')}</p>}
          <div class="shot__buttons">
            {shot && (
              <>
                <button
                  type="button"
                  class="button button--small"
                  onClick={state.editShot}
                  onPointerEnter={Editor.prefetch}
                  onFocus={Editor.prefetch}
                >
                  {t('screenshotEdit')}
                </button>
                <button
                  type="button"
                  class="button button--small button--quiet"
                  onClick={() => {
                    state.removeShot()
                    // The button goes with the picture: the focus stays in the dialog, on the
                    // way to attach another (so Escape and Tab still work).
                    attachButton.current?.focus()
                  }}
                >
                  {t('screenshotRemove')}
                </button>
              </>
            )}
            <button
              ref={attachButton}
              type="button"
              class="button button--small button--quiet"
              onClick={() => file.current?.click()}
              aria-describedby="shot-paste"
            >
              {t('screenshotAttach')}
            </button>
          </div>
          <p id="shot-paste" class="hint">
            {t('screenshotPaste')}
          </p>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
      <input
        ref={file}
        type="file"
        accept={IMAGE_TYPES.join(',')}
        hidden
        tabIndex={-1}
        onChange={(event) => {
          const picked = event.currentTarget.files?.[0]
          if (picked) void state.attach(picked)
          event.currentTarget.value = ''
        }}
      />
    </section>
  )
}
