import type { AgentTicket } from '@snagbox/sdk/contract'
import { logTime } from '../format.js'
import { t, when } from '../i18n/index.js'

function LogLine({ entry }: { entry: AgentTicket['logs'][number] }) {
  const time = logTime(entry.timestamp)
  return (
    <li class={`log log-${entry.level ?? 'info'}`}>
      <span class="log-level">{entry.level}</span>
      {time && (
        <time dateTime={time} title={when(time)}>
          {when(time, 'time')}
        </time>
      )}
      <span class="log-message">{entry.message}</span>
    </li>
  )
}

/** The host app's context and the console logs, folded: long, and needed only sometimes. */
export function DataPanels({ data }: { data: AgentTicket }) {
  const hasContext = data.context && Object.keys(data.context).length > 0
  return (
    <>
      <details class="card fold">
        <summary>
          <h2>{t('ticket.context')}</h2>
        </summary>
        {hasContext ? (
          <pre class="code">{JSON.stringify(data.context, null, 2)}</pre>
        ) : (
          <p class="hint">—</p>
        )}
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
              <LogLine key={i} entry={entry} />
            ))}
          </ol>
        ) : (
          <p class="hint">{t('ticket.noLogs')}</p>
        )}
      </details>
    </>
  )
}
