import { signal } from '@preact/signals'
import type { AgentTicket, ReplyStatus } from '@snagbox/sdk/contract'
import { can } from '../allowed.js'
import { t } from '../i18n/index.js'
import { api, busy, notice, pendingAssignee } from '../state.js'
import { write } from '../ticket-actions.js'
import { assign } from './AssigneePicker.js'
import { NoticeLine } from './NoticeLine.js'

type Mode = 'reply' | 'note'
export const composerMode = signal<Mode>('reply')
/** Unsent text per ticket and mode: going to the queue and back keeps it. */
const drafts = signal<Record<string, string>>({})

export function Composer({ data }: { data: AgentTicket }) {
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
  const key = `${data.id}:${mode}`
  const text = drafts.value[key] ?? ''
  const setText = (value: string) => (drafts.value = { ...drafts.value, [key]: value })

  const send = async (status?: ReplyStatus) => {
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
    if (
      pick?.version === data.version &&
      pick.value !== (data.assignee?.id ?? '') &&
      can(allowed, 'assign')
    ) {
      if (!(await assign(pick.value, 'composer'))) return
      done = `${t('control.saved')} · ${notice.value!.text}`
    }
    const ok = await write(
      (ref, etag) =>
        mode === 'note'
          ? api.note(ref, body)
          : // A reply that changes the status is a decision on the ticket: it must rest on what the agent saw.
            api.reply(ref, status ? { body, status } : { body }, status ? etag : null),
      done,
      'composer',
    )
    if (ok) setText('')
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
    <section class={`card composer composer-${mode}`} aria-labelledby="composer-title">
      <h2 id="composer-title" class="sr-only">
        {t('composer.title')}
      </h2>
      <div role="tablist" class="tabs">
        {tab('reply', canReply)}
        {tab('note', canNote)}
      </div>
      <form onSubmit={(e) => (e.preventDefault(), void send())}>
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
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              void send()
            }
          }}
        />
        <div class="actions">
          {mode === 'reply' ? (
            <>
              <button type="submit" class="primary" disabled={busy.value}>
                {t('composer.send')}
              </button>
              {can(allowed, 'reply', { status: 'waiting_on_reporter' }) && (
                <button
                  type="button"
                  class="secondary"
                  disabled={busy.value}
                  onClick={() => void send('waiting_on_reporter')}
                >
                  {t('composer.ask')}
                </button>
              )}
              {can(allowed, 'reply', { status: 'resolved' }) && (
                <button
                  type="button"
                  class="resolve"
                  disabled={busy.value}
                  onClick={() => void send('resolved')}
                >
                  {t('composer.resolve')}
                </button>
              )}
            </>
          ) : (
            <button type="submit" class="note-button" disabled={busy.value}>
              {t('composer.addNote')}
            </button>
          )}
        </div>
      </form>
      <NoticeLine at="composer" />
    </section>
  )
}
