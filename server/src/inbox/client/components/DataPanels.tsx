import { t } from '../i18n/index.js'
import type { Ticket } from '../types.js'

/** The host app's context and the console logs, folded: long, and needed only sometimes. */
export function DataPanels({ data }: { data: Ticket }) {
  const hasContext = data.context && Object.keys(data.context).length > 0
  return (
    <>
      <details class="card fold">
        <summary>
          <h2>{t('ticket.context')}</h2>
        </summary>
        {hasContext ? <pre class="code">{JSON.stringify(data.context, null, 2)}</pre> : <p class="hint">—</p>}
      </details>
      <details class="card fold" open={data.logs.length > 0 && data.logs.length <= 5}>
        <summary>
          <h2>
            {t('ticket.logs')} <span class="count">{data.logs.length}</span>
          </h2>
        </summary>
        {data.logs.length ? (
          <ol class="logs">
            {data.logs.map((entry, i) => (
              <li key={i} class={`log log-${entry.level ?? 'info'}`}>
                <span class="log-level">{entry.level}</span>
                {entry.timestamp && <time dateTime={entry.timestamp}>{new Date(entry.timestamp).toLocaleTimeString()}</time>}
                <span class="log-message">{entry.message}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="hint">{t('ticket.noLogs')}</p>
        )}
      </details>
    </>
  )
}
