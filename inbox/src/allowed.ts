import type { AllowedAction } from '@snagbox/sdk/contract'

/**
 * Whether the ticket's `allowedActions` hold this action (with this reply status or close
 * reason): the buttons shown are exactly what the server will accept now.
 *
 * @example
 * can(ticket.allowedActions, 'reply', { status: 'resolved' })
 */
export function can(
  list: readonly AllowedAction[],
  action: string,
  extra: { status?: string; closeReason?: string } = {},
): boolean {
  return list.some(
    (a) =>
      a.action === action &&
      (extra.status === undefined ? a.status === undefined : a.status === extra.status) &&
      (extra.closeReason === undefined || a.closeReason === extra.closeReason),
  )
}
