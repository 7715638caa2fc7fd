// The sidebar's views with their counts, kept true while tickets arrive and change.
import { signal } from '@preact/signals'
import type { TicketView } from '@snagbox/sdk/contract'
import { t } from './i18n/index.js'
import type { MessageKey } from './i18n/en.js'
import { route } from './router.js'
import { api } from './state.js'
import { throttle } from './throttle.js'

/** The views of `GET /api/v1/views`; `null` until loaded. */
export const views = signal<TicketView[] | null>(null)
/** What the polite live region says of the counts: only those that changed, now and then. */
export const countNews = signal('')

/** A view's name: the standard ones in the inbox's words, saved ones as their author wrote it. */
export const viewName = (view: Pick<TicketView, 'id' | 'kind' | 'name'>) =>
  view.kind === 'standard' ? t(`view.${view.id}` as MessageKey) : (view.name ?? view.id)

/**
 * The counts that differ between two loads, in words (`New: 5, Mine: 2`); empty when none do.
 * Views that came or went (saved or deleted) are no news about tickets.
 *
 * @example
 * countChanges([{ id: 'new', count: 4, … }], [{ id: 'new', count: 5, … }]) // 'New: 5'
 */
export function countChanges(before: readonly TicketView[], after: readonly TicketView[]): string {
  const old = new Map(before.map((v) => [v.id, v.count]))
  return after
    .filter((v) => old.has(v.id) && old.get(v.id) !== v.count)
    .map((v) => `${viewName(v)}: ${v.count}`)
    .join(', ')
}

/** The counts a screen reader was last told of, and how often it may be told again. */
let announced: TicketView[] | null = null
const ANNOUNCE_MS = 15_000
const announce = throttle(() => {
  const now = views.value
  if (!now || !announced) return
  const news = countChanges(announced, now)
  announced = now
  if (news) countNews.value = t('view.countsNow', { counts: news })
}, ANNOUNCE_MS)

let sequence = 0

/** Loads the views and their counts; an answer to an older request is dropped. */
export async function loadViews(): Promise<void> {
  const mine = ++sequence
  try {
    const items = await api.views()
    if (mine !== sequence) return
    const before = views.value
    views.value = items
    if (!announced) announced = items
    else if (before && countChanges(before, items)) announce.request()
  } catch (error) {
    // The counts shown stay; the next event or visit asks again.
    console.warn('Snagbox inbox: the views did not load', error)
  }
}

// At most once a second, however many events come: counting is the server's heaviest read.
const refresh = throttle(() => void loadViews(), 1000)

/** After a live event or a change of this inbox: the counts again, if the sidebar is shown. */
export function refreshViews(): void {
  if (route.value.view === 'queue') refresh.request()
}
