import { useEffect } from 'preact/hooks'
import { filtersFromSearch } from '../filters.js'
import { t } from '../i18n/index.js'
import { onKeys } from '../keys.js'
import { LazyPage, load, queueTools } from '../lazy-page.js'
import { focusSelectedRow, loadMore, loadQueue, moveInQueue } from '../queue-actions.js'
import { navigate, route, ticketUrl } from '../router.js'
import { checked, pickedShown, toggleRow } from '../selection.js'
import { notice, queue, selected } from '../state.js'
import { FilterBar } from './FilterBar.js'
import { NoticeLine } from './NoticeLine.js'
import { QueueTable } from './QueueTable.js'
import { ViewsSidebar } from './ViewsSidebar.js'

const shown = () => queue.value.items.map((i) => i.reference)
const current = () => queue.value.items[selected.value]

/** The queue's keys: move, open, select the row under the cursor, assign to me. */
const QUEUE_KEYS = {
  next: () => {
    moveInQueue('next')
    requestAnimationFrame(focusSelectedRow)
  },
  prev: () => {
    moveInQueue('prev')
    requestAnimationFrame(focusSelectedRow)
  },
  open: () => {
    const item = current()
    if (item) navigate(ticketUrl(item.reference))
  },
  select: () => {
    const item = current()
    if (item) toggleRow(shown(), item.reference)
  },
  // The checked tickets, or else the one under the cursor.
  assign: () => {
    const refs = checked.value.size
      ? pickedShown()
      : [current()?.reference].filter((ref): ref is string => !!ref)
    if (refs.length) void queueTools().then((tools) => tools.assignToMe(refs))
  },
}

export function QueuePage() {
  const search = route.value.view === 'queue' ? route.value.search : ''
  const filters = filtersFromSearch(search)
  useEffect(() => {
    void loadQueue()
    // What the last bulk change, or saving a view, came to belongs to the view it was made in.
    if (notice.value?.at === 'bulk' || notice.value?.at === 'views') notice.value = null
  }, [search])
  useEffect(() => {
    document.title = `${t('queue.title')} · Snagbox`
  })
  // What an agent opens next: the ticket page, and the tools for the rows (bulk bar, saved views,
  // shortcuts), fetched while the queue is read, so none of them waits.
  useEffect(() => {
    for (const name of ['ticket', 'bulk', 'viewForm', 'help'] as const) load(name)
  }, [])
  useEffect(() => onKeys(QUEUE_KEYS), [])
  const { items, nextCursor, loading, error } = queue.value
  const picked = pickedShown().length

  return (
    <div class="queue-layout">
      <ViewsSidebar search={search} />
      <section class="queue" aria-labelledby="queue-title" aria-busy={loading}>
        <div class="queue-head">
          <h1 id="queue-title">{t('queue.title')}</h1>
          <p class="hint">{t('queue.shortcuts')}</p>
        </div>
        {/* While rows are checked the bulk bar stands where the filters were, which keep their
            place: checking a row moves no row. */}
        <div class={picked ? 'toolbar picking' : 'toolbar'}>
          <FilterBar filters={filters} />
          {picked > 0 && <LazyPage name="bulk" />}
        </div>
        {/* There before the first row is checked, so that one is said too. */}
        <p class="sr-only" role="status">
          {picked > 0 && t('select.count', { n: picked })}
        </p>
        <NoticeLine at="bulk" />
        {error && (
          <p class="notice notice-error" role="alert">
            {error.code === 'network_error' ? t('error.network') : error.detail}
          </p>
        )}
        <QueueTable items={items} sort={filters.sort} />
        {!items.length && !loading && !error && <p class="empty">{t('queue.empty')}</p>}
        <div class="queue-foot" aria-live="polite">
          {loading && <span class="hint">{t('queue.loading')}</span>}
          {nextCursor && !loading && (
            <button type="button" class="secondary" onClick={() => void loadMore()}>
              {t('queue.loadMore')}
            </button>
          )}
        </div>
      </section>
    </div>
  )
}
