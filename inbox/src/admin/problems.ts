import { ApiProblem } from '../api.js'
import { t } from '../i18n/index.js'

/**
 * The form field a server's field error is about: `projects[1]` and `origins.0` are the
 * `projects` and `origins` fields.
 *
 * @example
 * fieldOf('holidays[2]') // 'holidays'
 */
export const fieldOf = (path: string): string => path.replace(/^\//, '').split(/[.[/]/)[0] ?? ''

/** The first message for each field of the form; errors of other paths are not among them. */
export function fieldErrors(
  problem: ApiProblem | null,
  fields: readonly string[],
): Record<string, string> {
  const byField: Record<string, string> = {}
  for (const error of problem?.errors ?? []) {
    const field = fieldOf(error.path)
    if (fields.includes(field)) byField[field] ??= error.message
  }
  return byField
}

/** The field errors that no field of the form shows: said in the form's own message instead. */
export const otherErrors = (problem: ApiProblem | null, fields: readonly string[]) =>
  (problem?.errors ?? []).filter((error) => !fields.includes(fieldOf(error.path)))

/** What a refusal says beside the form: the server's words, ours for what it can't say. */
export function problemText(problem: ApiProblem): string {
  if (problem.code === 'network_error') return t('error.network')
  if (problem.status === 400 && problem.errors.length) return t('form.invalid')
  return problem.detail || t(problem.status === 403 ? 'error.forbidden' : 'error.generic')
}

/** Refused input found before asking the server, shown the way the server's refusals are. */
export const inputProblem = (path: string, message: string) =>
  new ApiProblem(400, 'invalid_payload', message, [{ path, message }])

export { asProblem } from '../api.js'
