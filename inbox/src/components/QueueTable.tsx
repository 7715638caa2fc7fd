import { useEffect, useState } from 'preact/hooks'
import type { TicketSummary } from '@snagbox/sdk/contract'
import { ageLabel, appLabel, osLabel } from '../format.js'
import { label, t, when } from '../i18n/index.js'
import { navigate, ticketUrl } from '../router.js'
import { fresh, selected } from '../state.js'
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

function open(e: MouseEvent, item: TicketSummary) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return
  e.preventDefault()
  navigate(ticketUrl(item.reference))
}

export function QueueTable({ items }: { items: TicketSummary[] }) {
  const now = useNow()
  useEffect(() => {
    document.querySelector('.queue-table tr.selected')?.scrollIntoView({ block: 'nearest' })
  }, [selected.value])
  if (!items.length) return null
  return (
    <div class="table-wrap">
      <table class="queue-table">
        <thead>
          <tr>
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
            <th scope="col">{t('col.age')}</th>
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
              ]
                .filter(Boolean)
                .join(' ')}
              // Tab into a row selects it: the keyboard's focus and j/k's highlight are one row.
              onFocusIn={() => (selected.value = index)}
              onClick={(e) => {
                selected.value = index
                if (!(e.target as HTMLElement).closest('a')) navigate(ticketUrl(item.reference))
              }}
            >
              <td class="ref">
                <a href={ticketUrl(item.reference)} onClick={(e) => open(e, item)}>
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
                <time dateTime={item.createdAt} title={when(item.createdAt)}>
                  {ageLabel(item.createdAt, now, ageUnit)}
                </time>
              </td>
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
