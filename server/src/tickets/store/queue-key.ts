import type { Priority, Status } from '@snagbox/sdk/contract'

const RANK: Record<Priority, string> = { critical: '0', high: '1', normal: '2', low: '3' }

/**
 * The inbox order as one string: open before closed, then by priority, then oldest first; the id
 * breaks ties. Must match the backfill in migration 0002.
 */
export function queueKey(t: {
  status: Status | string
  priority: Priority | string
  createdAt: string
  id: string
}): string {
  return `${t.status === 'closed' ? '1' : '0'}${RANK[t.priority as Priority] ?? '3'}${t.createdAt}${t.id}`
}
