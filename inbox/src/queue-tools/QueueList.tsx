import { useEffect } from 'preact/hooks'
import { label, t } from '../i18n/index.js'
import { onKeys } from '../keys.js'
import { focusSelectedRow, loadMore, loadQueue, moveInQueue } from '../queue-actions.js'
import { inPage, navigate, ticketUrl } from '../router.js'
import { fresh, queue, selected } from '../state.js'
import { qt } from './i18n.js'

/** j/k beside an open ticket: the next one of the list opens in its place (no Back step each). */
function step(command: 'next' | 'prev') {
  const item = moveInQueue(command)
  if (!item) return
  navigate(ticketUrl(item.reference), true)
  requestAnimationFrame(focusSelectedRow)
}
const LIST_KEYS = { next: () => step('next'), prev: () => step('prev') }

/**
 * The queue beside the open ticket on a wide screen: a compact list of the same view, the open
 * ticket marked; a click or j/k opens another one on the right.
 */
export function QueueList({ reference }: { reference: string }) {
  const { items, nextCursor, loading } = queue.value
  // Opened straight from its address, the ticket comes with the queue it would be in.
  useEffect(() => {
    if (!queue.value.items.length && !queue.value.loading) void loadQueue()
  }, [])
  useEffect(() => onKeys(LIST_KEYS), [])
  const open = reference.toUpperCase()
  const at = items.findIndex((i) => i.reference.toUpperCase() === open || i.id === reference)
  // The open ticket is the list's selection, so j/k go on from it.
  useEffect(() => {
    if (at >= 0) selected.value = at
  }, [at])
  // Opened from the queue, the keyboard lands on the open ticket's row, not nowhere.
  useEffect(() => {
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) focusSelectedRow()
    })
  }, [at >= 0])

  return (
    <nav class="queue-list" aria-label={qt('list.title')}>
      <ul>
        {items.map((item, index) => {
          const url = ticketUrl(item.reference)
          return (
            <li key={item.id} class={fresh.value.has(item.id) ? 'fresh' : undefined}>
              <a
                href={url}
                aria-current={index === at ? 'page' : undefined}
                onClick={inPage(url, true)}
              >
                <span class="list-top">
                  <span class={`prio prio-${item.priority}`}>
                    <span class="sr-only">{label('priority', item.priority)}</span>
                  </span>
                  <span class="list-ref">{item.reference}</span>
                  <span class="list-status">{label('status', item.status)}</span>
                </span>
                <span class="list-subject">{item.subject}</span>
              </a>
            </li>
          )
        })}
      </ul>
      {nextCursor && !loading && (
        <button type="button" class="secondary small" onClick={() => void loadMore()}>
          {t('queue.loadMore')}
        </button>
      )}
    </nav>
  )
}
