/** Limits of the intake, shared by the SDK (to trim before sending) and the server (to enforce). */
export interface Limits {
  /** Whole request body, bytes. */
  bodyBytes: number
  /** Decoded screenshot, bytes. */
  screenshotBytes: number
  /** Screenshot width or height, pixels. */
  screenshotPixels: number
  /**
   * Screenshot width × height, pixels: what decoding it costs the agent's browser (4 bytes each),
   * which a small file can hide (a 1 MB PNG may claim 16384 × 16384).
   */
  screenshotTotalPixels: number
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
  /** Values and object keys in one JSON body, each counting one: what parsing it costs. */
  jsonNodes: number
  /** Arrays and objects nested in one another in a JSON body. */
  jsonDepth: number
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 10 * 1024 * 1024,
  screenshotBytes: 8 * 1024 * 1024,
  screenshotPixels: 16_384,
  // 40 MP holds an 8K screen (7680 × 4320 ≈ 33 MP) and a full-page capture as tall as a side may be
  // at the SDK's 1920 px width (1920 × 16384 ≈ 31 MP); decoded, at most 160 MB, not 1 GB.
  screenshotTotalPixels: 40_000_000,
  subjectChars: 200,
  descriptionChars: 20_000,
  contextBytes: 32 * 1024,
  environmentBytes: 16 * 1024,
  logEntries: 200,
  logMessageChars: 4_000,
  shortTextChars: 200,
  idempotencyKeyChars: 200,
  // The most a report within the other limits can hold is about 26,000 (a 32 KB `context` and a
  // 16 KB `environment` of one-digit arrays, 200 logs); twice that still parses in ~20 ms.
  jsonNodes: 50_000,
  jsonDepth: 64,
}

/**
 * Longest free text of a reply, note, comment or reason, in every API and in the status page's
 * form, so that no surface cuts or refuses what another accepts.
 */
export const FREE_TEXT_CHARS = 20_000

/**
 * Most status tokens one call of the reporter's list (`POST /api/v1/status/requests`) or live
 * stream (`GET /api/v1/status/events`) takes, and most requests a signed-in user's list holds
 * (the most recently changed): what one reporter has open, with room to spare.
 */
export const REPORTER_REQUESTS_MAX = 50

/** Most files one agent reply carries (`POST /api/v1/tickets/:ref/replies`, multipart). */
export const REPLY_FILES_MAX = 10
