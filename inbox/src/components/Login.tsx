import { useState } from 'preact/hooks'
import { ApiProblem } from '../api.js'
import { t } from '../i18n/index.js'
import { api, me } from '../state.js'
import { LanguageSwitch } from './LanguageSwitch.js'

export function Login() {
  const [error, setError] = useState('')
  const [pending, setPending] = useState(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setPending(true)
    setError('')
    try {
      me.value = await api.login(
        String(form.get('email') ?? ''),
        String(form.get('password') ?? ''),
      )
    } catch (err) {
      const problem = err as ApiProblem
      setError(
        problem.status === 401 || problem.status === 400
          ? t('login.failed')
          : problem.status === 429
            ? t('login.tooMany')
            : problem.code === 'network_error'
              ? t('error.network')
              : problem.detail,
      )
      setPending(false)
    }
  }

  return (
    <main class="login">
      <form
        class="login-card"
        onSubmit={submit}
        aria-describedby={error ? 'login-error' : undefined}
      >
        <div class="login-top">
          <span class="brand">Snagbox</span>
          <LanguageSwitch />
        </div>
        <h1>{t('login.title')}</h1>
        <label for="login-email">{t('login.email')}</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
        />
        <label for="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        {error && (
          <p id="login-error" class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={pending}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  )
}
