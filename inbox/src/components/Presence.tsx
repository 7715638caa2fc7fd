import { presence } from '../state.js'
import { listOf, tt } from '../ticket-i18n/index.js'

const viewersOf = (ticketId: string) =>
  presence.value?.ticketId === ticketId ? presence.value.viewers : []

/** Who else has the ticket open, under its subject; said politely when it changes. */
export function Viewers({ ticketId }: { ticketId: string }) {
  const viewers = viewersOf(ticketId)
  return (
    <p class="presence" aria-live="polite" data-viewers={viewers.length}>
      {viewers.length > 0 && (
        <>
          <span class="presence-dot" aria-hidden="true" />
          {tt('presence.viewing', { names: listOf(viewers.map((v) => v.name)) })}
        </>
      )}
    </p>
  )
}

/** Who else is typing on the ticket, by the composer: two answers at once help nobody. */
export function Typing({ ticketId }: { ticketId: string }) {
  const typing = viewersOf(ticketId).filter((v) => v.typing)
  return (
    <p class="presence typing" aria-live="polite" data-typing={typing.length}>
      {typing.length === 1 && tt('presence.typingOne', { name: typing[0]!.name })}
      {typing.length > 1 && tt('presence.typingMany', { names: listOf(typing.map((v) => v.name)) })}
    </p>
  )
}
