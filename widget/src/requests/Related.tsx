import type { OpenRequest } from '@snagbox/sdk'
import { useWidget } from '../widget-context.js'
import type { RequestsKey } from '../i18n/requests-en.js'
import { useRequests } from './context.js'
import { statusWords } from './words.js'

/** The requests linked to this one: the one it duplicates, split from or into, with their status. */
export function Related({ request }: { request: OpenRequest }) {
  const { state } = useWidget()
  const { rt, conversation } = useRequests()
  const mine = (reference: string) =>
    !!conversation.items.value?.some((r) => r.state !== 'queued' && r.reference === reference)
  if (!request.ticket.related.length) return null
  return (
    <ul class="related">
      {request.ticket.related.map((r) => {
        const text = rt(`related_${r.relation}` as RequestsKey, {
          reference: r.reference,
          status: statusWords(rt, r.status, null),
        })
        return (
          <li key={r.reference}>
            {r.yours && mine(r.reference) ? (
              <button
                type="button"
                class="link-button"
                onClick={() => state.showRequest(r.reference)}
              >
                {text}
              </button>
            ) : (
              text
            )}
          </li>
        )
      })}
    </ul>
  )
}
