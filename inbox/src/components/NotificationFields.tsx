import { NEW_TICKET_NOTICES, type AgentNotifications } from '@snagbox/sdk/contract'
import { t } from '../i18n/index.js'

/**
 * Which e-mails an agent gets: new tickets (urgent, every one, none) and the reporter's answers.
 * The agent's own settings and an admin's screen for any agent share it (the admin's with its own
 * `labels`: "their", not "my"); `error` is the server's word on them, said under them.
 */
export function NotificationFields(props: {
  id: string
  labels?: { newTickets: string; activity: string }
  value: AgentNotifications
  onChange: (value: AgentNotifications) => void
  error?: string | undefined
}) {
  const { id, value, error } = props
  const labels = props.labels ?? {
    newTickets: t('settings.newTickets'),
    activity: t('settings.activity'),
  }
  const errorId = error ? `${id}-error` : undefined
  return (
    <div id={id} class="notify-fields">
      <fieldset class="choices" aria-describedby={errorId}>
        <legend>{labels.newTickets}</legend>
        {NEW_TICKET_NOTICES.map((choice) => (
          <label key={choice} class="choice">
            <input
              type="radio"
              name={`${id}-newTickets`}
              value={choice}
              checked={value.newTickets === choice}
              onChange={() => props.onChange({ ...value, newTickets: choice })}
            />
            {t(`notify.${choice}`)}
          </label>
        ))}
      </fieldset>
      <label class="choice">
        <input
          type="checkbox"
          checked={value.activity}
          aria-describedby={[`${id}-activity-hint`, errorId].filter(Boolean).join(' ')}
          onChange={(e) => props.onChange({ ...value, activity: e.currentTarget.checked })}
        />
        {labels.activity}
      </label>
      <p id={`${id}-activity-hint`} class="hint">
        {t('settings.activityHint')}
      </p>
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
