import { useEffect, useState } from 'preact/hooks'
import { STANDARD_VIEWS, type TicketView } from '@snagbox/sdk/contract'
import {
  DEFAULT_FILTERS,
  filtersFromQuery,
  filtersFromSearch,
  filtersToSearch,
  viewQuery,
  type Filters,
} from '../filters.js'
import { t } from '../i18n/index.js'
import { LazyPage } from '../lazy-page.js'
import { inPage, queueUrl } from '../router.js'
import { countNews, loadViews, viewName, views } from '../views.js'
import { EditIcon, SharedIcon } from './Icons.js'
import { NoticeLine } from './NoticeLine.js'

/** The view a query is, whatever the order: a view is which tickets, the order how. */
const sameView = (a: Filters, b: Filters) =>
  viewQuery({ ...a, sort: 'queue' }) === viewQuery({ ...b, sort: 'queue' })

function ViewLink(props: {
  query: string | null
  name: string
  count?: number
  here: Filters
  shared?: boolean
}) {
  // `null`: the queue's default, which the inbox's URL says by saying nothing. A view without an
  // order of its own keeps the one the agent chose.
  const own = props.query === null ? DEFAULT_FILTERS : filtersFromQuery(props.query)
  const ordered = new URLSearchParams(props.query ?? '').has('sort')
  const filters = ordered ? own : { ...own, sort: props.here.sort }
  const url = queueUrl(filtersToSearch(filters))
  return (
    <a
      class="view"
      href={url}
      aria-current={sameView(filters, props.here) ? 'page' : undefined}
      onClick={inPage(url)}
    >
      <span class="view-name" title={props.name}>
        {props.name}
        {props.shared && (
          <>
            {' '}
            <SharedIcon label={t('view.shared')} />
          </>
        )}
      </span>
      {props.count !== undefined && <span class="view-count">{props.count}</span>}
    </a>
  )
}

/**
 * The queue's views: the default one, the standard ones with their counts, then the saved ones
 * (the agent's and the shared), the one shown marked. The counts follow the live stream.
 */
export function ViewsSidebar({ search }: { search: string }) {
  useEffect(() => void loadViews(), [])
  // The saved view being changed, `new` while the filters are being saved as one.
  const [editing, setEditing] = useState<string | null>(null)
  const list = views.value ?? []
  const here = filtersFromSearch(search)
  const saved = list.filter((v) => v.kind !== 'standard')
  const done = (id: string) => () => {
    setEditing(null)
    requestAnimationFrame(() =>
      (document.getElementById(id) ?? document.getElementById('view-save'))?.focus(),
    )
  }
  const form = (view: TicketView | null) => (
    <LazyPage
      name="viewForm"
      props={{
        view,
        query: viewQuery(here),
        onDone: done(view ? `edit-${view.id}` : 'view-save'),
      }}
    />
  )

  return (
    <nav class="views" aria-labelledby="views-title">
      <h2 id="views-title" class="sr-only">
        {t('view.title')}
      </h2>
      <ul>
        <li>
          <ViewLink query={null} name={t('status.working')} here={here} />
        </li>
        {STANDARD_VIEWS.map((v) => (
          <li key={v.id}>
            <ViewLink
              query={v.query}
              name={viewName({ id: v.id, kind: 'standard', name: null })}
              count={list.find((x) => x.id === v.id)?.count}
              here={here}
            />
          </li>
        ))}
      </ul>
      {saved.length > 0 && <h3 class="views-head">{t('view.saved')}</h3>}
      <ul>
        {saved.map((v) => (
          <li key={v.id} class="saved-view">
            <ViewLink
              query={v.query}
              name={viewName(v)}
              count={v.count}
              here={here}
              shared={v.kind === 'shared'}
            />
            {v.editable && (
              <button
                type="button"
                id={`edit-${v.id}`}
                class="ghost small"
                aria-label={t('view.edit', { name: viewName(v) })}
                aria-expanded={editing === v.id}
                onClick={() => setEditing(editing === v.id ? null : v.id)}
              >
                <EditIcon />
              </button>
            )}
            {editing === v.id && form(v)}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        form(null)
      ) : (
        <button
          type="button"
          id="view-save"
          class="secondary small"
          onClick={() => setEditing('new')}
        >
          {t('view.save')}
        </button>
      )}
      <NoticeLine at="views" />
      <p class="sr-only" aria-live="polite">
        {countNews.value}
      </p>
    </nav>
  )
}
