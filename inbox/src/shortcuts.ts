import { keyCommand, runKey } from './keys.js'
import { route } from './router.js'
import { me } from './state.js'

/** Keys typed here are text: fields, lists and editable elements (a checkbox is not one). */
const editing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['TEXTAREA', 'SELECT'].includes(target.tagName) ||
    (target instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type)))

/**
 * Listens for the inbox's shortcuts on the queue and the ticket pages (the admin screens are
 * ordinary forms) and runs the command of {@link SHORTCUTS} that the page shown answers.
 */
export function listenForKeys(): void {
  addEventListener('keydown', (e) => {
    const view = route.value.view
    if (!me.value || (view !== 'queue' && view !== 'ticket')) return
    // A dialog has keys of its own: Escape closes it, letters are its.
    if (e.target instanceof Element && e.target.closest('dialog')) return
    const isEditing = editing(e.target)
    if (e.key === 'Escape' && isEditing) {
      ;(e.target as HTMLElement).blur()
      return
    }
    // Enter on a link or a button does what they do; only the list itself opens on Enter.
    if (
      e.key === 'Enter' &&
      e.target instanceof HTMLElement &&
      e.target.closest('a,button,summary')
    )
      return
    const command = keyCommand(
      { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, editing: isEditing },
      view,
    )
    if (command && runKey(command)) e.preventDefault()
  })
}
