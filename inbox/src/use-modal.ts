import type { RefObject } from 'preact'
import { useEffect } from 'preact/hooks'

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select, textarea, [tabindex]'

/**
 * Shows a `<dialog>` as modal while its component is rendered: the page behind is inert, Escape
 * fires its `cancel`, and Tab goes round its own controls (the browser would let it leave for its
 * own toolbar). When it goes, the focus goes back to what had it before, if that is still there;
 * otherwise the caller moves it.
 */
export function useModal(dialog: RefObject<HTMLDialogElement>): void {
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    const element = dialog.current!
    if (typeof element.showModal === 'function') element.showModal()
    else element.setAttribute('open', '')
    const trap = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return
      const all = [...element.querySelectorAll<HTMLElement>(FOCUSABLE)]
      const [first, last] = [all[0], all[all.length - 1]]
      const at = document.activeElement
      const wrap = e.shiftKey ? (at === first ? last : null) : at === last ? first : null
      if (wrap || !element.contains(at)) {
        e.preventDefault()
        ;(wrap ?? first)?.focus()
      }
    }
    element.addEventListener('keydown', trap)
    return () => {
      element.removeEventListener('keydown', trap)
      requestAnimationFrame(() => {
        if (opener?.isConnected && document.activeElement === document.body) opener.focus()
      })
    }
  }, [])
}
