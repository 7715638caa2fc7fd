import type { ErrorCode, FieldError, Problem } from '@snagbox/sdk/contract'
import { PROBLEM_TYPE_BASE } from '@snagbox/sdk/contract'
import type { InputError } from './input-error.js'

const TITLES: Record<ErrorCode, string> = {
  invalid_payload: 'The request has invalid fields',
  invalid_json: 'The body is not valid JSON',
  unknown_project_key: 'Unknown project key',
  origin_not_allowed: 'Origin not allowed for this project',
  payload_too_large: 'Payload too large',
  request_timeout: 'The request did not arrive in time',
  unsupported_media_type: 'Unsupported media type',
  invalid_image: 'The screenshot is not a PNG, JPEG or WebP image',
  rate_limited: 'Too many requests',
  unauthorized: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  illegal_transition: "Not allowed in the ticket's current status",
  no_change: 'The request changes nothing',
  precondition_failed: 'Precondition failed',
  idempotency_key_reused: 'Idempotency-Key already used for a different request',
  method_not_allowed: 'Method not allowed',
  internal_error: 'Internal server error',
}

/** An error with an HTTP status and a contract error code; `app.onError` turns it into a problem document. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail)
    this.name = 'ApiError'
  }

  toProblem(): Problem & Record<string, unknown> {
    return {
      type: PROBLEM_TYPE_BASE + this.code,
      title: TITLES[this.code],
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    }
  }
}

export const invalid = (errors: FieldError[], detail?: string) =>
  new ApiError(
    400,
    'invalid_payload',
    detail ?? errors.map((e) => `${e.path || 'body'} ${e.message}`).join('; '),
    errors,
  )

/**
 * A store's refusal of an admin's input as a problem document: wrong fields 400 (each by its
 * name), something named that does not exist 404, a change the state does not allow 409.
 */
export function inputProblem(err: InputError): ApiError {
  if (err.kind === 'not_found') return new ApiError(404, 'not_found', err.message)
  if (err.kind === 'conflict') return new ApiError(409, 'conflict', err.message)
  return invalid(
    err.problems.map((p) => ({ path: p.field ?? '', message: p.message })),
    err.message,
  )
}
