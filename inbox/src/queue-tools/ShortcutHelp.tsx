import { useRef } from 'preact/hooks'
import { SHORTCUTS, type KeyGroup } from '../keys.js'
import { helpOpen } from '../state.js'
import { useModal } from '../use-modal.js'
import { qt } from './i18n.js'

const GROUPS: KeyGroup[] = ['queue', 'ticket', 'any']
/** Keys as they are printed on a keyboard. */
const KEY_NAMES: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' }

/** Every shortcut of the inbox, from the one table the pages answer from (`?`). */
export function ShortcutHelp() {
  const dialog = useRef<HTMLDialogElement>(null)
  useModal(dialog)
  const close = () => (helpOpen.value = false)
  return (
    <dialog
      ref={dialog}
      class="confirm shortcuts"
      aria-labelledby="help-title"
      onCancel={(e) => {
        e.preventDefault()
        close()
      }}
    >
      <h2 id="help-title">{qt('help.title')}</h2>
      {GROUPS.map((group) => (
        <table key={group} class="keys">
          <caption>{qt(`help.group.${group}`)}</caption>
          <thead class="sr-only">
            <tr>
              <th scope="col">{qt('help.keys')}</th>
              <th scope="col">{qt('help.does')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.filter((s) => s.group === group).map((s) => (
              <tr key={s.command} data-command={s.command}>
                <th scope="row">
                  {s.keys.map((key) => (
                    <kbd key={key}>{KEY_NAMES[key] ?? key}</kbd>
                  ))}
                </th>
                <td>{qt(`help.${group}.${s.command}` as Parameters<typeof qt>[0])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <p class="hint">{qt('help.typing')}</p>
      <div class="actions">
        <button type="button" class="secondary" autoFocus onClick={close}>
          {qt('help.close')}
        </button>
      </div>
    </dialog>
  )
}
