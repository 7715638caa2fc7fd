import type { ComponentChildren } from 'preact'
import { useLayoutEffect, useRef } from 'preact/hooks'
import { focusFirst, trapTab } from '../focus.js'
import { useWidget } from '../widget-context.js'

interface Props {
  /** Focus moves to the new view's first control whenever this changes. */
  view: string
  wide: boolean
  labelledBy: string
  onClose: () => void
  children: ComponentChildren
}

/** A modal dialog: labelled, focus moved in and kept in, Escape and the close button leave it. */
export function Dialog({ view, wide, labelledBy, onClose, children }: Props) {
  const { t } = useWidget()
  const panel = useRef<HTMLDivElement>(null)
  // In the same task as the render: a key pressed right after the dialog shows lands inside it.
  useLayoutEffect(() => void (panel.current && focusFirst(panel.current)), [view])

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault()
      event.stopPropagation()
      onClose()
    } else if (event.key === 'Tab' && panel.current) {
      trapTab(event, panel.current)
    }
  }

  return (
    <div
      class="backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && !wide && onClose()}
    >
      <div
        ref={panel}
        class={wide ? 'panel panel--wide' : 'panel'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        onKeyDown={onKeyDown}
      >
        <button
          type="button"
          class="icon-button panel__close"
          aria-label={t('close')}
          onClick={onClose}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
        {children}
      </div>
    </div>
  )
}
