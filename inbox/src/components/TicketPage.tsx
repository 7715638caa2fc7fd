import { useEffect, useRef } from 'preact/hooks'
import type { AgentTicket } from '@snagbox/sdk/contract'
import { label, t, when } from '../i18n/index.js'
import { lastQueueSearch, navigate, queueUrl, ticketUrl } from '../router.js'
import { changedElsewhere, ticket } from '../state.js'
import { openTicket, refreshEmails, reloadTicket } from '../ticket-actions.js'
import { BlockingBadge, PriorityBadge, StatusBadge } from './Badges.js'
import { Composer } from './Composer.js'
import { Controls } from './Controls.js'
import { DataPanels } from './DataPanels.js'
import { EnvironmentPanel, KeyFacts } from './Environment.js'
import { MoreActions } from './MoreActions.js'
import { ReporterCard } from './ReporterCard.js'
import { Screenshot } from './Screenshot.js'
import { Timeline } from './Timeline.js'

function Links({ data }: { data: AgentTicket }) {
  const rows = [
    ['ticket.parent', data.parent],
    ['ticket.splitFrom', data.splitFrom],
    ['ticket.duplicateOf', data.duplicateOf],
  ] as const
  const present = rows.filter(([, link]) => link?.reference)
  if (!present.length && !data.children.length) return null
  return (
    <section class="card" aria-labelledby="links-title">
      <h2 id="links-title">{t('ticket.links')}</h2>
      <dl class="facts">
        {present.map(([key, link]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>
              <a href={ticketUrl(link!.reference!)}>{link!.reference}</a>
            </dd>
          </div>
        ))}
        {data.children.length > 0 && (
          <div>
            <dt>{t('ticket.children')}</dt>
            <dd class="chips">
              {data.children.map((c) => (
                <a key={c.id} href={ticketUrl(c.reference)} title={label('status', c.status)}>
                  {c.reference}
                </a>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </section>
  )
}

export function TicketPage({ reference }: { reference: string }) {
  useEffect(() => {
    void openTicket(reference)
  }, [reference])
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
          </header>
          <div aria-live="polite" class="notices">
            {changedElsewhere.value && (
              <p class="notice notice-warning">
                {t('ticket.changedElsewhere')}{' '}
                <button type="button" class="secondary small" onClick={reloadTicket}>
                  {t('ticket.reload')}
                </button>
              </p>
            )}
          </div>
          <KeyFacts data={data} />
          <div class="ticket-grid">
            <div class="ticket-main">
              <section class="card" aria-labelledby="desc-title">
                <h2 id="desc-title">{t('ticket.description')}</h2>
                <p class="text">{data.description}</p>
              </section>
              <Screenshot data={data} />
              <Timeline data={data} />
              <Composer data={data} />
              <MoreActions data={data} />
            </div>
            <aside class="ticket-side">
              <Controls data={data} />
              <ReporterCard reporter={data.reporter} />
              <EnvironmentPanel data={data} />
              <Links data={data} />
              <DataPanels data={data} />
            </aside>
          </div>
        </>
      ) : null}
    </article>
  )
}
