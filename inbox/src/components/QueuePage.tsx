import { useEffect } from 'preact/hooks'
import { filtersFromSearch } from '../filters.js'
import { t } from '../i18n/index.js'
import { load } from '../lazy-page.js'
import { loadMore, loadQueue } from '../queue-actions.js'
import { route } from '../router.js'
import { queue } from '../state.js'
import { FilterBar } from './FilterBar.js'
import { QueueTable } from './QueueTable.js'

export function QueuePage() {
  const search = route.value.view === 'queue' ? route.value.search : ''
  const filters = filtersFromSearch(search)
  useEffect(() => {
    void loadQueue()
  }, [search])
  useEffect(() => {
    document.title = `${t('queue.title')} · Snagbox`
  })
  // The page an agent opens next: fetched while the queue is read, so opening a ticket waits for nothing.
  useEffect(() => load('ticket'), [])
  const { items, nextCursor, loading, error } = queue.value

  return (
    <section class="queue" aria-labelledby="queue-title" aria-busy={loading}>
      <div class="queue-head">
        <h1 id="queue-title">{t('queue.title')}</h1>
        <p class="hint">{t('queue.shortcuts')}</p>
      </div>
      <FilterBar filters={filters} />
      {error && (
        <p class="notice notice-error" role="alert">
          {error.code === 'network_error' ? t('error.network') : error.detail}
        </p>
      )}
      <QueueTable items={items} />
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
  )
}
