/** Limits of the intake, shared by the SDK (to trim before sending) and the server (to enforce). */
export interface Limits {
  /** Whole request body, bytes. */
  bodyBytes: number
  /** Decoded screenshot, bytes. */
  screenshotBytes: number
  /** Screenshot width or height, pixels. */
  screenshotPixels: number
  subjectChars: number
  descriptionChars: number
  /** `context` serialised as JSON, bytes. */
  contextBytes: number
  /** `environment` serialised as JSON, bytes. */
  environmentBytes: number
  logEntries: number
  logMessageChars: number
  /** Any other short text field (names, versions, e-mail…). */
  shortTextChars: number
  idempotencyKeyChars: number
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 10 * 1024 * 1024,
  screenshotBytes: 8 * 1024 * 1024,
  screenshotPixels: 16_384,
  subjectChars: 200,
  descriptionChars: 20_000,
  contextBytes: 32 * 1024,
  environmentBytes: 16 * 1024,
  logEntries: 200,
  logMessageChars: 4_000,
  shortTextChars: 200,
  idempotencyKeyChars: 200,
}

/**
 * Longest free text of a reply, note, comment or reason, in every API and in the status page's
 * form, so that no surface cuts or refuses what another accepts.
 */
export const FREE_TEXT_CHARS = 20_000
