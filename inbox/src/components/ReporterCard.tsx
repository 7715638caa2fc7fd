import type { AgentTicket, RequestsOf } from '@snagbox/sdk/contract'
import { t, when } from '../i18n/index.js'
import { mailtoHref } from '../mailto.js'
import { inPage, queueUrl } from '../router.js'
import { tt } from '../ticket-i18n/index.js'
import { TicketRefs } from './TicketRefs.js'

/** The queue of every request whose reporter matches `value` (name, e-mail or organization). */
export const reporterSearch = (value: string) =>
  queueUrl(`?${new URLSearchParams({ reporter: value, status: 'all' })}`)

function SearchLink({ value, title }: { value: string; title: string }) {
  const url = reporterSearch(value)
  return (
    <a href={url} onClick={inPage(url)} title={title}>
      {value}
    </a>
  )
}

/** Other requests of the reporter or the organization: how many, the newest, and all of them. */
function Others({ title, of, by }: { title: string; of: RequestsOf | null; by: string }) {
  if (!of?.count) return null
  const all = reporterSearch(by)
  return (
    <div class="ref-group">
      <h3>
        {title} <span class="count">{of.count}</span>
      </h3>
      <TicketRefs
        items={of.recent}
        label={title}
        more={(r) => (
          <time class="hint" dateTime={r.createdAt}>
            {' '}
            · {when(r.createdAt)}
          </time>
        )}
      />
      {of.count > of.recent.length && (
        <a class="all" href={all} onClick={inPage(all)}>
          {tt('links.all', { n: of.count })}
        </a>
      )}
    </div>
  )
}

/**
 * Who reported it, each of name, e-mail and organization a search of the queue by it, and the
 * other requests of the same reporter and organization.
 */
export function ReporterCard({ data }: { data: AgentTicket }) {
  const { reporter, reporterContext: context } = data
  const search = tt('reporter.search')
  const mailto = mailtoHref(reporter.email)
  const rows = [
    ['reporter.name', reporter.name && <SearchLink value={reporter.name} title={search} />],
    [
      'reporter.email',
      reporter.email && (
        <>
          <SearchLink value={reporter.email} title={search} />
          {mailto && (
            <a class="mailto" href={mailto} aria-label={tt('reporter.write')}>
              {' '}
              ✉
            </a>
          )}
        </>
      ),
    ],
    ['reporter.phone', reporter.phone && <a href={`tel:${reporter.phone}`}>{reporter.phone}</a>],
    [
      'reporter.organization',
      reporter.organization && <SearchLink value={reporter.organization} title={search} />,
    ],
  ] as const
  const present = rows.filter(([, value]) => value)
  return (
    <section class="card" aria-labelledby="reporter-title">
      <h2 id="reporter-title">{t('ticket.reporter')}</h2>
      {present.length ? (
        <dl class="facts">
          {present.map(([key, value]) => (
            <div key={key} class="fact">
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="hint">{t('reporter.none')}</p>
      )}
      <Others
        title={tt('reporter.others')}
        of={context.sameReporter}
        by={reporter.email ?? reporter.name ?? ''}
      />
      <Others
        title={tt('reporter.organizationOthers', { name: reporter.organization ?? '' })}
        of={context.sameOrganization}
        by={reporter.organization ?? ''}
      />
    </section>
  )
}
