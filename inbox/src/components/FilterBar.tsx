import { useEffect, useRef, useState } from 'preact/hooks'
import {
  CATEGORY_CHOICES,
  DEFAULT_FILTERS,
  filtersToSearch,
  isFiltered,
  NARROWING,
  PRIORITY_CHOICES,
  SORTS,
  STATUS_CHOICES,
  WORKING,
  type Filters,
  type Sort,
} from '../filters.js'
import { label, t } from '../i18n/index.js'
import { navigate, queueUrl } from '../router.js'
import { AssigneeFilter } from './AssigneeFilter.js'
import { Choice } from './Choice.js'

const SEARCH_DELAY_MS = 300

/** Typed text reaches the URL (and the server) once the agent pauses, not on every key. */
function useDebounced(value: string, commit: (v: string) => void) {
  const [text, setText] = useState(value)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => setText(value), [value])
  useEffect(() => () => clearTimeout(timer.current), [])
  const change = (next: string) => {
    setText(next)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => commit(next), SEARCH_DELAY_MS)
  }
  const flush = () => {
    clearTimeout(timer.current)
    commit(text)
  }
  return [text, change, flush] as const
}

export function FilterBar({ filters }: { filters: Filters }) {
  const go = (next: Filters, replace = false) => navigate(queueUrl(filtersToSearch(next)), replace)
  const [q, setQ, flushQ] = useDebounced(filters.q, (v) => go({ ...filters, q: v }, true))
  const [version, setVersion, flushVersion] = useDebounced(filters.appVersion, (v) =>
    go({ ...filters, appVersion: v }, true),
  )
  const [os, setOs, flushOs] = useDebounced(filters.os, (v) => go({ ...filters, os: v }, true))
  const status = filters.status.length ? filters.status.join(',') : 'all'
  const enter = (flush: () => void) => (e: KeyboardEvent) => {
    if (e.key === 'Enter') flush()
  }

  return (
    <form class="filters" role="search" onSubmit={(e) => (e.preventDefault(), flushQ())}>
      <label class="filter search" for="search">
        <span>{t('queue.search')}</span>
        <input
          id="search"
          type="search"
          value={q}
          placeholder={t('queue.searchPlaceholder')}
          onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <label class="filter" for="f-status">
        <span>{t('filter.status')}</span>
        <select
          id="f-status"
          value={status}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value
            go({ ...filters, status: v === 'all' ? [] : v.split(',') })
          }}
        >
          <option value="all">{t('filter.all')}</option>
          <option value={`${WORKING}`}>{t('status.working')}</option>
          {STATUS_CHOICES.map((s) => (
            <option key={s} value={s}>
              {label('status', s)}
            </option>
          ))}
          {/* Several statuses from a link: in words, as the choices are. */}
          {!['all', `${WORKING}`, ...STATUS_CHOICES].includes(status) && (
            <option value={status}>
              {filters.status.map((s) => label('status', s)).join(', ')}
            </option>
          )}
        </select>
      </label>
      <Choice
        id="f-category"
        title={t('filter.category')}
        any={t('filter.any')}
        prefix="category"
        choices={CATEGORY_CHOICES}
        value={filters.category.join(',')}
        onChange={(v) => go({ ...filters, category: v ? v.split(',') : [] })}
      />
      <Choice
        id="f-priority"
        title={t('filter.priority')}
        any={t('filter.any')}
        prefix="priority"
        choices={PRIORITY_CHOICES}
        value={filters.priority.join(',')}
        onChange={(v) => go({ ...filters, priority: v ? v.split(',') : [] })}
      />
      <AssigneeFilter value={filters.assignee} onChange={(v) => go({ ...filters, assignee: v })} />
      <label class="filter narrow" for="f-version">
        <span>{t('filter.appVersion')}</span>
        <input
          id="f-version"
          value={version}
          onInput={(e) => setVersion((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={enter(flushVersion)}
        />
      </label>
      <label class="filter narrow" for="f-os">
        <span>{t('filter.os')}</span>
        <input
          id="f-os"
          value={os}
          placeholder={t('filter.osPlaceholder')}
          onInput={(e) => setOs((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={enter(flushOs)}
        />
      </label>
      <Choice
        id="f-sort"
        title={t('filter.sort')}
        prefix="sort"
        choices={SORTS}
        value={filters.sort}
        onChange={(v) => go({ ...filters, sort: v as Sort })}
      />
      <label class="choice urgent">
        <input
          type="checkbox"
          checked={filters.urgent}
          onChange={(e) =>
            go({ ...filters, urgent: (e.currentTarget as HTMLInputElement).checked })
          }
        />
        {t('filter.urgent')}
      </label>
      {NARROWING.filter((name) => filters[name]).map((name) => (
        <button
          key={name}
          type="button"
          class="secondary small narrowing"
          aria-label={t('filter.remove', { what: t(`filter.${name}`, { value: filters[name] }) })}
          onClick={() => go({ ...filters, [name]: '' })}
        >
          {t(`filter.${name}`, { value: filters[name] })} ×
        </button>
      ))}
      {isFiltered(filters) && (
        <button type="button" class="ghost clear" onClick={() => go(DEFAULT_FILTERS)}>
          {t('queue.clear')}
        </button>
      )}
    </form>
  )
}
