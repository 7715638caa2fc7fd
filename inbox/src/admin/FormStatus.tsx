import { t } from '../i18n/index.js'
import { otherErrors, problemText } from './problems.js'
import type { Action } from './use-action.js'

/**
 * What the form or button beside it came to: busy, refused (with the field errors no field of
 * the form shows) or done. `id` lets the caller move focus here when the button pressed is gone.
 */
export function FormStatus({ action, id }: { action: Action; id?: string }) {
  const { busy, problem, done } = action
  const rest = otherErrors(problem, action.fields)
  return (
    <div class="form-status" id={id} tabIndex={id ? -1 : undefined} aria-live="polite">
      {busy && <p class="hint">{t('form.busy')}</p>}
      {problem && (
        <div class="form-error" role="alert">
          {problemText(problem)}
          {rest.length > 0 && (
            <ul>
              {rest.map((error) => (
                <li key={error.path}>
                  {error.path}: {error.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {done && <p class="notice notice-success">{done}</p>}
    </div>
  )
}
