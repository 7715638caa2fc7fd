import type { AdminAgent } from '@snagbox/sdk/contract'
import { useEffect, useState } from 'preact/hooks'
import { me } from '../state.js'
import { agentList, projectList } from './admin-lists.js'
import { agentProjectsText, agentStateText } from './agent-text.js'
import { AgentPanel } from './AgentPanel.js'
import { alabel, at } from './i18n.js'
import { NewAgentForm } from './NewAgentForm.js'
import { AdminTable } from './AdminTable.js'

const COLUMNS = 6

/** Every agent, with a form to add one and, per agent, its settings, access and API tokens. */
export function AgentsView() {
  const [adding, setAdding] = useState(false)
  const [open, setOpen] = useState<string | null>(null)
  useEffect(() => {
    void agentList.load()
    void projectList.load()
    // Others change agents meanwhile (an invited person sets a password): coming back to this
    // browser tab or window shows what is true now. One small GET, shared while in flight.
    const again = () => document.visibilityState === 'visible' && void agentList.load()
    document.addEventListener('visibilitychange', again)
    addEventListener('focus', again)
    return () => {
      document.removeEventListener('visibilitychange', again)
      removeEventListener('focus', again)
    }
  }, [])
  const { items, error } = agentList.state.value
  const openForm = () => {
    setAdding(true)
    requestAnimationFrame(() => document.getElementById('agent-new-email')?.focus())
  }
  const closeForm = () => {
    setAdding(false)
    requestAnimationFrame(() => document.getElementById('agent-add')?.focus())
  }

  return (
    <section aria-labelledby="agents-title">
      <div class="admin-head">
        <h2 id="agents-title">{at('agents.title')}</h2>
        <button
          type="button"
          id="agent-add"
          class={adding ? 'secondary pressed' : 'primary'}
          aria-expanded={adding}
          aria-controls="agent-new"
          onClick={() => (adding ? closeForm() : openForm())}
        >
          {at('agents.add')}
        </button>
      </div>
      {adding && <NewAgentForm onClose={closeForm} />}
      <AdminTable
        kind="agents"
        columns={['col.name', 'col.email', 'col.role', 'col.projects', 'col.state']}
        items={items}
        error={error}
        empty="agents.empty"
      >
        {(items) =>
          items.map((agent) => (
            <AgentRows
              key={agent.id}
              agent={agent}
              open={open === agent.id}
              onToggle={() => {
                // What Manage shows (invited or active, the link's expiry) is fetched anew.
                if (open !== agent.id) void agentList.load()
                setOpen(open === agent.id ? null : agent.id)
              }}
            />
          ))
        }
      </AdminTable>
    </section>
  )
}

function AgentRows(props: { agent: AdminAgent; open: boolean; onToggle: () => void }) {
  const { agent, open } = props
  const panelId = `agent-panel-${agent.id}`
  return (
    <>
      <tr data-email={agent.email} data-state={agent.state} class={`state-${agent.state}`}>
        <td>
          {agent.name}
          {agent.id === me.value?.id && <span class="muted"> ({at('agent.you')})</span>}
        </td>
        <td>{agent.email}</td>
        <td>{alabel('role', agent.role)}</td>
        <td class="wrap">{agentProjectsText(agent)}</td>
        <td class="wrap">{agentStateText(agent)}</td>
        <td class="row-actions">
          <button
            type="button"
            class={open ? 'secondary small pressed' : 'secondary small'}
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={at('agent.manageLabel', { name: agent.name })}
            onClick={props.onToggle}
          >
            {at('agent.manage')}
          </button>
        </td>
      </tr>
      {open && (
        <tr class="admin-panel-row">
          <td colSpan={COLUMNS}>
            <AgentPanel id={panelId} agent={agent} />
          </td>
        </tr>
      )}
    </>
  )
}
