import type { OpenRequest } from '@snagbox/sdk'
import { entryText, ticketPaths, type TimelineEntry } from '@snagbox/sdk/contract'
import { useEffect, useState } from 'preact/hooks'
import { useWidget } from '../widget-context.js'
import { useRequests, When } from './context.js'
import { entryWords } from './words.js'

/** The files of an agent's reply, each a link that opens it. */
function Files({ entry, request }: { entry: TimelineEntry; request: OpenRequest }) {
  const { options } = useWidget()
  const files = Array.isArray(entry.data.attachments) ? (entry.data.attachments as unknown[]) : []
  const token = request.statusUrl.slice(request.statusUrl.lastIndexOf('/') + 1)
  const links = files.flatMap((file) => {
    const { id, name } = (file ?? {}) as { id?: unknown; name?: unknown }
    if (typeof id !== 'string') return []
    const path = ticketPaths.status(token, `/attachments/${encodeURIComponent(id)}`)
    return [
      {
        id,
        name: typeof name === 'string' ? name : id,
        href: options.endpoint.replace(/\/+$/, '') + path,
      },
    ]
  })
  if (!links.length) return null
  return (
    <ul class="message__files">
      {links.map((file) => (
        <li key={file.id}>
          <a href={file.href} target="_blank" rel="noopener noreferrer">
            {file.name}
          </a>
        </li>
      ))}
    </ul>
  )
}

/**
 * The reporter's own screenshot, read through the API (so a page's `img-src` needs no more than
 * `blob:`): a thumbnail that opens the picture.
 */
function Screenshot({ url }: { url: string }) {
  const { rt } = useRequests()
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let shown: string | null = null
    let live = true
    fetch(url)
      .then((response) => (response.ok ? response.blob() : Promise.reject(response.status)))
      .then((blob) => live && setSrc((shown = URL.createObjectURL(blob))))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
      if (shown) URL.revokeObjectURL(shown)
    }
  }, [url])
  if (failed) return null
  // Its box is there before the picture: nothing below it moves when it arrives.
  return src ? (
    <a class="message__shot" href={src} target="_blank" rel="noopener">
      <img src={src} alt={rt('yourScreenshot')} />
    </a>
  ) : (
    <span class="message__shot" aria-hidden="true" />
  )
}

/** Who wrote an entry and when: the reporter, or the agent by name. */
export function By({ entry }: { entry: Pick<TimelineEntry, 'actor' | 'createdAt'> }) {
  const { rt } = useRequests()
  const mine = entry.actor.kind === 'reporter'
  return (
    <p class="message__by">
      <strong>{mine ? rt('you') : (entry.actor.name ?? rt('support'))}</strong>
      {!mine && entry.actor.name && <span> · {rt('support')}</span>} ·{' '}
      <When iso={entry.createdAt} />
    </p>
  )
}

/** One entry: what someone wrote, as a message; anything else, as a line between them. */
function Entry({ entry, request }: { entry: TimelineEntry; request: OpenRequest }) {
  const { rt } = useRequests()
  const text = entryText(entry)
  const mine = entry.actor.kind === 'reporter'
  if (!text)
    return (
      <li class="event">
        {entryWords(rt, entry)} · <When iso={entry.createdAt} />
      </li>
    )
  const asked = entry.type === 'public_reply' && entry.data.status === 'waiting_on_reporter'
  const solved = entry.type === 'public_reply' && entry.data.status === 'resolved'
  const plain =
    entry.type === 'reporter_comment' || (entry.type === 'public_reply' && !asked && !solved)
  return (
    <li class={mine ? 'message message--mine' : 'message'}>
      <By entry={entry} />
      {!plain && (
        <p class="message__tag">
          {asked ? rt('question') : solved ? rt('solution') : entryWords(rt, entry)}
        </p>
      )}
      <p class="message__text">{text}</p>
      <Files entry={entry} request={request} />
    </li>
  )
}

/**
 * What the status page shows of the request's history: the description the reporter sent (with
 * their screenshot) first, then every public entry, support's replies by the agent's name. A
 * status change made with a message is told by the message (“Support asked you a question”);
 * `beside` is the solution shown beside its buttons, so not here too.
 */
export function Timeline({ request, beside }: { request: OpenRequest; beside?: number }) {
  const { rt } = useRequests()
  const { ticket } = request
  const shown = ticket.timeline.filter(
    (entry, i, all) =>
      entry.type !== 'created' &&
      entry.id !== beside &&
      !(
        entry.type === 'status_changed' &&
        i > 0 &&
        all[i - 1]!.createdAt === entry.createdAt &&
        entryText(all[i - 1]!)
      ),
  )
  return (
    <>
      <h3 class="visually-hidden">{rt('conversation')}</h3>
      <ol class="timeline">
        <li class="message message--mine">
          <By
            entry={{
              actor: { kind: 'reporter', id: null, name: null },
              createdAt: ticket.createdAt,
            }}
          />
          <p class="message__text">{ticket.description}</p>
          {request.screenshotUrl && <Screenshot url={request.screenshotUrl} />}
        </li>
        {shown.map((entry) => (
          <Entry key={entry.id} entry={entry} request={request} />
        ))}
      </ol>
    </>
  )
}
