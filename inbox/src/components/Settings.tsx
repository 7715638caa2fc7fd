import type { AgentNotifications } from '@snagbox/sdk/contract'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiProblem } from '../api.js'
import { t } from '../i18n/index.js'
import { notificationChanges } from '../notifications.js'
import { api, me } from '../state.js'
import { problemNotice } from '../problem-notice.js'
import { NotificationFields } from './NotificationFields.js'

/** The header's Settings button and what it opens: the agent's own e-mail notifications. */
export function Settings() {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const close = (focus: boolean) => {
    setOpen(false)
    if (focus) button.current?.focus()
  }
  useEffect(() => {
    if (!open) return
    // To the choice made, as a radio group is entered; else to the first control.
    const into = panel.current
    const first =
      into?.querySelector<HTMLElement>('input:checked') ??
      into?.querySelector<HTMLElement>('input,button')
    first?.focus()
    // A click elsewhere closes it, as a menu does.
    const outside = (e: PointerEvent) => {
      const target = e.target as Node
      if (!panel.current?.contains(target) && !button.current?.contains(target)) close(false)
    }
    addEventListener('pointerdown', outside)
    return () => removeEventListener('pointerdown', outside)
  }, [open])

  return (
    <div
      class="menu"
      // Escape closes it here, before the page's own keys take it as "back to the queue".
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return
        e.stopPropagation()
        close(true)
      }}
    >
      <button
        ref={button}
        type="button"
        class={open ? 'ghost pressed' : 'ghost'}
        aria-expanded={open}
        aria-controls="settings"
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        {t('settings.open')}
      </button>
      {open && (
        <div
          ref={panel}
          id="settings"
          class="popover"
          role="dialog"
          aria-labelledby="settings-title"
        >
          <h2 id="settings-title">{t('settings.title')}</h2>
          <SettingsBody />
        </div>
      )}
    </div>
  )
}

function SettingsBody() {
  const agent = me.value
  if (agent?.mail === false) return <p class="hint">{t('settings.off')}</p>
  if (!agent?.notifications) return <p class="hint">{t('queue.loading')}</p>
  return <NotificationsForm saved={agent.notifications} />
}

function NotificationsForm({ saved }: { saved: AgentNotifications }) {
  const [form, setForm] = useState(saved)
  const [state, setState] = useState<{
    busy?: boolean
    error?: string
    field?: string
    done?: boolean
  }>({})

  const submit = async (e: Event) => {
    e.preventDefault()
    const changes = notificationChanges(saved, form)
    if (state.busy) return
    if (!changes) return setState({ done: true })
    setState({ busy: true })
    try {
      const updated = await api.updateMe(changes)
      me.value = { ...me.value!, ...updated }
      setState({ done: true })
    } catch (error) {
      const problem =
        error instanceof ApiProblem ? error : new ApiProblem(0, 'network_error', String(error))
      const field = problem.errors.find((x) => x.path.startsWith('notifications'))
      setState(field ? { field: field.message } : { error: problemNotice(problem).text })
    }
  }

  return (
    <form
      class="settings-form"
      aria-labelledby="settings-title"
      aria-busy={state.busy}
      onSubmit={submit}
    >
      <NotificationFields
        id="settings-notifications"
        value={form}
        onChange={(next) => {
          setForm(next)
          setState({})
        }}
        error={state.field}
      />
      <div class="actions">
        <button type="submit" class="primary" aria-disabled={state.busy}>
          {t('settings.save')}
        </button>
        <span aria-live="polite">
          {state.busy && <span class="hint">{t('form.busy')}</span>}
          {state.done && <span class="saved">{t('settings.saved')}</span>}
        </span>
      </div>
      {state.error && (
        <p class="form-error" role="alert">
          {state.error}
        </p>
      )}
    </form>
  )
}
