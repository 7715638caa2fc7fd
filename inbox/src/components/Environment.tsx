import type { AgentTicket } from '@snagbox/sdk/contract'
import { environmentRows, environmentText, osLabel, appLabel } from '../format.js'
import { t } from '../i18n/index.js'
import { CopyButton } from './CopyButton.js'

/** The regulation's facts in one line under the subject: OS with bitness, app version and build. */
export function KeyFacts({ data }: { data: AgentTicket }) {
  const env = data.environment ?? {}
  const os = osLabel(env.os, t) || t('env.unknown')
  const arch = env.os?.architecture ? ` (${env.os.architecture})` : ''
  const app = [data.app?.name, appLabel(data.app)].filter(Boolean).join(' ') || t('env.unknown')
  const browser = [env.browser?.name, env.browser?.version].filter(Boolean).join(' ')
  const browserBits = env.browser?.bitness ? ` · ${t('bits', { n: env.browser.bitness })}` : ''
  const facts = [
    { id: 'os', title: t('env.os'), value: os + arch },
    { id: 'app', title: t('env.app'), value: app },
    ...(browser ? [{ id: 'browser', title: t('env.browser'), value: browser + browserBits }] : []),
  ]
  return (
    <dl class="key-facts" aria-label={t('ticket.environment')}>
      {facts.map((f) => (
        <div key={f.id} class="key-fact" data-fact={f.id}>
          <dt>{f.title}</dt>
          <dd>
            <span class="value">{f.value}</span>
            <CopyButton text={f.value} title={`${t('ticket.copy')}: ${f.title}`} />
          </dd>
        </div>
      ))}
    </dl>
  )
}

const WIDE: readonly string[] = ['env.url', 'env.userAgent']

export function EnvironmentPanel({ data }: { data: AgentTicket }) {
  const rows = environmentRows(data, t)
  return (
    <section class="card env" aria-labelledby="env-title">
      <div class="card-head">
        <h2 id="env-title">{t('ticket.environment')}</h2>
        <CopyButton text={environmentText(rows, (k) => t(k))} title={t('ticket.copyAll')}>
          {t('ticket.copyAll')}
        </CopyButton>
      </div>
      <dl class="facts">
        {rows.map((row) => (
          <div
            key={row.key}
            class={`fact${row.key_fact ? ' key' : WIDE.includes(row.key) ? ' wide' : ''}`}
            data-env={row.key}
          >
            <dt>{t(row.key)}</dt>
            <dd class={row.value === t('env.unknown') ? 'muted' : ''}>{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
