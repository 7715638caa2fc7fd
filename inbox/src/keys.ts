export type KeyCommand = 'next' | 'prev' | 'open' | 'reply' | 'search' | 'back'

export interface KeyInput {
  key: string
  ctrlKey?: boolean
  metaKey?: boolean
  altKey?: boolean
  /** The key went to a text field, a select or an editable element. */
  editing: boolean
}

/**
 * The inbox's keyboard: j/k move in the queue, Enter opens, r replies, / searches, Escape goes
 * back. Letters typed into a field are the agent's text, never commands.
 *
 * @example
 * keyCommand({ key: 'j', editing: false }, 'queue') // 'next'
 */
export function keyCommand(input: KeyInput, view: 'queue' | 'ticket'): KeyCommand | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null
  if (input.key === 'Escape') return view === 'ticket' && !input.editing ? 'back' : null
  if (input.editing) return null
  if (input.key === '/') return 'search'
  if (view === 'queue') {
    if (input.key === 'j' || input.key === 'ArrowDown') return 'next'
    if (input.key === 'k' || input.key === 'ArrowUp') return 'prev'
    if (input.key === 'Enter') return 'open'
    return null
  }
  return input.key === 'r' ? 'reply' : null
}

/** The row selected after a move, kept inside the list. */
export function moveSelection(index: number, command: 'next' | 'prev', count: number): number {
  if (count === 0) return -1
  if (index < 0) return 0
  return Math.max(0, Math.min(count - 1, index + (command === 'next' ? 1 : -1)))
}
