import type { ApiProblem } from './api.js'
import { t } from './i18n/index.js'
import type { At, Notice } from './state.js'

/**
 * The notice for a refused or failed write: the problem's own words, with those of its field
 * errors that the detail doesn't already say (said once, not twice).
 *
 * @example
 * problemNotice(new ApiProblem(404, 'not_found', 'No ticket DEMO-999'), 'more').text // 'No ticket DEMO-999'
 */
export function problemNotice(problem: ApiProblem, at?: At): Notice {
  if (problem.code === 'network_error') return { kind: 'error', text: t('error.network'), at }
  const detail = problem.errors
    .filter((e) => !problem.detail.includes(e.message))
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ')
  const text =
    problem.status === 409
      ? `${t('error.conflict')}: ${problem.detail}`
      : problem.detail || t('error.generic')
  return { kind: 'error', text, at, ...(detail ? { detail } : {}) }
}
