import type { OpenRequest, RequestResult } from '@snagbox/sdk'
import type { TicketActionType } from '@snagbox/sdk/contract'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { focusFirst } from '../focus.js'
import { useWidget } from '../widget-context.js'
import { AskReason } from './AskReason.js'
import { Composer } from './Composer.js'
import { errorWords, useRequests, WithTime } from './context.js'
import { Related } from './Related.js'
import { Solution } from './Solution.js'
import { Timeline } from './Timeline.js'
import { statusWords } from './words.js'

type Action = 'comment' | 'confirm' | 'reopen' | 'withdraw'
/** An action's outcome, said where it was asked for (`n` tells one from the next). */
type Notice = { ok: boolean; text: string; n: number }

/**
 * One request, as its status page shows it: status, history with support's replies, the
 * solution beside Confirm and Disagree, the answer box, Withdraw. Opening it marks it seen; a
 * reply from support appears while it is open. Each action's outcome is said in place.
 */
export function RequestView() {
  const { state, t } = useWidget()
  const { rt, conversation: c } = useRequests()
  const reference = state.reference.value!
  const opened = c.opened.value
  const request = opened?.reference === reference ? opened : null
  const root = useRef<HTMLElement>(null)
  const body = useRef<HTMLDivElement>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [asking, setAsking] = useState<'disagree' | 'withdraw' | null>(null)
  const [busy, setBusy] = useState(false)
  /** Where the focus goes once the view has drawn what an action changed. */
  const refocus = useRef<string | null>(null)
  const heard = c.heard.value

  useEffect(() => {
    setNotice(null)
    setAsking(null)
    void c.open(reference)
  }, [reference])
  // Also when the part has only now arrived, or a related request was opened from this one.
  useLayoutEffect(() => focusFirst(root.current!), [reference])
  // The newest in sight: on opening, when an entry is added, an outcome said, a reason asked.
  const entries = request?.ticket.timeline.length ?? 0
  useLayoutEffect(() => {
    const el = body.current
    if (el) el.scrollTop = el.scrollHeight
    if (refocus.current) root.current?.querySelector<HTMLElement>(refocus.current)?.focus()
    refocus.current = null
  }, [entries, notice, asking])

  /** Runs an action; when the control that asked for it is gone, the focus goes to its outcome. */
  async function act(
    action: Action,
    run: (r: OpenRequest) => Promise<RequestResult>,
    keepFocus = false,
  ) {
    setBusy(true)
    const error = await c.act(run)
    setBusy(false)
    if (!error) setAsking(null)
    if (!keepFocus) refocus.current = '.notice'
    setNotice({
      ok: !error,
      text: error ? errorWords(error, t, rt) : rt(`done_${action}`),
      n: (notice?.n ?? 0) + 1,
    })
    return !error
  }
  const cancel = (asked: 'disagree' | 'withdraw') => {
    refocus.current = `[data-ask="${asked}"]`
    setAsking(null)
  }

  const ticket = request?.ticket
  const can = (action: TicketActionType) => !!ticket?.allowedActions.includes(action)
  const solution =
    ticket?.status === 'resolved'
      ? [...ticket.timeline]
          .reverse()
          .find((e) => e.type === 'public_reply' && e.data.status === 'resolved')
      : undefined
  const failed = c.openError.value

  return (
    <section ref={root} class="conversation" aria-busy={!request}>
      <header class="conversation__header">
        <button type="button" class="link-button" onClick={state.showRequests}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M15 6l-6 6l6 6" />
          </svg>
          <span class="visually-hidden">{rt('back')} </span>
          {rt('requestsTitle')}
        </button>
        <h2 id="snagbox-title-request" class="title" tabIndex={-1} data-autofocus>
          {reference}
          {ticket && <span class="conversation__subject">{ticket.subject}</span>}
        </h2>
        {ticket && (
          <p class="conversation__status">
            <span class={`chip chip--${ticket.status}`}>
              {statusWords(rt, ticket.status, ticket.closeReason)}
            </span>
            <span class="hint">
              <WithTime text={rt('filed')} iso={ticket.createdAt} />
            </span>
            <a class="hint" href={request.statusUrl} target="_blank" rel="noopener noreferrer">
              {rt('statusPage')}
            </a>
          </p>
        )}
      </header>
      <div ref={body} class="conversation__body">
        {failed && (
          <p class="notice notice--error" role="alert">
            {failed.code === 'not_found'
              ? rt('gone')
              : request
                ? errorWords(failed, t, rt)
                : rt('openFailed')}{' '}
            <button type="button" class="link-button" onClick={() => void c.open(reference)}>
              {t('retry')}
            </button>
          </p>
        )}
        {!request ? (
          !failed && (
            <p class="hint" role="status">
              {rt('opening')}
            </p>
          )
        ) : (
          <>
            <p class="hint">{rt(`hint_${request.ticket.status}`)}</p>
            <Related request={request} />
            <Timeline request={request} beside={can('confirm') ? solution?.id : undefined} />
            {can('confirm') && (
              <Solution
                solution={solution}
                canDisagree={can('disagree')}
                disagreeing={asking === 'disagree'}
                busy={busy}
                onConfirm={() => act('confirm', (r) => r.confirm())}
                onDisagree={() => setAsking('disagree')}
                onReopen={(reason) => act('reopen', (r) => r.reopen(reason))}
                onCancel={() => cancel('disagree')}
              />
            )}
            {notice && (
              <p
                key={notice.n}
                class={notice.ok ? 'notice notice--done' : 'notice notice--error'}
                role={notice.ok ? 'status' : 'alert'}
                tabIndex={-1}
              >
                {notice.text}
              </p>
            )}
            {can('withdraw') &&
              (asking === 'withdraw' ? (
                <AskReason
                  id="snagbox-withdraw"
                  question={rt('withdrawAsk', { reference })}
                  label={rt('withdrawReason')}
                  yes={rt('withdrawYes')}
                  no={rt('withdrawNo')}
                  danger
                  onSend={(reason) => act('withdraw', (r) => r.withdraw(reason || undefined))}
                  onCancel={() => cancel('withdraw')}
                />
              ) : (
                <button
                  type="button"
                  class="button button--quiet button--danger-text conversation__withdraw"
                  data-ask="withdraw"
                  onClick={() => setAsking('withdraw')}
                >
                  {rt('withdraw')}
                </button>
              ))}
          </>
        )}
      </div>
      {ticket && can('comment') && (
        <div class="conversation__footer">
          <Composer
            key={reference}
            reference={reference}
            asked={ticket.status === 'waiting_on_reporter'}
            onSend={(text) => act('comment', (r) => r.comment(text), true)}
          />
        </div>
      )}
      <p class="visually-hidden" role="status">
        {heard?.reference === reference
          ? rt('heardFrom', { name: heard.name ?? rt('support') })
          : ''}
      </p>
    </section>
  )
}
