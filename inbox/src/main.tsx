import { computed, effect } from '@preact/signals'
import { render } from 'preact'
import { ROUTES } from '@snagbox/sdk/contract'
import { loadAgents } from './agent-list.js'
import { ApiProblem } from './api.js'
import { App } from './components/App.js'
import { initLang } from './i18n/index.js'
import { onKeys } from './keys.js'
import { connectLive } from './live.js'
import { changedSince, focusSelectedRow, markFresh, scheduleRefresh } from './queue-actions.js'
import { lastQueueSearch, navigate, queueUrl, route, syncRoute } from './router.js'
import {
  agents,
  api,
  helpOpen,
  liveState,
  me,
  presence,
  resyncs,
  seenVersion,
  ticket,
} from './state.js'
import { listenForKeys } from './shortcuts.js'
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

// Changes made while the stream was down were missed: show what is true now.
const resync = () => {
  scheduleRefresh(0)
  resyncs.value += 1
}

// The event stream runs while someone is signed in: the same agent's settings changing (the
// login's answer completed by GET /me, an e-mail setting saved) is no reason to open another.
const signedIn = computed(() => me.value?.id)
effect(() => {
  if (!signedIn.value) return
  const live = connectLive({
    url: ROUTES.events,
    onState: (state) => (liveState.value = state),
    // Who else is on the open ticket; the others' tickets are not shown.
    onPresence: (event) => {
      if (ticket.value.data?.id === event.id)
        presence.value = { ticketId: event.id, viewers: event.viewers }
    },
    onEvent: (event) => {
      markFresh(event.id)
      scheduleRefresh()
      const open = ticket.value.data
      if (open && open.id === event.id && event.version > seenVersion.value)
        seenVersion.value = event.version
    },
    onResync: resync,
    // What the page loaded while the stream connected may lack a change made meanwhile: it is
    // loaded again only when a ticket changed since (nearly always none did). A page that asked
    // for nothing meanwhile (its chunk came later) has nothing to check.
    onConnected: (since, openedAt) => {
      if (api.calledSince(openedAt)) void changedSince(since).then((changed) => changed && resync())
    },
    // Signed out elsewhere, revoked or disabled: back to the sign-in page at once.
    onEnded: () => (me.value = null),
  })
  return () => live.close()
})

listenForKeys()
// What the keys do on either page; each page adds its own while it is shown (the ticket page
// its r, n, e and a).
onKeys({
  search: () => {
    if (route.value.view === 'ticket') navigate(queueUrl(lastQueueSearch.value))
    requestAnimationFrame(() =>
      (document.getElementById('search') as HTMLInputElement | null)?.focus(),
    )
  },
  back: () => {
    navigate(queueUrl(lastQueueSearch.value))
    // Back in the queue, the keyboard is on the row it left from.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) focusSelectedRow()
    })
  },
  help: () => (helpOpen.value = true),
})

render(<App />, document.getElementById('app')!)
