import { t } from '../i18n/index.js'
import { LazyPage } from '../lazy-page.js'
import { route, type Route } from '../router.js'
import { helpOpen, me } from '../state.js'
import { wide } from '../wide.js'
import { Header } from './Header.js'
import { Login } from './Login.js'
import { MailOffNote } from './MailOffNote.js'
import { QueuePage } from './QueuePage.js'

export function App() {
  const current = route.value
  // A one-time link is opened signed out (or as someone else): its page comes before the login.
  if (current.view === 'invite') return <LazyPage name="invite" />
  if (me.value === undefined) return <p class="boot">{t('queue.loading')}</p>
  if (me.value === null) return <Login />
  return (
    <>
      <a class="skip" href="#main">
        {t('queue.title')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <MailOffNote />
        <View current={current} />
      </main>
      {helpOpen.value && <LazyPage name="help" />}
    </>
  )
}

function View({ current }: { current: Route }) {
  // On a wide screen the queue stays beside the ticket; the same page either way, so a resize
  // keeps what the agent was typing.
  if (current.view === 'ticket')
    return (
      <div class={wide.value ? 'split' : undefined}>
        {wide.value && <LazyPage name="list" props={{ reference: current.reference }} />}
        <LazyPage name="ticket" props={{ reference: current.reference }} />
      </div>
    )
  if (current.view === 'macros') return <LazyPage name="macros" />
  if (current.view !== 'admin') return <QueuePage />
  // The server refuses the admin API to others anyway; they don't download its screens either.
  if (me.value?.role === 'admin') return <LazyPage name="admin" />
  return (
    <p class="notice notice-error" role="alert">
      {t('admin.only')}
    </p>
  )
}
