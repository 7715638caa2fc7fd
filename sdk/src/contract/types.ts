/** The kinds of request a reporter can file (contract §2). */
export const CATEGORIES = ['incident', 'mass_incident', 'consultation', 'feature_request'] as const
export type Category = (typeof CATEGORIES)[number]

export const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const
export type Priority = (typeof PRIORITIES)[number]

export const STATUSES = ['new', 'in_progress', 'waiting_on_reporter', 'resolved', 'closed'] as const
export type Status = (typeof STATUSES)[number]

export const CLOSE_REASONS = [
  'confirmed',
  'auto_closed',
  'withdrawn',
  'duplicate',
  'rejected',
] as const
export type CloseReason = (typeof CLOSE_REASONS)[number]

export const LOG_LEVELS = ['error', 'warn', 'info', 'log', 'debug'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Where the OS facts came from. */
export const ENVIRONMENT_SOURCES = ['client-hints', 'user-agent', 'runtime', 'host'] as const
export type EnvironmentSource = (typeof ENVIRONMENT_SOURCES)[number]

export const ARCHITECTURES = ['x64', 'x86', 'arm64', 'arm'] as const
export type Architecture = (typeof ARCHITECTURES)[number]

export type Bitness = 64 | 32 | null

export interface OsInfo {
  /** `Windows`, `macOS`, `Linux`, `Android`, `iOS`, `iPadOS`, `ChromeOS`, … */
  name: string | null
  /** The version people use: `11`, `14.5`; `null` when it can't be known. */
  version: string | null
  bitness: Bitness
  architecture: Architecture | null
  source: EnvironmentSource
}

export interface BrowserInfo {
  name: string | null
  version: string | null
  bitness: Bitness
}

export interface DeviceInfo {
  /** `desktop`, `mobile`, `tablet`, … */
  type: string | null
  vendor: string | null
  model: string | null
}

export interface ScreenInfo {
  width: number | null
  height: number | null
  pixelRatio: number | null
  viewportWidth: number | null
  viewportHeight: number | null
  colorScheme: 'light' | 'dark' | null
}

/** The raw inputs, kept so the server can re-derive fields when detection improves. */
export interface RawEnvironment {
  userAgent?: string | null
  clientHints?: Record<string, unknown> | null
  platform?: string | null
  maxTouchPoints?: number | null
  /** Node/Electron facts (`os.platform()`, `os.release()`, `process.arch`, …) when reported from a runtime. */
  runtime?: Record<string, unknown> | null
}

export interface Environment {
  os?: Partial<OsInfo>
  browser?: Partial<BrowserInfo>
  device?: Partial<DeviceInfo>
  screen?: Partial<ScreenInfo>
  locale?: string | null
  timezone?: string | null
  userAgent?: string | null
  url?: string | null
  referrer?: string | null
  raw?: RawEnvironment
}

export interface Reporter {
  name?: string
  email?: string
  phone?: string
  organization?: string
  /**
   * The host's id of its signed-in user. It counts only with its `signature`: then the server
   * keeps it, and the user's requests can be listed from any device.
   */
  id?: string
  /** Hex HMAC-SHA256 of `id` keyed with the project's identity secret, made by the host's backend. */
  signature?: string
}

/** A user the host says is signed in, as a report names it; the server checks the signature. */
export interface ClaimedUser {
  /** `''` when the report's `reporter.id` was no usable id (not a string or whole number, or too long). */
  id: string
  /** As sent, lower-cased; `''` when missing or not a string. */
  signature: string
}

export interface AppInfo {
  name?: string
  /** e.g. `4.30.34` */
  version?: string
  /** e.g. `6255` */
  build?: string
  /** e.g. `production` */
  environment?: string
}

export interface LogEntry {
  level: LogLevel
  message: string
  /** ISO 8601 or epoch milliseconds. */
  timestamp: string | number
}

/** What the widget or the SDK sends to `POST /api/v1/tickets`. */
export interface TicketPayload {
  category?: Category
  blocking?: boolean
  subject?: string
  description: string
  reporter?: Reporter
  app?: AppInfo
  environment?: Environment
  context?: Record<string, unknown>
  logs?: LogEntry[]
  /** `data:image/png|jpeg|webp;base64,…` — JSON form only; multipart sends a `screenshot` file part. */
  screenshot?: string
}

/** A payload after validation: defaults applied, strings trimmed. */
export interface ValidTicketPayload {
  category: Category
  blocking: boolean
  subject: string
  description: string
  reporter: Reporter
  app: AppInfo
  environment: Environment
  context: Record<string, unknown>
  logs: LogEntry[]
  screenshot: string | null
  /** Present when the report named a user (`reporter.id` or `reporter.signature`). */
  user?: ClaimedUser
}

/** `201` (created) or `200` (idempotent replay) answer of `POST /api/v1/tickets`. */
export interface TicketCreated {
  id: string
  reference: string
  status: Status
  statusUrl: string
  createdAt: string
  /** Where updates are e-mailed, masked (`a***@example.com`); absent or null when they are not. */
  mailTo?: string | null
  /**
   * Present when the report named a user: `verified` when its signature was right (the request is
   * the user's, listed on any device), `not_verified` when it was not (the report was kept all
   * the same, without the user).
   */
  identity?: 'verified' | 'not_verified'
}

export interface FieldError {
  /** Dotted path of the offending field, e.g. `reporter.email`, `logs[3].level`. */
  path: string
  message: string
}

/** RFC 9457 problem document, as every error answer of the API. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: ErrorCode
  errors?: FieldError[]
}

export const ERROR_CODES = [
  'invalid_payload',
  'invalid_json',
  'unknown_project_key',
  'origin_not_allowed',
  'payload_too_large',
  'request_timeout',
  'unsupported_media_type',
  'invalid_image',
  'rate_limited',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'illegal_transition',
  'no_change',
  'precondition_failed',
  'idempotency_key_reused',
  'method_not_allowed',
  'internal_error',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]
