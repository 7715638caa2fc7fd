import type { ErrorCode, FieldError, Problem } from './contract/index.js'

/**
 * Every way an SDK call can fail, as a closed union: the server's problem codes (contract) plus
 * what only happens on the client. Nothing the SDK runs in the host page throws; failures come
 * back as a value carrying one of these.
 *
 * @example
 * const text: Partial<Record<SdkErrorCode, string>> = { network_error: 'No connection', rate_limited: 'Too many reports' }
 */
export type SdkErrorCode =
  | ErrorCode
  /** No answer: offline, DNS, refused connection, CORS. */
  | 'network_error'
  /** An attempt took longer than `retry.timeoutMs`. */
  | 'timeout'
  /** 5xx without a usable problem document. */
  | 'server_error'
  /** A 4xx without a problem document (a proxy's, not the server's). */
  | 'http_error'
  /** `beforeSend` returned `null`. */
  | 'vetoed'
  | 'screenshot_unsupported'
  | 'screenshot_permission_denied'
  | 'screenshot_timeout'
  | 'screenshot_failed'
  | 'screenshot_too_large'

/**
 * A failure as a value: its code, and what the server said about it.
 *
 * @example
 * if (result.status === 'rejected' && result.error.code === 'invalid_payload') showFieldErrors(result.error.errors)
 */
export interface SdkError {
  code: SdkErrorCode
  message: string
  /** HTTP status, when the server answered. */
  status?: number
  /** Field errors of the problem document (`invalid_payload`). */
  errors?: FieldError[]
  problem?: Problem
}

/**
 * Builds an {@link SdkError}. The message is for logs; a UI shows its own text per `code`.
 *
 * @example
 * sdkError('timeout') // { code: 'timeout', message: 'timeout' }
 * sdkError('vetoed', { message: String(cause) }) // an Error becomes 'Error: its message'
 */
export function sdkError(code: SdkErrorCode, extra: Partial<SdkError> = {}): SdkError {
  return { code, message: code, ...extra }
}
