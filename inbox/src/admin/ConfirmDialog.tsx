import type { ComponentChildren } from 'preact'
import { useRef } from 'preact/hooks'
import { useModal } from '../use-modal.js'
import { at } from './i18n.js'

/**
 * A modal question before something that can't be taken back at once. Rendered while open;
 * Escape or Cancel answers no (the safe choice has the focus). When it closes, focus goes back
 * to the button that opened it if that is still there; otherwise the caller moves it.
 */
export function ConfirmDialog(props: {
  title: string
  confirm: string
  children: ComponentChildren
  onConfirm: () => void
  onCancel: () => void
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  useModal(dialog)
  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onCancel={(e) => {
        e.preventDefault()
        props.onCancel()
      }}
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-text">{props.children}</p>
      <div class="actions">
        <button type="button" class="danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" class="secondary" autoFocus onClick={props.onCancel}>
          {at('cancel')}
        </button>
      </div>
    </dialog>
  )
}
