import { useEffect, useState } from 'preact/hooks'
import type { AgentTicket, SimilarTicket } from '@snagbox/sdk/contract'
import { can } from '../allowed.js'
import { api, busy, notice } from '../state.js'
import { currentBasis, write } from '../ticket-actions.js'
import { ticketApi } from '../ticket-api.js'
import { tt } from '../ticket-i18n/index.js'
import { NoticeLine } from './NoticeLine.js'
import { TicketRefs } from './TicketRefs.js'

/**
 * On a new ticket, the open tickets that may be the same problem (the same version and OS
 * first), each linkable in one click: this one closed as its duplicate, or made a child of a
 * mass incident. A refusal is said here, where it was asked for.
 */
export function Similar({ data }: { data: AgentTicket }) {
  const [items, setItems] = useState<SimilarTicket[]>([])
  const fresh = data.status === 'new'
  useEffect(() => {
    setItems([])
    if (!fresh) return
    let current = true
    // Suggestions only: without them the ticket page is whole.
    ticketApi.similar(data.reference).then(
      (found) => current && setItems(found),
      () => undefined,
    )
    return () => void (current = false)
  }, [data.id, fresh])
  // Once linked, the ticket is no longer new: what it came to stays said until the next action.
  const said = notice.value?.at === 'similar'
  if (!(fresh && items.length) && !said) return null
  const allowed = data.allowedActions
  const canDuplicate = can(allowed, 'close', { closeReason: 'duplicate' })
  const canLink = can(allowed, 'link')
  const basis = currentBasis()

  const duplicate = (ref: string) =>
    write(
      (own, etag) =>
        api.link(own, { duplicateOf: ref, comment: tt('similar.comment', { ref }) }, etag),
      tt('similar.duplicated', { ref }),
      'similar',
      basis,
    )
  const child = (ref: string) =>
    write(
      (own, etag) => api.link(own, { parent: ref }, etag),
      tt('similar.linked', { ref }),
      'similar',
      basis,
    )

  return (
    <section class="card similar" aria-labelledby="similar-title">
      <h2 id="similar-title">{tt('similar.title')}</h2>
      {fresh && (
        <TicketRefs
          items={items}
          label={tt('similar.title')}
          more={(item) => (
            <span class="similar-actions">
              {item.sameEnvironment && (
                <span class="badge plain">{tt('similar.sameEnvironment')}</span>
              )}
              {canDuplicate && (
                <button
                  type="button"
                  class="secondary small"
                  disabled={busy.value}
                  onClick={() => void duplicate(item.reference)}
                >
                  {tt('similar.duplicate', { ref: item.reference })}
                </button>
              )}
              {canLink && item.category === 'mass_incident' && (
                <button
                  type="button"
                  class="secondary small"
                  disabled={busy.value}
                  onClick={() => void child(item.reference)}
                >
                  {tt('similar.child', { ref: item.reference })}
                </button>
              )}
            </span>
          )}
        />
      )}
      <NoticeLine at="similar" />
    </section>
  )
}
