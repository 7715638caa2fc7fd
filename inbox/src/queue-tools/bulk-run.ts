import { signal } from '@preact/signals'
import { asProblem, type BulkBody } from '../api.js'
import { problemNotice } from '../problem-notice.js'
import { focusSelectedRow, scheduleRefresh } from '../queue-actions.js'
import { checked } from '../selection.js'
import { api, notice } from '../state.js'
import { bulkNotice, type BulkWhat } from './bulk-text.js'

/** A bulk change is on its way. */
export const bulkBusy = signal(false)

/**
 * One change to many tickets, each under the lifecycle on its own. What it came to is told at
 * the bulk bar; the refused tickets stay checked, the queue and the counts refresh.
 */
export async function runBulk(
  change: Omit<BulkBody, 'references'>,
  references: string[],
  what: BulkWhat,
): Promise<void> {
  if (!references.length || bulkBusy.value) return
  bulkBusy.value = true
  notice.value = null
  try {
    const answer = await api.bulk({ references, ...change })
    notice.value = { ...bulkNotice(answer, what), at: 'bulk' }
    checked.value = new Set(answer.results.flatMap((r) => (r.ok ? [] : [r.reference])))
    scheduleRefresh(0)
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) focusSelectedRow()
    })
  } catch (error) {
    notice.value = problemNotice(asProblem(error), 'bulk')
  } finally {
    bulkBusy.value = false
  }
}

/** The `a` key in the queue: the checked tickets, or else the one under the cursor, to me. */
export const assignToMe = (references: string[]) =>
  runBulk({ assigneeId: 'me' }, references, 'assign')
