const FOCUSABLE = 'button,[href],input,select,textarea,summary,[tabindex]:not([tabindex="-1"])'

/** What Tab can reach inside `root`, in order: enabled, shown, and one radio per group. */
export function tabbable(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    if ((el as HTMLButtonElement).disabled || el.closest('[hidden],[inert]')) return false
    if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') return false
    const radio = el as HTMLInputElement
    return radio.type !== 'radio' || radio.checked
  })
}

/** Keeps Tab and Shift+Tab inside `root`: past the last control comes the first, and back. */
export function trapTab(event: KeyboardEvent, root: HTMLElement) {
  const items = tabbable(root)
  const first = items[0]
  const last = items[items.length - 1]
  if (!first || !last) return event.preventDefault()
  const active = (root.getRootNode() as ShadowRoot | Document).activeElement
  if (event.shiftKey && (active === first || !root.contains(active))) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || !root.contains(active))) {
    event.preventDefault()
    first.focus()
  }
}

/** Moves focus to the view's `[data-autofocus]` control, else its first one. */
export function focusFirst(root: HTMLElement) {
  const target = root.querySelector<HTMLElement>('[data-autofocus]') ?? tabbable(root)[0]
  target?.focus()
}
