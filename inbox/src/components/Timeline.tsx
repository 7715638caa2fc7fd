import { ticketPaths, type AgentTicket, type TimelineEntry } from '@snagbox/sdk/contract'
import { assignmentSides } from '../assignees.js'
import { label, lang, t, when } from '../i18n/index.js'
import { fileSize } from '../reply-files.js'
import { ticketUrl } from '../router.js'
import { agents } from '../state.js'
import { freshEntries } from '../ticket-actions.js'
import { timelineItems } from '../ticket-emails.js'
import { tt } from '../ticket-i18n/index.js'
import { openImage } from './Lightbox.js'
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

interface FileEntry {
  id: string
  name: string
  /** A reply's file says what it is; an e-mailed message's images say nothing. */
  contentType?: string
  bytes?: number
}

/**
 * The files that came with a message: images as thumbnails that open in the lightbox (and as
 * they are), anything else to download.
 */
function Files({ data, files }: { data: AgentTicket; files: unknown }) {
  if (!Array.isArray(files) || !files.length) return null
  return (
    <ul class="files">
      {(files as FileEntry[]).map((f) => {
        const url = ticketPaths.ticket(data.reference, `/attachments/${encodeURIComponent(f.id)}`)
        const image = !f.contentType || f.contentType.startsWith('image/')
        return (
          <li key={f.id} data-file={image ? 'image' : 'download'}>
            {image && (
              <button
                type="button"
                class="zoom-in"
                aria-label={tt('lightbox.open', { name: f.name })}
                onClick={() => openImage({ src: url, alt: f.name })}
              >
                <img src={url} alt={f.name} loading="lazy" />
              </button>
            )}
            <a
              href={url}
              {...(image
                ? { target: '_blank', rel: 'noopener' }
                : { download: f.name, 'aria-label': tt('files.download', { name: f.name }) })}
            >
              {f.name}
            </a>
            {f.bytes !== undefined && <span class="hint">{fileSize(f.bytes, lang.value)}</span>}
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
          const fresh = freshEntries.value.has(entry.id)
          return (
            <li
              key={entry.id}
              class={`event event-${entry.type} ${internal ? 'internal' : 'public'} ${message ? 'message' : 'minor'}${fresh ? ' fresh' : ''}`}
              data-type={entry.type}
              data-visibility={entry.visibility}
              tabIndex={fresh ? -1 : undefined}
            >
              <div class="event-head">
                {fresh && <span class="badge fresh-badge">{tt('timeline.new')}</span>}
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
