import type { Problem, TicketCreated, TicketPayload } from '../contract/index.js'
import { HEADERS, MULTIPART, ROUTES } from '../contract/routes.js'
import { sdkError, type SdkError } from '../errors.js'
import { dataUrlToBlob } from './data-url.js'
import { parseRetryAfter } from './retry.js'

export type Outcome =
  | { kind: 'sent'; ticket: TicketCreated }
  | { kind: 'rejected'; error: SdkError }
  | { kind: 'retry'; error: SdkError; retryAfterMs?: number | null }

export interface AttemptDeps {
  endpoint: string
  projectKey: string
  fetch: typeof fetch
  timeoutMs: number
  now(): number
}

/**
 * One POST of a report. A screenshot goes as a multipart file part (binary, a third smaller than
 * base64 in JSON); a report without one goes as JSON. Network errors, timeouts, 429 and 5xx
 * are worth another try; every other answer is final.
 */
export async function attempt(deps: AttemptDeps, payload: TicketPayload, key: string): Promise<Outcome> {
  const headers: Record<string, string> = { [HEADERS.projectKey]: deps.projectKey, [HEADERS.idempotencyKey]: key }
  let body: BodyInit
  try {
    if (payload.screenshot) {
      const { screenshot, ...rest } = payload
      const blob = dataUrlToBlob(screenshot)
      body = new FormData()
      body.append(MULTIPART.payload, JSON.stringify(rest))
      body.append(MULTIPART.screenshot, blob, `screenshot.${blob.type.split('/')[1]}`)
    } else {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(payload)
    }
  } catch (cause) {
    // Not JSON (a BigInt or a cycle from beforeSend), or a broken data URL: no retry can fix that.
    return { kind: 'rejected', error: sdkError('invalid_payload', { message: String(cause) }) }
  }
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs)
  let response: Response
  let answer: (Partial<Problem> & Partial<TicketCreated>) | null
  try {
    response = await deps.fetch(deps.endpoint + ROUTES.tickets, {
      method: 'POST',
      headers,
      body,
      signal: controller.signal,
    })
    answer = await response.json().catch(() => null)
  } catch {
    return { kind: 'retry', error: sdkError(controller.signal.aborted ? 'timeout' : 'network_error') }
  } finally {
    clearTimeout(timer)
  }
  const { status } = response
  if (response.ok && answer?.reference) return { kind: 'sent', ticket: answer as TicketCreated }
  // Our server always answers with a problem document; a proxy's bare 413 or 502 is told by its status.
  const problem = answer?.code ? (answer as Problem) : undefined
  const retryable = status === 429 || status >= 500 || response.ok
  const code = problem?.code ?? (status === 429 ? 'rate_limited' : retryable ? 'server_error' : 'http_error')
  const error = sdkError(code, { status, ...(problem && { problem, errors: problem.errors, message: problem.detail }) })
  if (!retryable) return { kind: 'rejected', error }
  return { kind: 'retry', error, retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), deps.now()) }
}
