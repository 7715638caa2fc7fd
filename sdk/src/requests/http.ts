import { sdkError, type SdkError } from '../errors.js'
import type { ResolvedOptions } from '../options.js'
import { answerError } from '../transport/answer-error.js'

export type Answer<T> = { ok: true; value: T } | { ok: false; error: SdkError }

/**
 * One call of the reporter's API, JSON both ways, aborted after `retry.timeoutMs`; never throws.
 * (No retries: the reporter asked and waits; a failure is told, and asking again is theirs.) A
 * status link's own routes need no headers: a page reads them without a CORS preflight.
 */
export async function call<T>(
  o: Pick<ResolvedOptions, 'endpoint' | 'fetch' | 'retry'>,
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), o.retry.timeoutMs)
  try {
    const response = await (o.fetch ?? fetch)(`${o.endpoint}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...init.headers,
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: controller.signal,
    })
    const { status } = response
    const answer = status === 204 ? null : await response.json().catch(() => null)
    return response.ok
      ? { ok: true, value: answer as T }
      : { ok: false, error: answerError(status, answer, status === 429 || status >= 500) }
  } catch {
    return { ok: false, error: sdkError(controller.signal.aborted ? 'timeout' : 'network_error') }
  } finally {
    clearTimeout(timer)
  }
}

/** The status token of a status link (`…/status/<token>`). */
export const tokenOf = (statusUrl: string) => statusUrl.slice(statusUrl.lastIndexOf('/') + 1)

/** The signed-in user to list requests for: `setUser`'s id with its signature, if both are there. */
export function signedIn(o: Pick<ResolvedOptions, 'user'>) {
  const { id, signature } = o.user
  return (typeof id === 'string' || typeof id === 'number') && id !== '' && signature
    ? { id: String(id), signature }
    : undefined
}

/**
 * The headers of the routes that take several requests of a project and answer in words: the
 * project's key, and the reporter's language when the client was given one (else the browser's
 * own `Accept-Language` goes).
 */
export const projectHeaders = (
  o: Pick<ResolvedOptions, 'projectKey' | 'lang'>,
): Record<string, string> => ({
  'X-Snagbox-Key': o.projectKey,
  ...(o.lang && { 'Accept-Language': o.lang }),
})
