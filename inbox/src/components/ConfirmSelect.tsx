import type { ComponentChildren } from 'preact'
import { useSignal, type Signal } from '@preact/signals'
import { t } from '../i18n/index.js'
import { busy } from '../state.js'
import { currentBasis } from '../ticket-actions.js'

/**
 * A field of the open ticket chosen from a list. Choosing only selects; the button writes it,
 * so moving through the list with the arrow keys (a `change` at every step on Windows) doesn't
 * write the ticket at every step. A choice stays while others change the ticket, and is written
 * on the version it was made on: made before their change, it is refused and kept, not written
 * over what the agent has not seen.
 */
export function ConfirmSelect(props: {
  id: string
  title: string
  /** What the ticket says now. */
  current: string
  enabled: boolean
  /** The `<option>`s. */
  children: ComponentChildren
  /** The confirming button's text for a choice. */
  confirm: (choice: string) => string
  /** Writes a choice made on `basis`; resolves to whether it was written. */
  save: (choice: string, basis: number) => Promise<boolean>
  /** Shown while nothing is pending, given the same way to write a choice. */
  idle?: (commit: (choice: string) => void) => ComponentChildren
  /** Where the pending choice is kept, when something else of the page reads it too. */
  pick?: Signal<{ value: string; basis: number } | null>
}) {
  const { id, current } = props
  const own = useSignal<{ value: string; basis: number } | null>(null)
  const store = props.pick ?? own
  const picked = store.value
  const choice = picked?.value ?? current
  const pending = props.enabled && choice !== current
  // The buttons pressed are gone afterwards: focus goes back to the select, not to the page's start.
  const refocus = () => requestAnimationFrame(() => document.getElementById(id)?.focus())
  const commit = (value: string, basis = currentBasis()) =>
    void props.save(value, basis).then((saved) => {
      if (saved) store.value = null
      refocus()
    })
  const labelId = `${id}-label`

  return (
    <form
      class="control"
      onSubmit={(e) => (e.preventDefault(), pending && commit(choice, picked?.basis))}
    >
      <label id={labelId} for={id}>
        {props.title}
      </label>
      <div class="confirm-select">
        <select
          id={id}
          value={choice}
          disabled={!props.enabled || busy.value}
          onChange={(e) =>
            (store.value = {
              value: (e.currentTarget as HTMLSelectElement).value,
              basis: currentBasis(),
            })
          }
        >
          {props.children}
        </select>
        {pending ? (
          <>
            <button type="submit" class="primary small" disabled={busy.value}>
              {props.confirm(choice)}
            </button>
            <button
              type="button"
              class="ghost small"
              aria-describedby={labelId}
              onClick={() => ((store.value = null), refocus())}
            >
              {t('control.cancel')}
            </button>
          </>
        ) : (
          props.idle?.(commit)
        )}
      </div>
    </form>
  )
}
