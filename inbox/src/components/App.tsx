import { t } from '../i18n/index.js'
import { LazyPage } from '../lazy-page.js'
import { route, type Route } from '../router.js'
import { me } from '../state.js'
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
    </>
  )
}

function View({ current }: { current: Route }) {
  if (current.view === 'ticket')
    return <LazyPage name="ticket" props={{ reference: current.reference }} />
  if (current.view !== 'admin') return <QueuePage />
  // The server refuses the admin API to others anyway; they don't download its screens either.
  if (me.value?.role === 'admin') return <LazyPage name="admin" />
  return (
    <p class="notice notice-error" role="alert">
      {t('admin.only')}
    </p>
  )
}
