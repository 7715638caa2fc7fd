import type { Problem, TicketCreated, TicketPayload } from '../contract/index.js'
import { sdkError, type SdkError } from '../errors.js'
import type { ResolvedOptions } from '../options.js'
import { screenshotDecoder } from '../screenshot/attach-screenshot.js'
import { answerError } from './answer-error.js'
import { parseRetryAfter } from './retry.js'

export type Outcome =
  | { kind: 'sent'; ticket: TicketCreated }
  | { kind: 'rejected'; error: SdkError }
  | { kind: 'retry'; error: SdkError; retryAfterMs?: number | null }

export type AttemptDeps = Pick<
  ResolvedOptions,
  'endpoint' | 'projectKey' | 'fetch' | 'retry' | 'clock'
>

/**
 * One POST of a report. A screenshot goes as a multipart file part (binary, a third smaller than
 * base64 in JSON); a report without one goes as JSON. Network errors, timeouts, 429 and 5xx
 * are worth another try; every other answer is final.
 *
 * The path, header and part names are the contract's `ROUTES`, `HEADERS` and `MULTIPART`, spelled
 * out: a bundle keeps all of an object it reads one property of (client.test.ts holds them to the
 * contract).
 */
export async function attempt(
  deps: AttemptDeps,
  payload: TicketPayload,
  key: string,
): Promise<Outcome> {
  const headers: Record<string, string> = {
    'X-Snagbox-Key': deps.projectKey,
    'Idempotency-Key': key,
  }
  // The decoder comes with the capture code, loaded already when this report captured its
  // screenshot; failing to load it (a report sent from the outbox after a reload) is a network
  // error, to be tried again.
  const decode = payload.screenshot && (await screenshotDecoder().catch(() => null))
  if (decode === null) return { kind: 'retry', error: sdkError('network_error') }
  let body: BodyInit
  try {
    if (decode) {
      const { screenshot, ...rest } = payload
      const blob = decode(screenshot!)
      body = new FormData()
      body.append('payload', JSON.stringify(rest))
      body.append('screenshot', blob, `screenshot.${blob.type.split('/')[1]}`)
    } else {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(payload)
    }
  } catch (cause) {
    // Not JSON (a BigInt or a cycle from beforeSend), or a broken data URL: no retry can fix that.
    return { kind: 'rejected', error: sdkError('invalid_payload', { message: String(cause) }) }
  }
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), deps.retry.timeoutMs)
  let response: Response
  let answer: (Partial<Problem> & Partial<TicketCreated>) | null
  try {
    // Called as a plain function: a host's `window.fetch` throws when called on another object.
    response = await (deps.fetch ?? fetch)(`${deps.endpoint}/api/v1/tickets`, {
      method: 'POST',
      headers,
      body,
      signal: controller.signal,
    })
    answer = await response.json().catch(() => null)
  } catch {
    return {
      kind: 'retry',
      error: sdkError(controller.signal.aborted ? 'timeout' : 'network_error'),
    }
  } finally {
    clearTimeout(timer)
  }
  const { status } = response
  if (response.ok && answer?.reference) return { kind: 'sent', ticket: answer as TicketCreated }
  // A 2xx without a ticket is no answer of ours: worth another try, like a 5xx.
  const retryable = status === 429 || status >= 500 || response.ok
  const error = answerError(status, answer, retryable)
  if (!retryable) return { kind: 'rejected', error }
  return {
    kind: 'retry',
    error,
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), deps.clock.now()),
  }
}
