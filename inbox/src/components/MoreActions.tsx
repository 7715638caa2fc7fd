import { useState } from 'preact/hooks'
import type { AgentTicket } from '@snagbox/sdk/contract'
import { can } from '../allowed.js'
import { t } from '../i18n/index.js'
import { asProblem } from '../api.js'
import { problemNotice } from '../problem-notice.js'
import { api, busy, notice } from '../state.js'
import { currentBasis, reloadTicket, write } from '../ticket-actions.js'
import { NoticeLine } from './NoticeLine.js'

type Kind = 'duplicate' | 'reject' | 'split' | 'link'

const TITLES = {
  duplicate: 'more.duplicate',
  reject: 'more.reject',
  split: 'more.split',
  link: 'more.link',
} as const

/** Closing as a duplicate or rejected, splitting a new problem off, linking to a mass incident. */
export function MoreActions({ data }: { data: AgentTicket }) {
  const [kind, setKind] = useState<Kind | null>(null)
  // The version the form was opened on: what it asks for rests on what the agent saw then.
  const [basis, setBasis] = useState(0)
  const [a, setA] = useState('')
  const [b, setB] = useState('')
  const allowed = data.allowedActions
  const kinds = (
    [
      can(allowed, 'close', { closeReason: 'duplicate' }) && 'duplicate',
      can(allowed, 'close', { closeReason: 'rejected' }) && 'reject',
      can(allowed, 'split') && 'split',
      can(allowed, 'link') && 'link',
    ] as const
  ).filter((k): k is Kind => !!k)
  // Closed as a duplicate or rejected, the ticket offers none of these: what it came to stays.
  if (!kinds.length) return <NoticeLine at="more" />

  const choose = (next: Kind) => {
    setKind(kind === next ? null : next)
    setBasis(currentBasis())
    setA('')
    setB('')
  }
  const submit = async (e: Event) => {
    e.preventDefault()
    if (kind === 'split') return split()
    const ok = await write(
      (ref, etag) => {
        if (kind === 'duplicate')
          return api.patch(
            ref,
            { status: 'closed', closeReason: 'duplicate', duplicateOf: a.trim(), reason: b },
            etag,
          )
        if (kind === 'reject')
          return api.patch(ref, { status: 'closed', closeReason: 'rejected', reason: a }, etag)
        return api.link(ref, { parent: a.trim() }, etag)
      },
      undefined,
      'more',
      basis,
    )
    if (ok) setKind(null)
  }
  // The answer is the new ticket, and this one changed too (a timeline entry): reload it.
  const split = async () => {
    busy.value = true
    try {
      const { data: created } = await api.split(data.reference, { subject: a, description: b })
      setKind(null)
      await reloadTicket()
      notice.value = {
        kind: 'success',
        text: `${t('more.splitDone')}: ${created.reference}`,
        at: 'more',
      }
    } catch (error) {
      notice.value = problemNotice(asProblem(error), 'more')
    } finally {
      busy.value = false
    }
  }

  return (
    <section class="card more" aria-labelledby="more-title">
      <h2 id="more-title">{t('more.title')}</h2>
      <div class="actions">
        {kinds.map((k) => (
          <button
            key={k}
            type="button"
            class={kind === k ? 'secondary pressed' : 'secondary'}
            aria-expanded={kind === k}
            onClick={() => choose(k)}
          >
            {t(TITLES[k])}
          </button>
        ))}
      </div>
      {kind && (
        <form class="more-form" onSubmit={submit}>
          {(kind === 'duplicate' || kind === 'link') && (
            <>
              <label for="more-ref">
                {kind === 'duplicate' ? t('more.duplicateOf') : t('more.parent')}
              </label>
              <input
                id="more-ref"
                required
                value={a}
                placeholder={`${data.project?.prefix ?? 'DEMO'}-1`}
                onInput={(e) => setA((e.currentTarget as HTMLInputElement).value)}
              />
            </>
          )}
          {kind === 'duplicate' && (
            <>
              <label for="more-comment">{t('more.comment')}</label>
              <textarea
                id="more-comment"
                required
                rows={2}
                value={b}
                onInput={(e) => setB((e.currentTarget as HTMLTextAreaElement).value)}
              />
            </>
          )}
          {kind === 'reject' && (
            <>
              <label for="more-comment">{t('more.comment')}</label>
              <textarea
                id="more-comment"
                required
                rows={2}
                value={a}
                onInput={(e) => setA((e.currentTarget as HTMLTextAreaElement).value)}
              />
            </>
          )}
          {kind === 'split' && (
            <>
              <label for="more-subject">{t('more.splitSubject')}</label>
              <input
                id="more-subject"
                required
                value={a}
                onInput={(e) => setA((e.currentTarget as HTMLInputElement).value)}
              />
              <label for="more-description">{t('more.splitDescription')}</label>
              <textarea
                id="more-description"
                required
                rows={3}
                value={b}
                onInput={(e) => setB((e.currentTarget as HTMLTextAreaElement).value)}
              />
            </>
          )}
          <button type="submit" class="primary" disabled={busy.value}>
            {t('more.submit')}
          </button>
        </form>
      )}
      <NoticeLine at="more" />
    </section>
  )
}
