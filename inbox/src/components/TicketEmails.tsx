import type { TicketEmail } from '@snagbox/sdk/contract'
import { useState } from 'preact/hooks'
import { ApiProblem } from '../api.js'
import { t } from '../i18n/index.js'
import { api, ticket } from '../state.js'
import { canResend, emailKind, emailState } from '../ticket-emails.js'
import { problemNotice } from '../problem-notice.js'

/** The e-mails sent for one timeline event: what, to whom, whether it arrived; each can go again. */
export function TicketEmails({ emails }: { emails: readonly TicketEmail[] }) {
  if (!emails.length) return null
  return (
    <ul class="mails" aria-label={t('mail.list')}>
      {emails.map((email) => (
        <EmailLine key={email.id} email={email} />
      ))}
    </ul>
  )
}

function EmailLine({ email }: { email: TicketEmail }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const kind = emailKind(email.kind)

  const resend = async () => {
    const open = ticket.value.data
    if (!open || busy) return
    setBusy(true)
    setResult(null)
    try {
      const queued = await api.resendEmail(open.reference, email.id)
      // The new one (pending) joins the list; the ticket itself did not change.
      const now = ticket.value
      if (now.data?.id === open.id)
        ticket.value = { ...now, data: { ...now.data, emails: [queued, ...now.data.emails] } }
      setResult({ ok: true, text: t('mail.resent') })
    } catch (error) {
      const problem =
        error instanceof ApiProblem ? error : new ApiProblem(0, 'network_error', String(error))
      setResult({
        ok: false,
        text: problem.status === 409 ? t('mail.off') : problemNotice(problem).text,
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <li class={`mail mail-${email.state}`} data-mail-state={email.state} data-kind={email.kind}>
      <span id={`mail-${email.id}`} class="mail-what" title={email.subject}>
        <span aria-hidden="true">✉ </span>
        <strong>{kind}</strong> {t('mail.to', { to: email.to })}
      </span>
      <span class="mail-state">{emailState(email)}</span>
      <span class={`mail-result ${result?.ok ? 'ok' : 'err'}`} aria-live="polite">
        {result?.text}
      </span>
      {canResend(email) && (
        <button
          type="button"
          class="secondary small"
          aria-disabled={busy}
          aria-describedby={`mail-${email.id}`}
          onClick={() => void resend()}
        >
          {t('mail.resend')}
        </button>
      )}
    </li>
  )
}
