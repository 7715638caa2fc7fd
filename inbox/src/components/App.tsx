import { t } from '../i18n/index.js'
import { route } from '../router.js'
import { me } from '../state.js'
import { Header } from './Header.js'
import { Login } from './Login.js'
import { QueuePage } from './QueuePage.js'
import { TicketPage } from './TicketPage.js'

export function App() {
  if (me.value === undefined) return <p class="boot">{t('queue.loading')}</p>
  if (me.value === null) return <Login />
  const current = route.value
  return (
    <>
      <a class="skip" href="#main">
        {t('queue.title')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {current.view === 'ticket' ? <TicketPage reference={current.reference} /> : <QueuePage />}
      </main>
    </>
  )
}
