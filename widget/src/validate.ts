import { isEmailAddress } from '@snagbox/sdk/contract'
import type { MessageKey } from './i18n/en.js'

/** The fields of the form that can carry an error. */
export type Field = 'category' | 'description' | 'name' | 'email' | 'phone' | 'screenshot'
/** Each field's error, already in words for the reporter. */
export type FieldErrors = Partial<Record<Field, string>>

/** What the form checks before sending; the server checks everything again. */
export function validateDraft(draft: {
  description: string
  email: string
}): Partial<Record<Field, MessageKey>> {
  const problems: Partial<Record<Field, MessageKey>> = {}
  if (!draft.description.trim()) problems.description = 'required'
  if (draft.email.trim() && !isEmailAddress(draft.email.trim())) problems.email = 'invalidEmail'
  return problems
}

/** The form field a server error path (`reporter.email`, `description`) belongs to. */
export function fieldOfPath(path: string): Field | null {
  const field = path.replace(/^reporter\./, '').split(/[.[]/)[0]
  const fields: readonly string[] = [
    'category',
    'description',
    'name',
    'email',
    'phone',
    'screenshot',
  ]
  return fields.includes(field!) ? (field as Field) : path === 'subject' ? 'description' : null
}
