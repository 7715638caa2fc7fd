import { useWidget } from '../widget-context.js'

/** The "Report a problem" button; busy while the page is captured, before the dialog shows. */
export function Launcher() {
  const { state, t, options } = useWidget()
  const busy = state.opening.value
  return (
    <button
      type="button"
      class={`launcher launcher--${options.position}`}
      aria-haspopup="dialog"
      aria-expanded={state.view.value !== 'closed'}
      aria-busy={busy}
      onClick={(event) => void state.open(event.currentTarget)}
    >
      <svg
        class={busy ? 'launcher__icon spin' : 'launcher__icon'}
        viewBox="0 0 24 24"
        aria-hidden="true"
      >
        {busy ? (
          <path d="M12 3a9 9 0 1 0 9 9" />
        ) : (
          <path d="M4 4h16v12H8l-4 4zM12 7v4M12 13.5v.5" />
        )}
      </svg>
      <span>{busy ? t('preparing') : t('launcher')}</span>
    </button>
  )
}
