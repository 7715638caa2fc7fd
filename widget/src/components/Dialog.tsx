import type { ComponentChildren } from 'preact'
import { useLayoutEffect, useRef } from 'preact/hooks'
import { focusFirst, trapTab } from '../focus.js'
import { useWidget } from '../widget-context.js'

interface Props {
  /** Focus moves to the new view's first control whenever this changes. */
  view: string
  wide: boolean
  labelledBy: string
  /** Escape, the close button, or a click beside the panel. */
  onClose: () => void
  /** The dialog has gone (the focus can return to what opened it). */
  onClosed: () => void
  /** The browser closed it on its own: the whole dialog is gone, whatever the view. */
  onDismissed: () => void
  children: ComponentChildren
}

/**
 * On a phone the sheet is as tall as what the on-screen keyboard leaves of the window: the
 * visual viewport's height and offset, as custom properties the styles use.
 */
function followVisualViewport(el: HTMLElement): () => void {
  const viewport = window.visualViewport
  if (!viewport) return () => {}
  const update = () => {
    el.style.setProperty('--snagbox-viewport-height', `${viewport.height}px`)
    el.style.setProperty('--snagbox-viewport-top', `${viewport.offsetTop}px`)
  }
  update()
  viewport.addEventListener('resize', update)
  viewport.addEventListener('scroll', update)
  return () => {
    viewport.removeEventListener('resize', update)
    viewport.removeEventListener('scroll', update)
  }
}

/**
 * A modal `<dialog>`, shown with `showModal()`: in the browser's top layer, so no z-index,
 * transform, `overflow` or filter of the page covers or clips it, above the page's own modal
 * dialog too. Where a browser has no `showModal()` it is a fixed layer with the widget's z-index.
 * Labelled; focus moved in and kept in; Escape and the close button leave it.
 */
export function Dialog({
  view,
  wide,
  labelledBy,
  onClose,
  onClosed,
  onDismissed,
  children,
}: Props) {
  const { t } = useWidget()
  const dialog = useRef<HTMLDialogElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const leaving = useRef(false)

  useLayoutEffect(() => {
    const el = dialog.current!
    try {
      el.showModal()
    } catch {
      el.setAttribute('open', '')
    }
    const stopFollowing = followVisualViewport(el)
    return () => {
      leaving.current = true
      stopFollowing()
      if (el.open) el.close()
      onClosed()
    }
  }, [])
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
    <dialog
      ref={dialog}
      class="backdrop"
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
      // A close request the keys did not make (a phone's back gesture): the view decides.
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      // A close it could not refuse (a second back gesture without a tap between): the state
      // follows, or the dialog would stay open unseen.
      onClose={() => !leaving.current && onDismissed()}
      onMouseDown={(event) => event.target === event.currentTarget && !wide && onClose()}
    >
      <div ref={panel} class={wide ? 'panel panel--wide' : 'panel'}>
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
    </dialog>
  )
}
