/** Where a shortcut works: the queue, a ticket (alone, or beside the list on a wide screen), or both. */
export type KeyGroup = 'queue' | 'ticket' | 'any'

/**
 * Every shortcut of the inbox, in the order the `?` overlay lists them: the keys both pages
 * answer and the help come from this one table. A page answers a command by registering a
 * handler with {@link onKeys} while it is shown; a key nobody answers does nothing.
 */
export const SHORTCUTS = [
  { command: 'next', keys: ['j', 'ArrowDown'], group: 'queue' },
  { command: 'prev', keys: ['k', 'ArrowUp'], group: 'queue' },
  { command: 'open', keys: ['Enter'], group: 'queue' },
  { command: 'select', keys: ['x'], group: 'queue' },
  { command: 'assign', keys: ['a'], group: 'queue' },
  { command: 'next', keys: ['j'], group: 'ticket' },
  { command: 'prev', keys: ['k'], group: 'ticket' },
  { command: 'reply', keys: ['r'], group: 'ticket' },
  { command: 'note', keys: ['n'], group: 'ticket' },
  { command: 'resolve', keys: ['e'], group: 'ticket' },
  { command: 'assign', keys: ['a'], group: 'ticket' },
  { command: 'back', keys: ['Escape'], group: 'ticket' },
  { command: 'search', keys: ['/'], group: 'any' },
  { command: 'help', keys: ['?'], group: 'any' },
] as const satisfies readonly { command: string; keys: readonly string[]; group: KeyGroup }[]

export type Shortcut = (typeof SHORTCUTS)[number]
export type KeyCommand = Shortcut['command']

export interface KeyInput {
  key: string
  ctrlKey?: boolean
  metaKey?: boolean
  altKey?: boolean
  /** The key went to a text field, a select or an editable element. */
  editing: boolean
}

/**
 * The command a key stands for in a view, from {@link SHORTCUTS}. Letters typed into a field are
 * the agent's text, never commands; the browser's own shortcuts (with Ctrl, Cmd or Alt) stay its.
 *
 * @example
 * keyCommand({ key: 'j', editing: false }, 'queue') // 'next'
 */
export function keyCommand(input: KeyInput, view: 'queue' | 'ticket'): KeyCommand | null {
  if (input.ctrlKey || input.metaKey || input.altKey || input.editing) return null
  const shortcut = SHORTCUTS.find(
    (s) =>
      (s.group === view || s.group === 'any') && (s.keys as readonly string[]).includes(input.key),
  )
  return shortcut?.command ?? null
}

export type KeyHandlers = Partial<Record<KeyCommand, () => void>>
const layers: KeyHandlers[] = []

/**
 * A shown page's answers to commands, until the returned function takes them back; the page
 * registered last answers first (the ticket beside the list answers `a` for the open ticket).
 *
 * @example
 * useEffect(() => onKeys({ resolve: () => composerMode.value = 'resolve' }), [])
 */
export function onKeys(handlers: KeyHandlers): () => void {
  layers.push(handlers)
  return () => {
    const at = layers.indexOf(handlers)
    if (at >= 0) layers.splice(at, 1)
  }
}

/** Runs the answer of the pages shown to a command; `false` when none has one. */
export function runKey(command: KeyCommand): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const handler = layers[i]![command]
    if (handler) {
      handler()
      return true
    }
  }
  return false
}

/** The row selected after a move, kept inside the list. */
export function moveSelection(index: number, command: 'next' | 'prev', count: number): number {
  if (count === 0) return -1
  if (index < 0) return 0
  return Math.max(0, Math.min(count - 1, index + (command === 'next' ? 1 : -1)))
}
