import { useSignalEffect } from '@preact/signals'
import { useEffect, useRef } from 'preact/hooks'
import { can } from '../allowed.js'
import { composerMode, draftKey, editDraft, type ComposerMode } from '../composer-draft.js'
import { label, t, when } from '../i18n/index.js'
import { onKeys } from '../keys.js'
import { lastQueueSearch, navigate, queueUrl } from '../router.js'
import { changedElsewhere, me, notice, pendingAssignee, resyncs, ticket } from '../state.js'
import {
  liveChange,
  mergeFailed,
  mergeLatest,
  openTicket,
  refreshEmails,
  reloadTicket,
} from '../ticket-actions.js'
import { joinTicket } from '../presence.js'
import { tt } from '../ticket-i18n/index.js'
import { assign } from './AssigneePicker.js'
import { BlockingBadge, PriorityBadge, StatusBadge } from './Badges.js'
import { Composer } from './Composer.js'
import { Controls } from './Controls.js'
import { DataPanels } from './DataPanels.js'
import { EnvironmentPanel, KeyFacts } from './Environment.js'
import { LightboxHost } from './Lightbox.js'
import { Links } from './Links.js'
import { MoreActions } from './MoreActions.js'
import { Viewers } from './Presence.js'
import { ReporterCard } from './ReporterCard.js'
import { Screenshot } from './Screenshot.js'
import { Similar } from './Similar.js'
import { TicketTimes } from './TicketTimes.js'
import { Timeline } from './Timeline.js'

/** What others changed while the ticket was open, said once at the top (the entries are marked). */
function LiveNotice() {
  const changed = liveChange.value
  const show = () => {
    const first = document.querySelector<HTMLElement>('.timeline li.fresh')
    first?.scrollIntoView({ block: 'center' })
    first?.focus()
  }
  return (
    <div aria-live="polite" class="notices">
      {mergeFailed.value ? (
        <p class="notice notice-warning">
          {tt('live.failed')}{' '}
          <button type="button" class="secondary small" onClick={() => void reloadTicket()}>
            {t('ticket.reload')}
          </button>
        </p>
      ) : (
        changed && (
          <p class="notice" data-live-change key={changed.version}>
            {tt('live.changed', { who: changed.who })}{' '}
            <button type="button" class="secondary small" onClick={show}>
              {tt('live.show')}
            </button>
          </p>
        )
      )}
    </div>
  )
}

function writeIn(mode: ComposerMode): void {
  composerMode.value = mode
  requestAnimationFrame(() => document.getElementById('composer-body')?.focus())
}

/** The ticket's keys: r reply, n internal note, e resolve (with a reply: the solution), a take. */
const TICKET_KEYS = {
  reply: () => writeIn('reply'),
  note: () => writeIn('note'),
  resolve: () => {
    const data = ticket.value.data
    if (!data) return
    if (!can(data.allowedActions, 'reply', { status: 'resolved' })) {
      notice.value = { kind: 'warning', text: tt('keys.cantResolve'), at: 'composer' }
      return
    }
    // Resolving needs the solution in words: the composer is set to resolve, the draft kept.
    editDraft(draftKey(data.id, 'reply'), { status: 'resolved' })
    writeIn('reply')
  },
  assign: () => {
    const self = me.value
    if (!ticket.value.data || !self) return
    if (ticket.value.data.assignee?.id === self.id)
      notice.value = { kind: 'success', text: tt('keys.mineAlready'), at: 'side' }
    else void assign(self.id, 'side').then((ok) => ok && (pendingAssignee.value = null))
  },
}

export function TicketPage({ reference }: { reference: string }) {
  useEffect(() => onKeys(TICKET_KEYS), [])
  useEffect(() => {
    void openTicket(reference)
  }, [reference])
  // The event stream told of a newer version, or came back after a drop: merge what changed.
  useSignalEffect(() => {
    if (changedElsewhere.value) void mergeLatest()
  })
  const resynced = useRef(resyncs.value)
  useSignalEffect(() => {
    if (resyncs.value === resynced.current) return
    resynced.current = resyncs.value
    void reloadTicket()
  })
  const { data: loaded, loading, error } = ticket.value
  // While another ticket is loading, the one before is not shown under this one's address.
  const data =
    loaded &&
    (loaded.reference.toUpperCase() === reference.toUpperCase() || loaded.id === reference)
      ? loaded
      : null
  useEffect(() => {
    document.title = `${data?.reference ?? reference} · Snagbox`
  }, [data?.reference, reference])
  // While the ticket is open, the others on it see the agent there (and typing), and vice versa.
  const openRef = data?.reference
  useEffect(() => (openRef && data ? joinTicket(openRef, data.id) : undefined), [data?.id])
  // While an e-mail is on its way, look again now and then (soon at first, then less often).
  const polls = useRef(0)
  useEffect(() => void (polls.current = 0), [reference])
  const sending = !!data?.emails?.some((email) => email.state === 'pending')
  useEffect(() => {
    if (!sending) return
    const timer = setTimeout(refreshEmails, Math.min(60_000, 3_000 * 2 ** polls.current++))
    return () => clearTimeout(timer)
  }, [data, sending])
  const back = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey) return
    e.preventDefault()
    navigate(queueUrl(lastQueueSearch.value))
  }

  return (
    <article class="ticket" aria-busy={loading}>
      <a class="back" href={queueUrl(lastQueueSearch.value)} onClick={back}>
        ← {t('ticket.back')}
      </a>
      {error && (
        <p class="notice notice-error" role="alert">
          {error.status === 404
            ? t('ticket.notFound')
            : error.code === 'network_error'
              ? t('error.network')
              : error.detail}
        </p>
      )}
      {!data && loading && <p class="hint">{t('queue.loading')}</p>}
      {data ? (
        <>
          <header class="ticket-head">
            <div class="ticket-tags">
              <span class="ref-big">{data.reference}</span>
              <StatusBadge status={data.status} closeReason={data.closeReason} />
              <PriorityBadge priority={data.priority} />
              <span class="badge plain">{label('category', data.category)}</span>
              {data.blocking && <BlockingBadge />}
            </div>
            <h1>{data.subject}</h1>
            <p class="hint">
              {t('ticket.opened')} <time dateTime={data.createdAt}>{when(data.createdAt)}</time>
            </p>
            <TicketTimes data={data} />
            <Viewers ticketId={data.id} />
          </header>
          <LiveNotice />
          <KeyFacts data={data} />
          <div class="ticket-grid">
            <div class="ticket-main">
              <section class="card" aria-labelledby="desc-title">
                <h2 id="desc-title">{t('ticket.description')}</h2>
                <p class="text">{data.description}</p>
              </section>
              <Similar data={data} />
              <Screenshot data={data} />
              <Timeline data={data} />
              <Composer data={data} />
              <MoreActions data={data} />
            </div>
            <aside class="ticket-side">
              <Controls data={data} />
              <ReporterCard data={data} />
              <Links data={data} />
              <EnvironmentPanel data={data} />
              <DataPanels data={data} />
            </aside>
          </div>
          <LightboxHost />
        </>
      ) : null}
    </article>
  )
}
