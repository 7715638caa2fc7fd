import { ticketPaths, type AgentTicket, type TimelineEntry } from '@snagbox/sdk/contract'
import { assignmentSides } from '../assignees.js'
import { label, t, when } from '../i18n/index.js'
import { ticketUrl } from '../router.js'
import { agents } from '../state.js'
import { timelineItems } from '../ticket-emails.js'
import { TicketEmails } from './TicketEmails.js'

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** The sender of an e-mail kept as a note (someone other than the reporter). */
function fromOf(entry: TimelineEntry): string {
  const from = entry.data.from as { name?: string | null; address?: string } | undefined
  return from?.address ? (from.name ? `${from.name} <${from.address}>` : from.address) : ''
}

function who(entry: TimelineEntry): string {
  if (entry.actor.name) return entry.actor.name
  return label('actor', entry.actor.kind)
}

/** The images that came with an e-mailed message, as thumbnails that open the image. */
function Files({ data, files }: { data: AgentTicket; files: unknown }) {
  if (!Array.isArray(files) || !files.length) return null
  return (
    <ul class="files">
      {(files as { id: string; name: string }[]).map((f) => {
        const url = ticketPaths.ticket(data.reference, `/attachments/${encodeURIComponent(f.id)}`)
        return (
          <li key={f.id}>
            <a href={url} target="_blank" rel="noopener">
              <img src={url} alt={f.name} loading="lazy" />
              <span>{f.name}</span>
            </a>
          </li>
        )
      })}
    </ul>
  )
}

/** What changed, in words: `New → In progress`, the body of a reply, the reason of a reopen. */
function Detail({ entry, data }: { entry: TimelineEntry; data: AgentTicket }) {
  const d = entry.data
  switch (entry.type) {
    case 'public_reply':
    case 'internal_note':
    case 'reporter_comment':
      return (
        <>
          <p class="text">{str(d.body)}</p>
          <Files data={data} files={d.attachments} />
        </>
      )
    case 'status_changed':
      return (
        <p class="change">
          {label('status', str(d.from))} → {label('status', str(d.to))}
          {d.closeReason ? ` (${label('close', str(d.closeReason))})` : ''}
        </p>
      )
    case 'priority_changed':
      return (
        <p class="change">
          {label('priority', str(d.from))} → {label('priority', str(d.to))}
        </p>
      )
    case 'category_changed':
      return (
        <p class="change">
          {label('category', str(d.from))} → {label('category', str(d.to))}
        </p>
      )
    case 'assigned': {
      const nameOf = (id: string) =>
        id === data.assignee?.id ? data.assignee.name : agents.value?.find((a) => a.id === id)?.name
      const words = { nobody: t('assignee.unassigned'), unknown: label('actor', 'agent'), nameOf }
      const { from, to } = assignmentSides(d, words)
      return (
        <p class="change">
          {from} → {to}
        </p>
      )
    }
    case 'closed':
      return (
        <>
          <p class="change">{label('close', str(d.closeReason))}</p>
          {str(d.comment) && <p class="text">{str(d.comment)}</p>}
        </>
      )
    case 'reopened':
    case 'withdrawn':
      return str(d.reason) ? <p class="text">{str(d.reason)}</p> : null
    case 'created':
      return str(d.splitFromReference) ? (
        <p class="change">
          {t('ticket.splitFrom')}{' '}
          <a href={ticketUrl(str(d.splitFromReference))}>{str(d.splitFromReference)}</a>
        </p>
      ) : null
    default:
      return null
  }
}

export function Timeline({ data }: { data: AgentTicket }) {
  return (
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('ticket.timeline')}</h2>
      <ol class="timeline">
        {timelineItems(data.timeline, data.emails ?? []).map(({ entry, emails }) => {
          if (!entry)
            // An e-mail of no event (a reminder): a line of its own, when it was made.
            return (
              <li key={`mail-${emails[0].id}`} class="event event-mail minor" data-type="email">
                <div class="event-head">
                  <strong>{label('actor', 'system')}</strong>{' '}
                  <span class="verb">{t('mail.emailed')}</span>
                  <time dateTime={emails[0].createdAt}>{when(emails[0].createdAt)}</time>
                </div>
                <TicketEmails emails={emails} />
              </li>
            )
          const internal = entry.visibility === 'internal'
          const message = ['public_reply', 'internal_note', 'reporter_comment'].includes(entry.type)
          return (
            <li
              key={entry.id}
              class={`event event-${entry.type} ${internal ? 'internal' : 'public'} ${message ? 'message' : 'minor'}`}
              data-type={entry.type}
              data-visibility={entry.visibility}
            >
              <div class="event-head">
                <strong>{who(entry)}</strong>{' '}
                <span class="verb">{label('timeline', entry.type)}</span>
                {message && (
                  <span class={`badge ${internal ? 'internal-badge' : 'public-badge'}`}>
                    {internal ? t('timeline.internal') : t('timeline.public')}
                  </span>
                )}
                {entry.data.via === 'email' && (
                  <span class="badge via-email" data-via="email">
                    {t('timeline.byEmail')}
                    {fromOf(entry) && ` · ${fromOf(entry)}`}
                  </span>
                )}
                <time dateTime={entry.createdAt} title={when(entry.createdAt)}>
                  {when(entry.createdAt)}
                </time>
              </div>
              <Detail entry={entry} data={data} />
              <TicketEmails emails={emails} />
            </li>
          )
        })}
      </ol>
    </section>
  )
}
