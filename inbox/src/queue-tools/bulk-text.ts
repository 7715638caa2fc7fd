import type { BulkAnswer } from '../api.js'
import { label } from '../i18n/index.js'
import type { Notice } from '../state.js'
import { qt } from './i18n.js'

/** What a bulk change does, as its refusals word it. */
export type BulkWhat = 'assign' | 'unassign' | 'priority' | 'category' | 'parent' | 'duplicate'

/**
 * Why one ticket was refused, in the inbox's words: a lifecycle refusal said from the status the
 * ticket was refused in (`DEMO-12 is closed: it can't be assigned`), else the server's own.
 */
function refusal(result: Extract<BulkAnswer['results'][number], { ok: false }>, what: BulkWhat) {
  const { reference: ref, status } = result
  if (result.code === 'illegal_transition' && status)
    return qt('why.line', {
      ref,
      status: label('status', status).toLowerCase(),
      reason: qt(`why.${what}`),
    })
  if (result.code === 'no_change') return qt('why.same', { ref })
  // No status: the ticket itself is not one of the agent's (any more). With one, what is missing
  // is the ticket it was to be linked to, and the server's words name it.
  if (result.code === 'not_found' && !status) return qt('why.gone', { ref })
  return qt('why.other', { ref, detail: result.detail })
}

/**
 * What a bulk change came to: how many tickets changed and, one line each, those refused and why.
 *
 * @example
 * bulkNotice(answer, 'assign').items // ['DEMO-1 is closed: it can’t be assigned', …]
 */
export function bulkNotice(answer: BulkAnswer, what: BulkWhat): Notice {
  const total = answer.results.length
  const items = answer.results.flatMap((r) => (r.ok ? [] : [refusal(r, what)]))
  if (!items.length) return { kind: 'success', text: qt('bulk.allDone', { n: total }) }
  return {
    kind: answer.done ? 'warning' : 'error',
    text: qt('bulk.someDone', { done: answer.done, total, refused: answer.refused }),
    items,
  }
}
