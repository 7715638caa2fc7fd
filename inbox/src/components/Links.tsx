import type { AgentTicket } from '@snagbox/sdk/contract'
import { t } from '../i18n/index.js'
import { inPage, queueUrl } from '../router.js'
import { tt } from '../ticket-i18n/index.js'
import { TicketRefs, type TicketRef } from './TicketRefs.js'

/** How many of a long list the card shows; the queue lists them all. */
const SHOWN = 10

/** One kind of link: its tickets, and past the first few, the queue of all of them. */
function Group(props: {
  title: string
  items: readonly TicketRef[]
  count: number
  /** The queue's filter of all of them: `parent=DEMO-2`. */
  all?: string
  reporters?: Map<string, string | null>
}) {
  if (!props.count) return null
  const shown = props.items.slice(0, SHOWN)
  const all = props.all && queueUrl(`?${props.all}&status=all`)
  return (
    <div class="ref-group">
      <h3>
        {props.title} <span class="count">{props.count}</span>
      </h3>
      <TicketRefs
        items={shown}
        label={props.title}
        more={(item) => {
          const name = props.reporters?.get(item.id)
          return name ? <span class="hint"> · {name}</span> : null
        }}
      />
      {all && props.count > shown.length && (
        <a class="all" href={all} onClick={inPage(all)}>
          {tt('links.all', { n: props.count })}
        </a>
      )}
    </div>
  )
}

/**
 * The tickets this one is linked with, both ways: its mass incident and its children (with
 * their reporters), the ticket it duplicates and its duplicates, the one it was split from and
 * those split from it.
 */
export function Links({ data }: { data: AgentTicket }) {
  const one = (link: TicketRef | null) => (link ? [link] : [])
  const counts = data.linkCounts
  const ref = encodeURIComponent(data.reference)
  const groups = [
    { title: t('ticket.parent'), items: one(data.parent), count: data.parent ? 1 : 0 },
    {
      title: t('ticket.children'),
      items: data.children,
      count: counts.children,
      all: `parent=${ref}`,
      reporters: new Map(data.children.map((c) => [c.id, c.reporterName])),
    },
    {
      title: t('ticket.duplicateOf'),
      items: one(data.duplicateOf),
      count: data.duplicateOf ? 1 : 0,
    },
    {
      title: tt('links.duplicates'),
      items: data.duplicates,
      count: counts.duplicates,
      all: `duplicateOf=${ref}`,
    },
    { title: t('ticket.splitFrom'), items: one(data.splitFrom), count: data.splitFrom ? 1 : 0 },
    {
      title: tt('links.splitInto'),
      items: data.splitInto,
      count: counts.splitInto,
      all: `splitFrom=${ref}`,
    },
  ]
  if (!groups.some((g) => g.count)) return null
  return (
    <section class="card" aria-labelledby="links-title">
      <h2 id="links-title">{t('ticket.links')}</h2>
      {groups.map((g) => (
        <Group key={g.title} {...g} />
      ))}
    </section>
  )
}
