import { signal } from '@preact/signals'
import type { ComponentType } from 'preact'
import { useEffect } from 'preact/hooks'
import { ROUTES } from '@snagbox/sdk/contract'
import { t } from './i18n/index.js'

// Pages not needed to show the queue, each a chunk of its own beside inbox.js
// (/inbox/assets/<name>.js): the ticket page (fetched while the agent looks at the queue), the
// admin screens, the saved replies' editor and the page a one-time link opens. The loader sits
// here rather than in components/ because those pages use components/ themselves, and two
// folders importing each other are a circle `scripts/check-imports.mjs` refuses.

const styles = new Map<string, Promise<unknown>>()
/**
 * A chunk with its own stylesheet (/inbox/assets/<name>.css), linked once, as the chunk is
 * fetched: what it shows comes once both are in (or the styles failed), never unstyled in a place
 * that is not its own.
 */
function withStyles<T>(name: string, chunk: Promise<T>): Promise<T> {
  let linked = styles.get(name)
  if (!linked) {
    const link = Object.assign(document.createElement('link'), {
      rel: 'stylesheet',
      href: `${ROUTES.inbox}/assets/${name}.css`,
    })
    linked = new Promise((settle) => (link.onload = link.onerror = settle))
    document.head.append(link)
    styles.set(name, linked)
  }
  return Promise.all([chunk, linked]).then(([loaded]) => loaded)
}

/**
 * The queue's parts not needed to show it are one chunk with its styles: the bulk bar, the form
 * of a saved view, the list of shortcuts, the list beside an open ticket on a wide screen, and
 * the bulk change the `a` key makes — fetched with the ticket page, once the queue shows.
 */
export const queueTools = () => withStyles('queue-tools', import('./queue-tools/QueueTools.js'))

const PAGES = {
  ticket: () =>
    withStyles('ticket', import('./components/TicketPage.js')).then((m) => m.TicketPage),
  admin: () => import('./admin/AdminPage.js').then((m) => m.AdminPage),
  macros: () => withStyles('ticket', import('./macros/MacrosPage.js')).then((m) => m.MacrosPage),
  invite: () => import('./admin/InvitePage.js').then((m) => m.InvitePage),
  bulk: () => queueTools().then((m) => m.BulkBar),
  viewForm: () => queueTools().then((m) => m.ViewForm),
  help: () => queueTools().then((m) => m.ShortcutHelp),
  list: () => queueTools().then((m) => m.QueueList),
}
export type LazyPageName = keyof typeof PAGES
type Props<N extends LazyPageName> = Parameters<Awaited<ReturnType<(typeof PAGES)[N]>>>[0]

const loaded = signal<Partial<Record<LazyPageName, ComponentType<never>>>>({})
const failed = signal<ReadonlySet<LazyPageName>>(new Set())
const pending = new Set<LazyPageName>()

/** Starts loading a page before it is needed (the ticket page, once the queue is shown). */
export function load(name: LazyPageName): void {
  if (loaded.value[name] || failed.value.has(name)) return
  if (pending.has(name)) return
  pending.add(name)
  PAGES[name]()
    .then(
      (Page) => (loaded.value = { ...loaded.value, [name]: Page }),
      (error: unknown) => {
        console.warn(`Snagbox inbox: the ${name} page did not load`, error)
        failed.value = new Set([...failed.value, name])
      },
    )
    .finally(() => pending.delete(name))
}

/** A page loaded on first use; a failed load (a new version deployed meanwhile) offers a reload. */
export function LazyPage<N extends LazyPageName>({ name, props }: { name: N; props?: Props<N> }) {
  const Page = loaded.value[name] as ComponentType<Props<N>> | undefined
  const broken = failed.value.has(name)
  useEffect(() => {
    if (!Page && !broken) load(name)
  }, [name, Page, broken])
  if (Page) return <Page {...(props as Props<N> & object)} />
  if (broken)
    return (
      <p class="notice notice-error" role="alert">
        {t('page.loadFailed')}{' '}
        <button type="button" class="secondary small" onClick={() => location.reload()}>
          {t('ticket.reload')}
        </button>
      </p>
    )
  return (
    <p class="boot" role="status">
      {t('queue.loading')}
    </p>
  )
}
