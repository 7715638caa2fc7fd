import type { AgentTicket } from '@snagbox/sdk/contract'
import { t } from '../i18n/index.js'
import { mailtoHref } from '../mailto.js'

export function ReporterCard({ reporter }: { reporter: AgentTicket['reporter'] }) {
  const rows = [
    ['reporter.name', reporter.name, null],
    ['reporter.email', reporter.email, mailtoHref(reporter.email)],
    ['reporter.phone', reporter.phone, reporter.phone ? `tel:${reporter.phone}` : null],
    ['reporter.organization', reporter.organization, null],
  ] as const
  const present = rows.filter(([, value]) => value)
  return (
    <section class="card" aria-labelledby="reporter-title">
      <h2 id="reporter-title">{t('ticket.reporter')}</h2>
      {present.length ? (
        <dl class="facts">
          {present.map(([key, value, href]) => (
            <div key={key} class="fact">
              <dt>{t(key)}</dt>
              <dd>{href ? <a href={href}>{value}</a> : value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="hint">{t('reporter.none')}</p>
      )}
    </section>
  )
}
