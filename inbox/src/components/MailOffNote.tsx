import { useState } from 'preact/hooks'
import { t } from '../i18n/index.js'
import { me } from '../state.js'

const STORAGE_KEY = 'snagbox.inbox.noMailNoted'

const noted = () => {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1'
  } catch {
    return false
  }
}

/** Says once, until dismissed, that this server e-mails nobody: agents should know. */
export function MailOffNote() {
  const [hidden, setHidden] = useState(noted)
  if (me.value?.mail !== false || hidden) return null
  const dismiss = () => {
    setHidden(true)
    try {
      localStorage.setItem(STORAGE_KEY, '1')
    } catch {
      // Not remembered: it comes back on the next visit, and can be dismissed again.
    }
  }
  return (
    <p class="notice notice-warning mail-off" role="status">
      <span>{t('mail.offNote')}</span>
      <button type="button" class="secondary small" onClick={dismiss}>
        {t('mail.dismiss')}
      </button>
    </p>
  )
}
