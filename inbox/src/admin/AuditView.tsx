import type { AuditEvent } from '@snagbox/sdk/contract'
import { useEffect, useState } from 'preact/hooks'
import type { ApiProblem } from '../api.js'
import { t, when } from '../i18n/index.js'
import { api } from '../state.js'
import { agentList, projectList } from './admin-lists.js'
import { auditAction, auditActor, auditDetails, auditNames, auditTarget } from './audit-text.js'
import { at } from './i18n.js'
import { asProblem, problemText } from './problems.js'

interface Trail {
  items: AuditEvent[]
  next: string | null
  loading: boolean
  error: ApiProblem | null
}

/** The audit trail, newest first, a page at a time; ids said as the names they stand for. */
export function AuditView() {
  const [trail, setTrail] = useState<Trail>({ items: [], next: null, loading: true, error: null })
  const load = async (cursor: string | null) => {
    setTrail((before) => ({ ...before, loading: true, error: null }))
    try {
      const page = await api.audit(cursor)
      setTrail((before) => ({
        items: cursor ? [...before.items, ...page.items] : page.items,
        next: page.nextCursor,
        loading: false,
        error: null,
      }))
      // The button pressed is gone when there is no more: focus goes to the end of the list.
      if (cursor && !page.nextCursor)
        requestAnimationFrame(() => document.getElementById('audit-end')?.focus())
    } catch (error) {
      setTrail((before) => ({ ...before, loading: false, error: asProblem(error) }))
    }
  }
  useEffect(() => {
    void load(null)
    void agentList.load()
    void projectList.load()
  }, [])

  const names = auditNames(agentList.state.value.items ?? [], projectList.state.value.items ?? [])
  const { items, next, loading, error } = trail
  return (
    <section aria-labelledby="audit-title" aria-busy={loading}>
      <div class="admin-head">
        <h2 id="audit-title">{at('audit.title')}</h2>
      </div>
      {items.length > 0 && (
        <div class="table-wrap">
          <table class="queue-table admin-table admin-audit">
            <thead>
              <tr>
                <th scope="col">{at('col.time')}</th>
                <th scope="col">{at('col.action')}</th>
                <th scope="col">{at('col.who')}</th>
                <th scope="col">{at('col.target')}</th>
                <th scope="col">{at('col.address')}</th>
                <th scope="col">{at('col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((event) => (
                <tr key={event.id} data-action={event.action}>
                  <td>
                    <time dateTime={event.createdAt}>{when(event.createdAt)}</time>
                  </td>
                  <td>{auditAction(event.action)}</td>
                  <td>{auditActor(event.actor, names)}</td>
                  <td class="wrap">{auditTarget(event, names)}</td>
                  <td class="mono">{event.address ?? ''}</td>
                  <td class="wrap details">{auditDetails(event.data, names)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* After the rows: a failed "Load more" is said beside its button. */}
      {error && (
        <p class="notice notice-error" role="alert">
          {problemText(error)}
        </p>
      )}
      {!items.length && !loading && !error && <p class="empty">{at('audit.empty')}</p>}
      <div class="queue-foot" aria-live="polite">
        {loading && <span class="hint">{t('queue.loading')}</span>}
        {next && !loading && (
          <button type="button" class="secondary" onClick={() => void load(next)}>
            {t('queue.loadMore')}
          </button>
        )}
        {!next && !loading && items.length > 0 && (
          <p id="audit-end" class="hint" tabIndex={-1}>
            {at('audit.end')}
          </p>
        )}
      </div>
    </section>
  )
}
