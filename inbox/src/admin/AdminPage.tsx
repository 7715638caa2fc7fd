import type { ComponentType } from 'preact'
import { useEffect } from 'preact/hooks'
import { ADMIN_TABS, adminUrl, navigate, route, type AdminTab } from '../router.js'
import { AgentsView } from './AgentsView.js'
import { AuditView } from './AuditView.js'
import { at } from './i18n.js'
import { ProjectsView } from './ProjectsView.js'

const VIEWS: Record<AdminTab, ComponentType> = {
  agents: AgentsView,
  projects: ProjectsView,
  audit: AuditView,
}

/** The admin screens: agents and their tokens, projects, the audit trail; a tab each. */
export function AdminPage() {
  const tab = route.value.view === 'admin' ? route.value.tab : 'agents'
  useEffect(() => {
    document.title = `${at(`tab.${tab}`)} · ${at('title')} · Snagbox`
  })
  const View = VIEWS[tab]
  return (
    <section class="admin" aria-labelledby="admin-title">
      <div class="queue-head">
        <h1 id="admin-title">{at('title')}</h1>
      </div>
      <nav class="tabs" aria-label={at('sections')}>
        {ADMIN_TABS.map((name) => (
          <a
            key={name}
            class={name === tab ? 'tab active' : 'tab'}
            href={adminUrl(name)}
            aria-current={name === tab ? 'page' : undefined}
            onClick={(e) => {
              if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return
              e.preventDefault()
              navigate(adminUrl(name))
            }}
          >
            {at(`tab.${name}`)}
          </a>
        ))}
      </nav>
      <View />
    </section>
  )
}
