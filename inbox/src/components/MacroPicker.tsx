import { signal } from '@preact/signals'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { AgentTicket, FilledMacro, Macro } from '@snagbox/sdk/contract'
import { asProblem } from '../api.js'
import { label } from '../i18n/index.js'
import { problemNotice } from '../problem-notice.js'
import { inPage, macrosUrl } from '../router.js'
import { ticketApi } from '../ticket-api.js'
import { tt } from '../ticket-i18n/index.js'

/** The saved replies, loaded when the list first opens and again on each later opening. */
const macros = signal<Macro[] | null>(null)

/**
 * The saved replies that fit the ticket (its project's and every project's) matching what was
 * typed, by name or text, the best first: those whose name starts with it.
 *
 * @example
 * macrosFor(list, 'p1', 'upd') // [{ name: 'Update to the latest version', … }]
 */
export function macrosFor(list: readonly Macro[], projectId: string, query: string): Macro[] {
  const q = query.trim().toLowerCase()
  const fits = list.filter((m) => !m.project || m.project.id === projectId)
  if (!q) return fits
  const starts = fits.filter((m) => m.name.toLowerCase().startsWith(q))
  const inside = fits.filter(
    (m) => !starts.includes(m) && `${m.name}\n${m.body}`.toLowerCase().includes(q),
  )
  return [...starts, ...inside]
}

/**
 * The list of saved replies by the composer: a search field that is a combobox (arrows move,
 * Enter chooses, Escape closes), each reply with what it sets. The chosen one comes back filled
 * in for this ticket.
 */
export function MacroPicker(props: {
  data: AgentTicket
  onPick: (filled: FilledMacro) => void
  /** Closed with Escape (`back`: the keyboard goes back to the text), or left for elsewhere. */
  onClose: (back: boolean) => void
}) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [filling, setFilling] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  // Before the next key is handled, so an Escape typed right after `#` reaches the search.
  useLayoutEffect(() => input.current?.focus(), [])
  useEffect(() => {
    ticketApi.macros().then(
      (list) => (macros.value = list),
      (e: unknown) => setError(problemNotice(asProblem(e)).text),
    )
  }, [])
  const list = macros.value
  const shown = list ? macrosFor(list, props.data.project.id, query) : []
  const current = shown[Math.min(active, shown.length - 1)]

  const pick = async (macro: Macro | undefined) => {
    if (!macro || filling) return
    setFilling(true)
    setError(null)
    try {
      props.onPick(await ticketApi.fillMacro(props.data.reference, macro.id))
    } catch (e) {
      setError(problemNotice(asProblem(e)).text)
    } finally {
      setFilling(false)
    }
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0
    if (step && shown.length) {
      e.preventDefault()
      setActive((Math.min(active, shown.length - 1) + step + shown.length) % shown.length)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      void pick(current)
    } else if (e.key === 'Escape') {
      // Closes the list only, not the page: the keyboard goes back to the text.
      e.preventDefault()
      e.stopPropagation()
      props.onClose(true)
    }
  }

  return (
    <div
      class="macro-picker"
      aria-busy={filling}
      // Leaving the list for elsewhere on the page closes it (not a click inside it).
      onFocusOut={(e) => {
        const next = e.relatedTarget as Node | null
        if (!next || !e.currentTarget.contains(next)) props.onClose(false)
      }}
    >
      <label for="macro-search">{tt('macros.search')}</label>
      <input
        ref={input}
        id="macro-search"
        role="combobox"
        aria-expanded="true"
        aria-controls="macro-list"
        aria-autocomplete="list"
        aria-activedescendant={current ? `macro-${current.id}` : undefined}
        autoComplete="off"
        value={query}
        placeholder={tt('macros.placeholder')}
        onInput={(e) => {
          setQuery((e.currentTarget as HTMLInputElement).value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="macro-list" role="listbox" aria-label={tt('macros.title')}>
        {shown.map((m) => (
          <li
            key={m.id}
            id={`macro-${m.id}`}
            role="option"
            aria-selected={m === current}
            class={m === current ? 'active' : undefined}
            // The search keeps the focus: a click chooses without taking it away.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void pick(m)}
          >
            <span class="macro-name">{m.name}</span>
            {(m.status || m.priority) && (
              <span class="macro-sets">
                {[
                  m.status && label('status', m.status),
                  m.priority && label('priority', m.priority),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            )}
            <span class="macro-body">{m.body}</span>
          </li>
        ))}
      </ul>
      <p class="hint" role="status">
        {error ??
          (list === null
            ? tt('macros.loading')
            : shown.length
              ? tt('macros.count', { n: shown.length })
              : tt(list.length ? 'macros.noMatch' : 'macros.none'))}{' '}
        <a href={macrosUrl} onClick={inPage(macrosUrl)}>
          {tt('macros.manage')}
        </a>
      </p>
    </div>
  )
}
