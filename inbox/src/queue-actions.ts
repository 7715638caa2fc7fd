import type { TicketSummary } from '@snagbox/sdk/contract'
import { filtersFromSearch, listQuery } from './filters.js'
import { moveSelection } from './keys.js'
import { lastQueueSearch } from './router.js'
import { checked, keepShown } from './selection.js'
import { api, fresh, queue, selected } from './state.js'
import { refreshViews } from './views.js'
import type { ApiProblem } from './api.js'

const PAGE = 50
let sequence = 0

const currentFilters = () => filtersFromSearch(lastQueueSearch.value)

/** The queue's rows now; the checked ones that left it are unchecked. */
function show(items: TicketSummary[], nextCursor: string | null): void {
  queue.value = { items, nextCursor, loading: false, error: null }
  const kept = keepShown(
    checked.value,
    items.map((i) => i.reference),
  )
  if (kept.size !== checked.value.size) checked.value = kept
}

/** Loads the first page for the queue's filters; an answer to an older request is dropped. */
export async function loadQueue(): Promise<void> {
  const mine = ++sequence
  queue.value = { ...queue.value, loading: true, error: null }
  // What changes from now on is news, even when it lands in this very load.
  fresh.value = new Set()
  try {
    const page = await api.list(listQuery(currentFilters(), null, PAGE))
    if (mine !== sequence) return
    show(page.items, page.nextCursor)
    selected.value = page.items.length
      ? Math.min(Math.max(selected.value, 0), page.items.length - 1)
      : -1
  } catch (error) {
    if (mine === sequence)
      queue.value = { ...queue.value, loading: false, error: error as ApiProblem }
  }
}

export async function loadMore(): Promise<void> {
  const { nextCursor, items } = queue.value
  if (!nextCursor || queue.value.loading) return
  const mine = ++sequence
  queue.value = { ...queue.value, loading: true }
  try {
    const page = await api.list(listQuery(currentFilters(), nextCursor, PAGE))
    if (mine !== sequence) return
    const known = new Set(items.map((i) => i.id))
    show([...items, ...page.items.filter((i) => !known.has(i.id))], page.nextCursor)
  } catch (error) {
    if (mine === sequence)
      queue.value = { ...queue.value, loading: false, error: error as ApiProblem }
  }
}

/**
 * Reloads what the queue shows after a live event, in the server's order, and marks the tickets
 * that are new or changed. The pages already loaded are fetched again in one request (up to 100).
 */
export async function refreshQueue(): Promise<void> {
  const mine = ++sequence
  const before = new Map(queue.value.items.map((i) => [i.id, i.updatedAt]))
  const selectedId = queue.value.items[selected.value]?.id
  try {
    const limit = Math.min(100, Math.max(PAGE, queue.value.items.length))
    const page = await api.list(listQuery(currentFilters(), null, limit))
    if (mine !== sequence) return
    const changed = page.items
      .filter((i: TicketSummary) => before.get(i.id) !== i.updatedAt)
      .map((i) => i.id)
    show(page.items, page.nextCursor)
    fresh.value = new Set([...fresh.value, ...changed])
    const kept = page.items.findIndex((i) => i.id === selectedId)
    if (kept >= 0) selected.value = kept
  } catch {
    // A failed live refresh leaves the list as it was; the next event or a reload tries again.
  }
}

/**
 * Whether a ticket the agent sees changed at or after `since` (the server's clock): one small
 * look, whatever the queue's filters (a ticket may have left them), answered by an empty page
 * nearly always. Not known (the look failed) counts as changed.
 */
export async function changedSince(since: string): Promise<boolean> {
  try {
    return (
      (await api.list(new URLSearchParams({ updatedSince: since, limit: '1' }))).items.length > 0
    )
  } catch {
    return true
  }
}

/** A live event names the ticket that changed: it is marked whichever load brings it in. */
export function markFresh(id: string): void {
  if (!fresh.value.has(id)) fresh.value = new Set([...fresh.value, id])
}

let pending: ReturnType<typeof setTimeout> | undefined
/**
 * Many events in a burst (a mass incident resolving its children) make one refresh of the list;
 * the views' counts follow, at most once a second.
 */
export function scheduleRefresh(delayMs = 250): void {
  refreshViews()
  if (pending) return
  pending = setTimeout(() => {
    pending = undefined
    void refreshQueue()
  }, delayMs)
}

/** Moves the queue's selection a row down or up; the row it lands on is no longer news. */
export function moveInQueue(command: 'next' | 'prev'): TicketSummary | undefined {
  const items = queue.value.items
  selected.value = moveSelection(selected.value, command, items.length)
  const item = items[selected.value]
  if (item && fresh.value.has(item.id))
    fresh.value = new Set([...fresh.value].filter((x) => x !== item.id))
  return item
}

/** Puts the keyboard on the selected row's link, so a screen reader reads the row. */
export function focusSelectedRow(): void {
  document
    .querySelector<HTMLElement>('.queue-table tr.selected a, .queue-list a[aria-current]')
    ?.focus()
}
