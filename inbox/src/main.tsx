import { effect } from '@preact/signals'
import { render } from 'preact'
import { ROUTES } from '@snagbox/sdk/contract'
import { loadAgents } from './agent-list.js'
import { ApiProblem } from './api.js'
import { App } from './components/App.js'
import { composerMode } from './components/Composer.js'
import { initLang } from './i18n/index.js'
import { keyCommand, moveSelection } from './keys.js'
import { connectLive } from './live.js'
import { markFresh, scheduleRefresh } from './queue-actions.js'
import { lastQueueSearch, navigate, queueUrl, route, syncRoute, ticketUrl } from './router.js'
import { agents, api, fresh, liveState, me, queue, seenVersion, selected, ticket } from './state.js'
import { reloadTicket } from './ticket-actions.js'
import { initTheme } from './theme.js'

initLang()
initTheme()
syncRoute()
addEventListener('popstate', syncRoute)

api.me().then(
  (agent) => (me.value = agent),
  (error: unknown) => {
    me.value = null
    if (error instanceof ApiProblem && error.status !== 401)
      console.warn('Snagbox inbox:', error.detail)
  },
)

// The login answers the agent alone: its e-mail settings, and whether the server sends any,
// come with GET /me.
effect(() => {
  const agent = me.value
  if (agent && agent.mail === undefined)
    api.me().then(
      (full) => {
        if (me.value?.id === full.id) me.value = { ...me.value, ...full }
      },
      (error: unknown) => console.warn('Snagbox inbox: the settings did not load', error),
    )
})

// The agent list is someone's while they are signed in.
effect(() => {
  if (me.value) void loadAgents()
  else agents.value = null
})

// The event stream runs while someone is signed in.
effect(() => {
  if (!me.value) return
  const live = connectLive({
    url: ROUTES.events,
    onState: (state) => (liveState.value = state),
    onEvent: (event) => {
      markFresh(event.id)
      scheduleRefresh()
      const open = ticket.value.data
      if (open && open.id === event.id && event.version > seenVersion.value)
        seenVersion.value = event.version
    },
    // Changes made while the stream was down were missed: show what is true now.
    onResync: () => {
      scheduleRefresh(0)
      if (ticket.value.data) reloadTicket()
    },
    // Signed out elsewhere, revoked or disabled: back to the sign-in page at once.
    onEnded: () => (me.value = null),
  })
  return () => live.close()
})

const editing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

addEventListener('keydown', (e) => {
  const view = route.value.view
  // The keys are the queue's and the ticket's; the admin screens are ordinary forms.
  if (!me.value || (view !== 'queue' && view !== 'ticket')) return
  const isEditing = editing(e.target)
  if (e.key === 'Escape' && isEditing) {
    ;(e.target as HTMLElement).blur()
    return
  }
  // Enter on a link or a button does what they do; only the list itself opens on Enter.
  if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('a,button,summary'))
    return
  const command = keyCommand(
    { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, editing: isEditing },
    view,
  )
  if (!command) return
  e.preventDefault()
  const items = queue.value.items
  switch (command) {
    case 'next':
    case 'prev':
      selected.value = moveSelection(selected.value, command, items.length)
      if (items[selected.value]) {
        const id = items[selected.value]!.id
        if (fresh.value.has(id)) fresh.value = new Set([...fresh.value].filter((x) => x !== id))
      }
      // Focus follows the selection, so a screen reader reads the row and Enter opens its link.
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('.queue-table tr.selected a')?.focus(),
      )
      return
    case 'open': {
      const item = items[selected.value]
      if (item) navigate(ticketUrl(item.reference))
      return
    }
    case 'search':
      if (view === 'ticket') navigate(queueUrl(lastQueueSearch.value))
      requestAnimationFrame(() =>
        (document.getElementById('search') as HTMLInputElement | null)?.focus(),
      )
      return
    case 'reply':
      composerMode.value = 'reply'
      requestAnimationFrame(() => document.getElementById('composer-body')?.focus())
      return
    case 'back':
      navigate(queueUrl(lastQueueSearch.value))
      return
  }
})

render(<App />, document.getElementById('app')!)
