import { useEffect, useState } from 'preact/hooks'
import type { TicketSummary } from '@snagbox/sdk/contract'
import type { Sort } from '../filters.js'
import { ageLabel, appLabel, osLabel } from '../format.js'
import { label, t, when } from '../i18n/index.js'
import { inPage, navigate, ticketUrl } from '../router.js'
import { allPicked, checked, pickAll, toggleRow } from '../selection.js'
import { fresh, selected } from '../state.js'
import { dueOf, type Due } from '../ticket-times.js'
import { PriorityBadge, StatusBadge } from './Badges.js'
import { CameraIcon } from './Icons.js'

/** Re-renders every half minute so the ages stay true. */
function useNow(): number {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

const ageUnit = (unit: 's' | 'm' | 'h' | 'd' | 'w') => t(`age.${unit}`)

const DUE_WORDS = {
  due: ['due.in', 'due.inTitle'],
  late: ['due.late', 'due.lateTitle'],
  closes: ['due.closes', 'due.closesTitle'],
} as const

/** The first response due (or late), or the day a resolved ticket closes by itself. */
function DueCell({ due, now }: { due: Due; now: number }) {
  if (!due) return <td class="due muted">—</td>
  const [text, title] = DUE_WORDS[due.kind]
  const time =
    due.kind === 'due'
      ? ageLabel(new Date(now).toISOString(), Date.parse(due.at), ageUnit)
      : ageLabel(due.at, now, ageUnit)
  return (
    <td class={`due due-${due.kind}`}>
      <time dateTime={due.at} title={t(title, { date: when(due.at) })}>
        {t(text, { time, day: when(due.at, 'day') })}
      </time>
    </td>
  )
}

export function QueueTable({ items, sort }: { items: TicketSummary[]; sort: Sort }) {
  const now = useNow()
  useEffect(() => {
    document.querySelector('.queue-table tr.selected')?.scrollIntoView({ block: 'nearest' })
  }, [selected.value])
  if (!items.length) return null
  const refs = items.map((i) => i.reference)
  const all = allPicked(checked.value, refs)
  return (
    <div class="table-wrap">
      <table class="queue-table">
        <thead>
          <tr>
            <th scope="col" class="pick">
              <input
                type="checkbox"
                aria-label={t('select.page')}
                checked={all}
                indeterminate={!all && refs.some((ref) => checked.value.has(ref))}
                onChange={() => (checked.value = pickAll(checked.value, refs))}
              />
            </th>
            <th scope="col">{t('col.reference')}</th>
            <th scope="col" class="col-subject">
              {t('col.subject')}
            </th>
            <th scope="col">{t('col.priority')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col">{t('col.app')}</th>
            <th scope="col">{t('col.os')}</th>
            <th scope="col" class="col-assignee">
              {t('col.assignee')}
            </th>
            <th scope="col">{t('col.waiting')}</th>
            <th scope="col" aria-sort={sort === 'first_response_due' ? 'ascending' : undefined}>
              {t('col.due')}
            </th>
            <th scope="col">
              <CameraIcon label={t('col.screenshot')} />
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr
              key={item.id}
              data-reference={item.reference}
              class={[
                index === selected.value && 'selected',
                fresh.value.has(item.id) && 'fresh',
                item.status === 'closed' && 'closed',
                checked.value.has(item.reference) && 'picked',
              ]
                .filter(Boolean)
                .join(' ')}
              // Tab into a row selects it: the keyboard's focus and j/k's highlight are one row.
              onFocusIn={() => (selected.value = index)}
              onClick={(e) => {
                selected.value = index
                if (!(e.target as HTMLElement).closest('a, .pick'))
                  navigate(ticketUrl(item.reference))
              }}
            >
              <td class="pick">
                <input
                  type="checkbox"
                  aria-label={t('select.row', { ref: item.reference })}
                  checked={checked.value.has(item.reference)}
                  // Shift-click: every row from the one clicked before, as in mail clients.
                  onClick={(e) => toggleRow(refs, item.reference, e.shiftKey)}
                />
              </td>
              <td class="ref">
                <a href={ticketUrl(item.reference)} onClick={inPage(ticketUrl(item.reference))}>
                  {item.reference}
                </a>
              </td>
              <td class="col-subject subject">
                <span class="subject-text">{item.subject}</span>
                <span class="subject-meta">
                  {item.blocking && (
                    <span class="badge blocking small">{t('ticket.blocking')}</span>
                  )}
                  {(item.reporter.name || item.reporter.email) && (
                    <span title={item.reporter.email ?? ''}>
                      {item.reporter.name || item.reporter.email} ·
                    </span>
                  )}
                  <span>{label('category', item.category)}</span>
                </span>
              </td>
              <td>
                <PriorityBadge priority={item.priority} />
              </td>
              <td>
                <StatusBadge status={item.status} />
              </td>
              <td class="mono clip" title={appLabel(item.app)}>
                {appLabel(item.app) || '—'}
              </td>
              <td class="os clip" title={osLabel(item.os, t)}>
                {osLabel(item.os, t) || '—'}
              </td>
              <td class="col-assignee clip" title={item.assignee?.name}>
                {item.assignee?.name ?? <span class="muted">{t('assignee.unassigned')}</span>}
              </td>
              <td class="age">
                {item.waitingSince ? (
                  <time
                    dateTime={item.waitingSince}
                    title={t('due.waitingTitle', { date: when(item.waitingSince) })}
                  >
                    {ageLabel(item.waitingSince, now, ageUnit)}
                  </time>
                ) : (
                  <span class="muted">—</span>
                )}
              </td>
              <DueCell due={dueOf(item, now)} now={now} />
              <td class="shot">
                {item.hasScreenshot ? <CameraIcon label={t('col.screenshot')} /> : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
