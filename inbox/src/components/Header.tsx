import { label, t } from '../i18n/index.js'
import { adminUrl, lastQueueSearch, macrosUrl, navigate, queueUrl, route } from '../router.js'
import { api, liveState, me } from '../state.js'
import { setTheme, theme, THEMES, type Theme } from '../theme.js'
import { LanguageSwitch } from './LanguageSwitch.js'
import { Settings } from './Settings.js'

export function Header() {
  const agent = me.value!
  const logout = async () => {
    try {
      await api.logout()
    } finally {
      me.value = null
    }
  }
  // A plain click stays in the page; with a modifier the browser opens a tab as usual.
  const go = (url: string) => (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return
    e.preventDefault()
    navigate(url)
  }
  const home = go(queueUrl(lastQueueSearch.value))
  return (
    <header class="topbar">
      <a class="brand" href={queueUrl(lastQueueSearch.value)} onClick={home}>
        {t('appName')}
      </a>
      <span class={`live live-${liveState.value}`} role="status" data-live={liveState.value}>
        <span class="dot" aria-hidden="true" />
        {label('live', liveState.value)}
      </span>
      <span class="spacer" />
      <a
        class="nav-link"
        href={macrosUrl}
        aria-current={route.value.view === 'macros' ? 'page' : undefined}
        onClick={go(macrosUrl)}
      >
        {t('header.macros')}
      </a>
      {agent.role === 'admin' && (
        <a
          class="nav-link"
          href={adminUrl()}
          aria-current={route.value.view === 'admin' ? 'page' : undefined}
          onClick={go(adminUrl())}
        >
          {t('header.admin')}
        </a>
      )}
      <Settings />
      <label class="compact-select">
        <span class="sr-only">{t('header.theme')}</span>
        <select
          value={theme.value}
          onChange={(e) => setTheme((e.currentTarget as HTMLSelectElement).value as Theme)}
        >
          {THEMES.map((th) => (
            <option key={th} value={th}>
              {label('theme', th)}
            </option>
          ))}
        </select>
      </label>
      <LanguageSwitch />
      <span class="whoami" title={agent.email}>
        <span class="sr-only">{t('header.signedInAs')} </span>
        {agent.name}
      </span>
      <button type="button" class="ghost" onClick={logout}>
        {t('header.logout')}
      </button>
    </header>
  )
}
