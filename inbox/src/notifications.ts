import type { AgentNotifications } from '@snagbox/sdk/contract'
import type { NotificationsBody } from './api.js'

/**
 * Only the e-mail settings that changed, so the audit trail says what was changed; `undefined`
 * when nothing did.
 *
 * @example
 * notificationChanges({ newTickets: 'urgent', activity: true }, { newTickets: 'all', activity: true })
 * // { newTickets: 'all' }
 */
export function notificationChanges(
  before: AgentNotifications,
  form: AgentNotifications,
): NotificationsBody | undefined {
  const changes: NotificationsBody = {
    ...(form.newTickets !== before.newTickets ? { newTickets: form.newTickets } : {}),
    ...(form.activity !== before.activity ? { activity: form.activity } : {}),
  }
  return Object.keys(changes).length ? changes : undefined
}
