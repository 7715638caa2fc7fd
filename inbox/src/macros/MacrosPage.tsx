import { useEffect, useRef, useState } from 'preact/hooks'
import type { Macro } from '@snagbox/sdk/contract'
import { asProblem } from '../api.js'
import { label, t } from '../i18n/index.js'
import { problemNotice } from '../problem-notice.js'
import { inPage, lastQueueSearch, queueUrl } from '../router.js'
import { ticketApi } from '../ticket-api.js'
import { tt } from '../ticket-i18n/index.js'
import { MacroForm } from './MacroForm.js'

/** What a saved reply sets with the reply, in words: `Resolved · Low`, or nothing. */
const setsOf = (m: Macro) =>
  [m.status && label('status', m.status), m.priority && label('priority', m.priority)]
    .filter(Boolean)
    .join(' · ')

/**
 * `/inbox/macros`: the saved replies the agent can use, each project's and every project's; a
 * new one, a change, a deletion (asked once more), for those the agent may manage.
 */
export function MacrosPage() {
  const [list, setList] = useState<Macro[] | null>(null)
  const [said, setSaid] = useState<{ kind: 'success' | 'error'; text: string } | null>(null)
  const [editing, setEditing] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${tt('macros.title')} · Snagbox`
    heading.current?.focus()
    ticketApi
      .macros()
      .then(setList, (e: unknown) =>
        setSaid({ kind: 'error', text: problemNotice(asProblem(e)).text }),
      )
  }, [])
  const back = queueUrl(lastQueueSearch.value)

  const saved = (macro: Macro) => {
    const others = (list ?? []).filter((m) => m.id !== macro.id)
    setList([...others, macro].sort((a, b) => a.name.localeCompare(b.name)))
    setEditing(null)
    setSaid({ kind: 'success', text: tt('macros.saved', { name: macro.name }) })
    requestAnimationFrame(() => document.getElementById(`macro-${macro.id}`)?.focus())
  }
  const remove = async (macro: Macro) => {
    try {
      await ticketApi.deleteMacro(macro.id)
      setList((list ?? []).filter((m) => m.id !== macro.id))
      setSaid({ kind: 'success', text: tt('macros.deleted', { name: macro.name }) })
      heading.current?.focus()
    } catch (e) {
      setSaid({ kind: 'error', text: problemNotice(asProblem(e)).text })
    } finally {
      setDeleting(null)
    }
  }

  return (
    <article class="macros-page">
      <a class="back" href={back} onClick={inPage(back)}>
        ← {t('ticket.back')}
      </a>
      <h1 ref={heading} tabIndex={-1}>
        {tt('macros.title')}
      </h1>
      <p class="hint">{tt('macros.intro')}</p>
      <div aria-live="polite" class="notices">
        {said && (
          <p class={`notice notice-${said.kind}`} data-notice={said.kind}>
            {said.text}
          </p>
        )}
      </div>
      {editing === 'new' ? (
        <section class="card" aria-labelledby="macro-new-title">
          <h2 id="macro-new-title">{tt('macros.new')}</h2>
          <MacroForm macro={null} onSaved={saved} onCancel={() => setEditing(null)} />
        </section>
      ) : (
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          {tt('macros.new')}
        </button>
      )}
      {list === null ? (
        <p class="hint">{t('queue.loading')}</p>
      ) : list.length === 0 ? (
        <p class="hint">{tt('macros.none')}</p>
      ) : (
        <ul class="macro-list">
          {list.map((m) => (
            <li key={m.id} class="card">
              <h2 id={`macro-${m.id}`} tabIndex={-1}>
                {m.name}
              </h2>
              <p class="hint">
                {m.project ? m.project.name : tt('macros.everyProject')}
                {setsOf(m) && ` · ${tt('macros.sets', { what: setsOf(m) })}`}
                {m.createdBy && ` · ${m.createdBy.name}`}
              </p>
              {editing === m.id ? (
                <MacroForm macro={m} onSaved={saved} onCancel={() => setEditing(null)} />
              ) : (
                <>
                  <p class="text macro-text">{m.body}</p>
                  {m.editable && (
                    <div class="actions">
                      <button
                        type="button"
                        class="secondary small"
                        aria-describedby={`macro-${m.id}`}
                        onClick={() => setEditing(m.id)}
                      >
                        {tt('macros.edit')}
                      </button>
                      {deleting === m.id ? (
                        <>
                          <span>{tt('macros.confirmDelete', { name: m.name })}</span>
                          <button type="button" class="danger small" onClick={() => void remove(m)}>
                            {tt('macros.delete')}
                          </button>
                          <button
                            type="button"
                            class="ghost small"
                            autoFocus
                            onClick={() => setDeleting(null)}
                          >
                            {t('control.cancel')}
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          class="secondary small"
                          aria-describedby={`macro-${m.id}`}
                          onClick={() => setDeleting(m.id)}
                        >
                          {tt('macros.delete')}
                        </button>
                      )}
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
