import { useState } from 'preact/hooks'
import type { TicketView } from '@snagbox/sdk/contract'
import { asProblem } from '../api.js'
import { problemNotice } from '../problem-notice.js'
import { api, notice } from '../state.js'
import { loadViews } from '../views.js'
import { qt } from './i18n.js'

/**
 * Saves the queue's filters as a view (the agent's, or everyone's), or renames, shares or
 * deletes a saved one. The server checks the query and the name; a refusal is told next to
 * the form (the sidebar's notice line), where the agent is looking.
 */
export function ViewForm(props: {
  /** The view to change; `null` saves a new one of `query`. */
  view: TicketView | null
  /** The queue's filters now, as a view's query. */
  query: string
  onDone: () => void
}) {
  const { view } = props
  const [name, setName] = useState(view?.name ?? '')
  const [shared, setShared] = useState(view?.kind === 'shared')
  const [confirming, setConfirming] = useState(false)
  const [sending, setSending] = useState(false)
  const id = view ? `view-${view.id}` : 'view-new'

  async function send(run: () => Promise<string>) {
    setSending(true)
    notice.value = null
    try {
      const text = await run()
      await loadViews()
      notice.value = { kind: 'success', text, at: 'views' }
      props.onDone()
    } catch (error) {
      notice.value = problemNotice(asProblem(error), 'views')
    } finally {
      setSending(false)
    }
  }
  const save = (e: Event) => {
    e.preventDefault()
    void send(async () => {
      const saved = view
        ? await api.updateView(view.id, { name, shared })
        : await api.createView({ name, query: props.query, shared })
      return qt(view ? 'view.changed' : 'view.created', { name: saved.name ?? name })
    })
  }
  const remove = () =>
    void send(async () => {
      await api.deleteView(view!.id)
      return qt('view.deleted', { name: view!.name ?? '' })
    })

  return (
    <form class="view-form" aria-labelledby={`${id}-title`} onSubmit={save}>
      <h3 id={`${id}-title`} class="sr-only">
        {view ? qt('view.editTitle', { name: view.name ?? '' }) : qt('view.newTitle')}
      </h3>
      <label class="filter" for={`${id}-name`}>
        <span>{qt('view.name')}</span>
        <input
          id={`${id}-name`}
          value={name}
          required
          maxLength={80}
          autoFocus
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <label class="choice">
        <input
          type="checkbox"
          checked={shared}
          onChange={(e) => setShared((e.currentTarget as HTMLInputElement).checked)}
        />
        {qt('view.sharedField')}
      </label>
      {confirming ? (
        <div class="actions" role="group" aria-label={qt('view.delete')}>
          <span>
            {qt(view?.kind === 'shared' ? 'view.confirmShared' : 'view.confirmMine', {
              name: view?.name ?? '',
            })}
          </span>
          <button type="button" class="danger small" disabled={sending} onClick={remove}>
            {qt('view.delete')}
          </button>
          <button
            type="button"
            class="secondary small"
            autoFocus
            onClick={() => setConfirming(false)}
          >
            {qt('view.keep')}
          </button>
        </div>
      ) : (
        <div class="actions">
          <button type="submit" class="primary small" disabled={sending}>
            {qt('view.submit')}
          </button>
          <button type="button" class="secondary small" onClick={props.onDone}>
            {qt('view.cancel')}
          </button>
          {view && (
            <button type="button" class="ghost small" onClick={() => setConfirming(true)}>
              {qt('view.delete')}
            </button>
          )}
        </div>
      )}
    </form>
  )
}
