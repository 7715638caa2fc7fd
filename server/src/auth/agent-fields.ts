import { NEW_TICKET_NOTICES, type AgentNotifications } from '@snagbox/sdk/contract'
import type { Fields } from '../http/request-body.js'

/**
 * The `notifications` object of a request body (`{ newTickets?, activity? }`), checked; what an
 * agent sets for itself and an admin for anyone.
 */
export function notificationsOf(f: Fields): Partial<AgentNotifications> | undefined {
  const n = f.object('notifications')?.only(['newTickets', 'activity'])
  if (!n) return undefined
  const newTickets = n.oneOf('newTickets', NEW_TICKET_NOTICES)
  const activity = n.flag('activity')
  return {
    ...(newTickets !== undefined ? { newTickets } : {}),
    ...(activity !== undefined ? { activity } : {}),
  }
}
