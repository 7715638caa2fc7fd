import { useState } from 'preact/hooks'
import type { AgentTicket, FilledMacro, ReplyStatus } from '@snagbox/sdk/contract'
import { can } from '../allowed.js'
import {
  composerMode,
  draftKey,
  drafts,
  editDraft,
  type ComposerMode as Mode,
} from '../composer-draft.js'
import { t } from '../i18n/index.js'
import { api, busy, notice, pendingAssignee } from '../state.js'
import { isStale, liveChange, write } from '../ticket-actions.js'
import { ticketApi } from '../ticket-api.js'
import { tt } from '../ticket-i18n/index.js'
import { typed } from '../presence.js'
import { assign } from './AssigneePicker.js'
import { MacroPicker } from './MacroPicker.js'
import { attach, ReplyFiles } from './ReplyFiles.js'
import { NoticeLine } from './NoticeLine.js'
import { Typing } from './Presence.js'
import { ReplySets } from './ReplySets.js'

/** The statuses a reply can leave the ticket in, with the button that sends it so. */
const REPLY_BUTTONS = [
  { status: undefined, text: 'composer.send', look: 'primary' },
  { status: 'waiting_on_reporter', text: 'composer.ask', look: 'secondary' },
  { status: 'resolved', text: 'composer.resolve', look: 'resolve' },
] as const

/** Keys that open the saved replies when typed first in an empty reply. */
const MACRO_KEYS = ['/', '#']
const focusText = () =>
  requestAnimationFrame(() => document.getElementById('composer-body')?.focus())

export function Composer({ data }: { data: AgentTicket }) {
  const [picking, setPicking] = useState(false)
  const allowed = data.allowedActions
  const canReply = can(allowed, 'reply')
  const canNote = can(allowed, 'note')
  if (!canReply && !canNote) return null
  // A closed ticket takes notes but no replies: the composer offers what can be sent.
  const mode: Mode =
    composerMode.value === 'reply' && !canReply
      ? 'note'
      : composerMode.value === 'note' && !canNote
        ? 'reply'
        : composerMode.value
  const key = draftKey(data.id, mode)
  const draft = drafts.value[key]
  const text = draft?.text ?? ''
  const changed = liveChange.value
  const overtaken = !!draft && !!changed && isStale(draft.basis)
  // A reply begun before the ticket was closed is kept, and can become a note.
  const held = !canReply ? drafts.value[draftKey(data.id, 'reply')]?.text : undefined
  const keepAsNote = () => {
    const note = drafts.value[draftKey(data.id, 'note')]?.text
    editDraft(draftKey(data.id, 'note'), { text: note ? `${note}\n\n${held}` : held })
    editDraft(draftKey(data.id, 'reply'), { text: '', status: undefined, priority: undefined })
    focusText()
  }
  const buttons = REPLY_BUTTONS.filter((b) => can(allowed, 'reply', { status: b.status }))
  // What Ctrl+Enter sends: the status chosen for this reply (the `e` key, a saved reply), if
  // the ticket allows it now.
  const chosen = buttons.some((b) => b.status && b.status === draft?.status)
    ? draft!.status
    : undefined
  const canPrioritize = can(allowed, 'set_priority')
  // A priority of the reply's (a saved reply's) goes with it when it changes anything.
  const priority =
    canPrioritize && draft?.priority && draft.priority !== data.priority
      ? draft.priority
      : undefined

  // A saved reply fills the composer (after what is there) and brings what it sets, if allowed.
  const fill = (filled: FilledMacro) => {
    setPicking(false)
    const before = text.trimEnd()
    editDraft(key, {
      text: before ? `${before}\n\n${filled.body}` : filled.body,
      status: buttons.some((b) => b.status && b.status === filled.status)
        ? (filled.status ?? undefined)
        : draft?.status,
      priority: filled.priority ?? draft?.priority,
    })
    notice.value = {
      kind: 'success',
      text: tt('macros.filled', { name: filled.name }),
      at: 'composer',
    }
    focusText()
  }

  const send = async (status: ReplyStatus | undefined) => {
    const body = text.trim()
    if (!body) {
      notice.value = { kind: 'error', text: t('composer.empty'), at: 'composer' }
      document.getElementById('composer-body')?.focus()
      return
    }
    // An assignee chosen and not yet written goes with what is sent, as a support tool's
    // sidebar fields go with the reply; refused (412), nothing is sent and the draft stays.
    const pick = pendingAssignee.value
    let done: string | undefined
    if (pick && pick.value !== (data.assignee?.id ?? '') && can(allowed, 'assign')) {
      if (!(await assign(pick.value, 'composer', pick.basis))) return
      pendingAssignee.value = null
      done = `${t('control.saved')} · ${notice.value!.text}`
    }
    // A reply that changes the status or the priority is a decision on the ticket: it must rest
    // on what the agent saw when writing it. A note or a plain reply adds, whatever changed.
    const decides = mode === 'reply' && !!(status || priority)
    const fields = { body, ...(status ? { status } : {}), ...(priority ? { priority } : {}) }
    const files = draft?.files ?? []
    const ok = await write(
      (ref, etag) =>
        mode === 'note'
          ? api.note(ref, body)
          : files.length
            ? ticketApi.replyWithFiles(ref, fields, files, decides ? etag : null)
            : api.reply(ref, fields, decides ? etag : null),
      done,
      'composer',
      decides ? draft!.basis : undefined,
    )
    if (ok)
      drafts.value = Object.fromEntries(Object.entries(drafts.value).filter(([k]) => k !== key))
  }
  const tab = (m: Mode, enabled: boolean) => (
    <button
      type="button"
      role="tab"
      id={`tab-${m}`}
      aria-selected={mode === m}
      class={mode === m ? 'tab active' : 'tab'}
      disabled={!enabled}
      onClick={() => (composerMode.value = m)}
    >
      {m === 'reply' ? t('composer.reply') : t('composer.note')}
    </button>
  )

  return (
    <section
      class={`card composer composer-${mode}`}
      aria-labelledby="composer-title"
      // Files dropped on a reply go with it.
      onDragOver={(e) => {
        if (mode === 'reply' && e.dataTransfer?.types.includes('Files')) e.preventDefault()
      }}
      onDrop={(e) => {
        if (mode !== 'reply' || !e.dataTransfer?.files.length) return
        e.preventDefault()
        attach(key, [...e.dataTransfer.files])
      }}
    >
      <h2 id="composer-title" class="sr-only">
        {t('composer.title')}
      </h2>
      <div class="composer-head">
        <div role="tablist" class="tabs">
          {tab('reply', canReply)}
          {tab('note', canNote)}
        </div>
        {mode === 'reply' && (
          <button
            type="button"
            class="ghost small"
            aria-expanded={picking}
            aria-keyshortcuts="/"
            onClick={() => setPicking(!picking)}
          >
            {tt('macros.open')}
          </button>
        )}
      </div>
      {picking && mode === 'reply' && (
        <MacroPicker
          data={data}
          onPick={fill}
          onClose={(back) => {
            setPicking(false)
            if (back) focusText()
          }}
        />
      )}
      {overtaken && (
        <p class="hint draft-kept" data-draft-kept>
          {tt('live.draftKept', { who: changed.who })}
        </p>
      )}
      {held && (
        <div class="held" data-held-reply>
          <p class="hint">{tt('composer.replyHeld')}</p>
          <blockquote class="text">{held}</blockquote>
          <button type="button" class="secondary small" onClick={keepAsNote}>
            {tt('composer.keepAsNote')}
          </button>
        </div>
      )}
      <form onSubmit={(e) => (e.preventDefault(), void send(chosen))}>
        <label for="composer-body" class="sr-only">
          {mode === 'reply' ? t('composer.reply') : t('composer.note')}
        </label>
        <textarea
          id="composer-body"
          rows={5}
          value={text}
          placeholder={
            mode === 'reply' ? t('composer.placeholderReply') : t('composer.placeholderNote')
          }
          onInput={(e) => {
            editDraft(key, { text: (e.currentTarget as HTMLTextAreaElement).value })
            typed()
          }}
          // A pasted image (a screenshot taken just now) is attached, not typed.
          onPaste={(e) => {
            const pasted = [...(e.clipboardData?.files ?? [])]
            if (mode !== 'reply' || !pasted.length || e.clipboardData?.getData('text/plain')) return
            e.preventDefault()
            attach(key, pasted)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              void send(chosen)
            } else if (mode === 'reply' && !text && MACRO_KEYS.includes(e.key)) {
              e.preventDefault()
              setPicking(true)
            }
          }}
        />
        {mode === 'reply' && <ReplyFiles draftKey={key} />}
        {mode === 'reply' && draft && (
          <ReplySets
            data={data}
            draftKey={key}
            draft={draft}
            statuses={buttons.flatMap((b) => (b.status ? [b.status] : []))}
            canPrioritize={canPrioritize}
          />
        )}
        <div class="actions">
          {mode === 'reply' ? (
            buttons.map((b) => (
              <button
                key={b.text}
                type="button"
                class={!chosen ? b.look : b.status === chosen ? `${b.look} default` : 'secondary'}
                aria-keyshortcuts={b.status === chosen ? 'Control+Enter' : undefined}
                disabled={busy.value}
                onClick={() => void send(b.status)}
              >
                {t(b.text)}
              </button>
            ))
          ) : (
            <button type="submit" class="note-button" disabled={busy.value}>
              {t('composer.addNote')}
            </button>
          )}
        </div>
      </form>
      <Typing ticketId={data.id} />
      <NoticeLine at="composer" />
    </section>
  )
}
