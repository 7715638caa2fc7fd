import { ROUTES } from '@snagbox/sdk/contract'
import { useEffect, useState } from 'preact/hooks'
import { LanguageSwitch } from '../components/LanguageSwitch.js'
import { t, when } from '../i18n/index.js'
import { navigate } from '../router.js'
import { api, me } from '../state.js'
import { Field } from './Field.js'
import { FormStatus } from './FormStatus.js'
import { inputProblem, problemText } from './problems.js'
import { checkNewPassword, MIN_PASSWORD } from './password.js'
import { useAction } from './use-action.js'

const FIELDS = ['password', 'repeat'] as const

type Invite = { email: string; name: string; expiresAt: string }

/** The token of a one-time link: in the address's fragment, which no request carries. */
function tokenOfPage(): string {
  try {
    return decodeURIComponent(location.hash.slice(1))
  } catch {
    return ''
  }
}

/**
 * The page a one-time link opens (`/inbox/invite#<token>`), signed out: who it is for, a new
 * password twice; setting it signs the person in and opens the queue.
 */
export function InvitePage() {
  const [token] = useState(tokenOfPage)
  const [invite, setInvite] = useState<Invite | 'gone' | null>(null)
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const lookup = useAction()
  const accept = useAction('invite', FIELDS)

  useEffect(() => {
    document.title = `${t('invite.title')} · Snagbox`
    if (!token) {
      setInvite('gone')
      return
    }
    void lookup.run(() => api.invite(token)).then((found) => found && setInvite(found))
  }, [token])

  const submit = async (e: Event) => {
    e.preventDefault()
    const refused = checkNewPassword(password, repeat)
    if (refused) return accept.fail(inputProblem(refused.field, t(refused.message)))
    const agent = await accept.run(() => api.acceptInvite(token, password))
    if (!agent) return
    me.value = agent
    // Replaced, not pushed: the token leaves the address and the history.
    navigate(ROUTES.inbox, true)
  }

  const gone = invite === 'gone' || lookup.problem?.status === 404 || accept.problem?.status === 404
  return (
    <main class="login">
      <div class="login-card">
        <div class="login-top">
          <span class="brand">Snagbox</span>
          <LanguageSwitch />
        </div>
        <h1>{t('invite.title')}</h1>
        {gone ? (
          <>
            <p class="form-error" role="alert">
              {t('invite.invalid')}
            </p>
            <p>
              <a
                href={ROUTES.inbox}
                onClick={(e) => {
                  e.preventDefault()
                  navigate(ROUTES.inbox, true)
                }}
              >
                {t('invite.signIn')}
              </a>
            </p>
          </>
        ) : lookup.problem ? (
          <div class="form-error" role="alert">
            {problemText(lookup.problem)}{' '}
            <button type="button" class="secondary small" onClick={() => location.reload()}>
              {t('ticket.reload')}
            </button>
          </div>
        ) : invite === null ? (
          <p class="hint">{t('queue.loading')}</p>
        ) : (
          <form class="invite-form" onSubmit={submit} aria-busy={accept.busy}>
            <p>{t('invite.for', { name: invite.name, email: invite.email })}</p>
            <p class="hint">{t('invite.until', { date: when(invite.expiresAt) })}</p>
            {/* For the browser's password manager: whose password this is. */}
            <input type="email" autoComplete="username" value={invite.email} readOnly hidden />
            <Field
              id="invite-password"
              label={t('password.new')}
              hint={t('password.hint')}
              error={accept.errors.password}
            >
              <input
                type="password"
                autoComplete="new-password"
                required
                minLength={MIN_PASSWORD}
                autoFocus
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            </Field>
            <Field id="invite-repeat" label={t('password.repeat')} error={accept.errors.repeat}>
              <input
                type="password"
                autoComplete="new-password"
                required
                value={repeat}
                onInput={(e) => setRepeat(e.currentTarget.value)}
              />
            </Field>
            <FormStatus action={accept} />
            <button type="submit" class="primary" aria-disabled={accept.busy}>
              {t('invite.submit')}
            </button>
          </form>
        )}
      </div>
    </main>
  )
}
