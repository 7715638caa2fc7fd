import type { Problem } from '../contract/index.js'
import { sdkError, type SdkError } from '../errors.js'

/**
 * The error of an answer that is no success: the server's own problem document, or — from a
 * proxy's bare 413 or 502 — a code told by its status (`retryable`: a 429, a 5xx).
 */
export function answerError(
  status: number,
  answer: Partial<Problem> | null,
  retryable: boolean,
): SdkError {
  // Our server always answers with a problem document; a proxy's bare 413 or 502 is told by its status.
  const problem = answer?.code ? (answer as Problem) : undefined
  const code =
    problem?.code ?? (status === 429 ? 'rate_limited' : retryable ? 'server_error' : 'http_error')
  return sdkError(code, {
    status,
    ...(problem && { problem, errors: problem.errors, message: problem.detail }),
  })
}
