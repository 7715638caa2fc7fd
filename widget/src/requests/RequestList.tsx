import type { MyRequest } from '@snagbox/sdk'
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks'
import { focusFirst } from '../focus.js'
import { useWidget } from '../widget-context.js'
import { errorWords, useRequests, When, WithTime } from './context.js'
import { entryWords, statusWords } from './words.js'

/** The failures that mean the server could not be reached, rather than that it refused. */
const UNREACHED = new Set(['network_error', 'timeout', 'server_error'])

/** One request of the list: a button that opens it, or — not sent yet — what is known of it. */
function Item({ item, autofocus }: { item: MyRequest; autofocus: boolean }) {
  const { state } = useWidget()
  const { rt } = useRequests()
  if (item.state === 'queued')
    return (
      <div class="request request--queued">
        <span class="request__top">
          <span class="chip chip--queued">{rt('queued')}</span>
        </span>
        <span class="request__subject">{item.subject}</span>
        <span class="request__meta">
          <WithTime text={rt('saved')} iso={item.createdAt} /> · {rt('queuedHint')}
        </span>
      </div>
    )
  const sent = item.state === 'sent' ? item : null
  const change = sent?.lastChange
  const quote = change?.by === 'support' && change.excerpt
  return (
    <button
      type="button"
      class={sent?.unread ? 'request request--unread' : 'request'}
      data-reference={item.reference}
      data-autofocus={autofocus ? '' : undefined}
      onClick={() => state.showRequest(item.reference)}
    >
      <span class="request__top">
        <span class="request__reference">{item.reference}</span>
        <span class={`chip chip--${sent?.status ?? 'unknown'}`}>
          {sent ? statusWords(rt, sent.status, sent.closeReason) : rt('remembered')}
        </span>
        {!!sent?.unread && (
          <span class="request__unread">
            <span aria-hidden="true">{sent.unread}</span>
            <span class="visually-hidden">{rt('unread', { n: sent.unread })}</span>
          </span>
        )}
      </span>
      {sent && <span class="request__subject">{sent.subject}</span>}
      {quote && <span class="request__excerpt">{`${change.name ?? rt('support')}: ${quote}`}</span>}
      <span class="request__meta">
        {!sent ? (
          <WithTime text={rt('filed')} iso={item.createdAt} />
        ) : quote ? (
          <WithTime text={rt('updated')} iso={sent.updatedAt} />
        ) : (
          <>
            {entryWords(rt, { type: sent.lastChange.type, data: { to: sent.status } })} ·{' '}
            <When iso={sent.updatedAt} />
          </>
        )}
      </span>
    </button>
  )
}

/**
 * "My requests": every request this browser sent (the host's signed-in user's from any device),
 * queued ones too, most recently changed first. Listed anew each time it is shown; without the
 * server, what this browser remembers, said to be so.
 */
export function RequestList({ returnTo }: { returnTo: string | null }) {
  const { state, t } = useWidget()
  const { rt, conversation: c } = useRequests()
  const root = useRef<HTMLElement>(null)
  const items = c.items.value
  const stale = c.stale.value
  const heard = c.heard.value
  const unlisted = state.unlisted.value
  useEffect(() => void c.refresh(), [])
  // Also when the part has only now arrived, after the dialog moved the focus.
  useLayoutEffect(() => focusFirst(root.current!), [])
  const back = returnTo && items?.some((r) => r.state !== 'queued' && r.reference === returnTo)

  return (
    <section ref={root} class="requests" aria-busy={c.loading.value && !items}>
      <header class="requests__header">
        <h2
          id="snagbox-title-requests"
          class="title"
          tabIndex={-1}
          data-autofocus={back ? undefined : ''}
        >
          {rt('requestsTitle')}
        </h2>
        <p class="intro">
          {c.identity.value === 'verified' ? rt('requestsIntroUser') : rt('requestsIntro')}
        </p>
      </header>
      <div class="requests__body">
        {unlisted && (
          <p class="notice notice--warning" role="alert">
            {rt(c.identity.value === 'verified' ? 'notListedUser' : 'notListed', {
              reference: unlisted,
            })}
          </p>
        )}
        {stale && (
          <p class="notice notice--warning" role="status">
            {UNREACHED.has(stale.code) ? rt('requestsStale') : errorWords(stale, t, rt)}{' '}
            <button type="button" class="link-button" onClick={() => void c.refresh()}>
              {t('retry')}
            </button>
          </p>
        )}
        {!items ? (
          <p class="hint" role="status">
            {rt('requestsLoading')}
          </p>
        ) : items.length ? (
          <ul class="requests__list">
            {items.map((item) => (
              <li key={item.state === 'queued' ? item.outboxId : item.reference}>
                <Item
                  item={item}
                  autofocus={!!back && item.state !== 'queued' && item.reference === returnTo}
                />
              </li>
            ))}
          </ul>
        ) : (
          <div class="requests__empty">
            <p>{rt('requestsEmpty')}</p>
            <p class="hint">{rt('requestsEmptyHint')}</p>
          </div>
        )}
      </div>
      <div class="requests__footer">
        <button type="button" class="button button--primary" onClick={state.showForm}>
          {rt('requestsNew')}
        </button>
      </div>
      <p class="visually-hidden" role="status">
        {heard ? rt('heardOn', { reference: heard.reference }) : ''}
      </p>
    </section>
  )
}
