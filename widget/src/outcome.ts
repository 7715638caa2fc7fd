import type { ReportResult, SdkErrorCode } from '@snagbox/sdk'
import type { MessageKey } from './i18n/en.js'
import type { Translate } from './i18n/translate.js'
import { fieldOfPath, type FieldErrors } from './validate.js'

/**
 * Every way sending can fail, as the reporter is told it: a closed union whose messages
 * (`error_<code>`) a host can override.
 */
export type WidgetErrorCode =
  'network' | 'rate_limited' | 'too_large' | 'bad_image' | 'not_configured' | 'failed'

const CODES: Partial<Record<SdkErrorCode, WidgetErrorCode>> = {
  network_error: 'network',
  timeout: 'network',
  server_error: 'network',
  rate_limited: 'rate_limited',
  payload_too_large: 'too_large',
  screenshot_too_large: 'too_large',
  unsupported_media_type: 'bad_image',
  invalid_image: 'bad_image',
  unknown_project_key: 'not_configured',
  origin_not_allowed: 'not_configured',
  unauthorized: 'not_configured',
  forbidden: 'not_configured',
  not_found: 'not_configured',
}

export const widgetErrorCode = (code: SdkErrorCode): WidgetErrorCode => CODES[code] ?? 'failed'

/** What the form shows after a send: a success screen, or errors beside the fields and above them. */
export type Outcome =
  | { kind: 'sent'; reference: string; statusUrl: string; mailTo: string | null }
  /** Kept in the outbox as `outboxId`: the SDK says when it is delivered. */
  | { kind: 'queued'; persisted: boolean; outboxId: string }
  | { kind: 'error'; fields: FieldErrors; message: string }
  /** A queued report the server refused for good when the outbox sent it (the draft is gone). */
  | { kind: 'refused'; message: string }

/** Turns the SDK's answer into what the reporter sees; the server's field errors go to their fields. */
export function outcomeOf(result: ReportResult, t: Translate): Outcome {
  if (result.status === 'sent')
    return {
      kind: 'sent',
      reference: result.reference,
      statusUrl: result.statusUrl,
      mailTo: result.mailTo ?? null,
    }
  if (result.status === 'queued')
    return { kind: 'queued', persisted: result.persisted, outboxId: result.outboxId }
  const fields: FieldErrors = {}
  const unplaced: string[] = []
  for (const { path, message } of result.error.errors ?? []) {
    const field = fieldOfPath(path)
    if (field === 'email') fields.email = t('invalidEmail')
    else if (field) fields[field] = message
    else unplaced.push(`${path}: ${message}`)
  }
  const placed = Object.keys(fields).length > 0
  const key: MessageKey = placed ? 'fixFields' : `error_${widgetErrorCode(result.error.code)}`
  return { kind: 'error', fields, message: [t(key), ...unplaced].join(' ') }
}
