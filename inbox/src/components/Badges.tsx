import { label, t } from '../i18n/index.js'

export function PriorityBadge({ priority }: { priority: string }) {
  return <span class={`badge prio prio-${priority}`}>{label('priority', priority)}</span>
}

export function StatusBadge({
  status,
  closeReason,
}: {
  status: string
  closeReason?: string | null
}) {
  return (
    <span class={`badge status status-${status}`}>
      {label('status', status)}
      {closeReason ? ` · ${label('close', closeReason)}` : ''}
    </span>
  )
}

export function BlockingBadge() {
  return <span class="badge blocking">{t('ticket.blocking')}</span>
}
