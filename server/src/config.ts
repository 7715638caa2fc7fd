import { DEFAULT_LIMITS, type Limits } from '@snagbox/sdk/contract'
import { parseMailbox, type Mailbox } from './mail-address.js'

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number
  windowSeconds: number
}

export interface Config {
  db: string
  host: string
  port: number
  /** The URL people reach the server at; status links and the widget's endpoint use it. */
  publicUrl: string
  limits: Limits
  /** A request whose headers and body have not all arrived this long after it began gets a 408. */
  bodyTimeoutMs: number
  rateLimit: {
    perIp: RateLimit
    perProject: RateLimit
    /** Failed logins to one account from one address. */
    login: RateLimit
    /** Failed logins to one account from every address it has not signed in from lately. */
    loginAccount: RateLimit
    /** Failed logins from one address to every account that has not signed in from it lately. */
    loginIp: RateLimit
    /** The reporter's writes (comments, confirm, reopen, withdraw) per request's status link. */
    reporter: RateLimit
    /** The reporter's writes per client address, over every status link. */
    reporterIp: RateLimit
  }
  /** An inbox login ends this long after it began, however much it is used. */
  sessionMaxHours: number
  /** How often an open event stream checks that its credential still holds. */
  streamCheckSeconds: number
  /** Origins allowed for every project, in addition to each project's own list. */
  allowedOrigins: string[]
  /** Take the client address from `X-Forwarded-For` (behind a reverse proxy). */
  trustProxy: boolean
  /** How long an `Idempotency-Key` stays bound to the request it first came with. */
  idempotencyKeyHours: number
  mail: {
    /** Where e-mail is sent through (`smtp://user:pass@host:587`); `null`: no e-mail at all. */
    smtpUrl: string | null
    /** The sender of every e-mail a project does not override. */
    from: Mailbox
    /** How long an undelivered e-mail is retried before it is given up on. */
    retryHours: number
  }
  /** Reading the projects' mailboxes (`--imap-url` of a project). */
  inbound: {
    /** Seconds between checks where the IMAP server has no IDLE, and before a reconnect. */
    pollSeconds: number
    /** New tickets one sender may open by e-mail in an hour; more are recorded, not answered. */
    newTicketsPerHour: number
  }
}

type Setting = {
  flag: string
  env: string
  doc: string
  /** The value a server starts with, applied like any other; or, when `derived`, how it is found. */
  default: string
  derived?: true
  apply: (config: Config, value: string) => void
}

const int = (name: string, value: string): number => {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number, got "${value}"`)
  return n
}
/** A whole number of at least 1 (of `unit`s): a length or a count that 0 would make meaningless. */
const positive = (name: string, value: string, unit?: string): number => {
  const n = int(name, value)
  if (n < 1) throw new Error(`${name} must be at least 1${unit ? ` ${unit}` : ''}, got "${value}"`)
  return n
}
type RateLimitKey = keyof Config['rateLimit']
/** The setting of one rate limit's count. */
const rateLimit = (
  flag: string,
  key: RateLimitKey,
  defaultValue: string,
  doc: string,
): Setting => ({
  flag,
  env: `SNAGBOX_${flag.toUpperCase().replaceAll('-', '_')}`,
  default: defaultValue,
  doc,
  apply: (c, v) => void (c.rateLimit[key].limit = int(flag, v)),
})
/** The setting of the window several rate limits share (a window of 0 would divide by zero). */
const rateWindow = (
  flag: string,
  keys: RateLimitKey[],
  defaultValue: string,
  doc: string,
): Setting => ({
  flag,
  env: `SNAGBOX_${flag.toUpperCase().replaceAll('-', '_')}`,
  default: defaultValue,
  doc,
  apply: (c, v) => {
    const s = positive(flag, v, 'second')
    for (const key of keys) c.rateLimit[key].windowSeconds = s
  },
})
const limit =
  (key: keyof Limits): Setting['apply'] =>
  (c, v) => {
    c.limits[key] = int(key, v)
  }

/**
 * Every setting of the server: its flag, its environment variable and its default.
 * Defaults suit an office of dozens of reporters behind one NAT address reporting one outage.
 */
export const SETTINGS: Setting[] = [
  {
    flag: 'db',
    env: 'SNAGBOX_DB',
    default: './data/snagbox.db',
    doc: 'SQLite database file',
    apply: (c, v) => void (c.db = v),
  },
  {
    flag: 'host',
    env: 'SNAGBOX_HOST',
    default: '127.0.0.1',
    doc: 'address to listen on',
    apply: (c, v) => void (c.host = v),
  },
  {
    flag: 'port',
    env: 'SNAGBOX_PORT',
    default: '8787',
    doc: 'port to listen on',
    apply: (c, v) => void (c.port = int('port', v)),
  },
  {
    flag: 'public-url',
    env: 'SNAGBOX_PUBLIC_URL',
    default: 'http://<host>:<port>',
    derived: true,
    doc: 'URL people reach the server at (status links)',
    apply: (c, v) => void (c.publicUrl = v.replace(/\/+$/, '')),
  },
  {
    flag: 'allowed-origin',
    env: 'SNAGBOX_ALLOWED_ORIGINS',
    default: '(none)',
    derived: true,
    doc: 'origins allowed for every project, comma-separated (each project has its own list too)',
    apply: (c, v) => void c.allowedOrigins.push(...splitList(v)),
  },
  {
    flag: 'trust-proxy',
    env: 'SNAGBOX_TRUST_PROXY',
    default: 'false',
    doc: 'take the client address from X-Forwarded-For',
    apply: (c, v) => void (c.trustProxy = v === '' || v === 'true' || v === '1'),
  },
  {
    flag: 'max-body-bytes',
    env: 'SNAGBOX_MAX_BODY_BYTES',
    default: String(DEFAULT_LIMITS.bodyBytes),
    doc: 'largest request body (413 above)',
    apply: limit('bodyBytes'),
  },
  {
    flag: 'max-screenshot-bytes',
    env: 'SNAGBOX_MAX_SCREENSHOT_BYTES',
    default: String(DEFAULT_LIMITS.screenshotBytes),
    doc: 'largest screenshot (413 above)',
    apply: limit('screenshotBytes'),
  },
  {
    flag: 'max-screenshot-pixels',
    env: 'SNAGBOX_MAX_SCREENSHOT_PIXELS',
    default: String(DEFAULT_LIMITS.screenshotPixels),
    doc: 'largest screenshot width or height',
    apply: limit('screenshotPixels'),
  },
  {
    flag: 'max-screenshot-total-pixels',
    env: 'SNAGBOX_MAX_SCREENSHOT_TOTAL_PIXELS',
    default: String(DEFAULT_LIMITS.screenshotTotalPixels),
    doc: 'largest screenshot width × height (413 above)',
    apply: limit('screenshotTotalPixels'),
  },
  {
    flag: 'max-subject-chars',
    env: 'SNAGBOX_MAX_SUBJECT_CHARS',
    default: String(DEFAULT_LIMITS.subjectChars),
    doc: 'longest subject',
    apply: limit('subjectChars'),
  },
  {
    flag: 'max-description-chars',
    env: 'SNAGBOX_MAX_DESCRIPTION_CHARS',
    default: String(DEFAULT_LIMITS.descriptionChars),
    doc: 'longest description',
    apply: limit('descriptionChars'),
  },
  {
    flag: 'max-context-bytes',
    env: 'SNAGBOX_MAX_CONTEXT_BYTES',
    default: String(DEFAULT_LIMITS.contextBytes),
    doc: 'largest `context` as JSON',
    apply: limit('contextBytes'),
  },
  {
    flag: 'max-environment-bytes',
    env: 'SNAGBOX_MAX_ENVIRONMENT_BYTES',
    default: String(DEFAULT_LIMITS.environmentBytes),
    doc: 'largest `environment` as JSON',
    apply: limit('environmentBytes'),
  },
  {
    flag: 'max-log-entries',
    env: 'SNAGBOX_MAX_LOG_ENTRIES',
    default: String(DEFAULT_LIMITS.logEntries),
    doc: 'most `logs` entries',
    apply: limit('logEntries'),
  },
  {
    flag: 'max-log-message-chars',
    env: 'SNAGBOX_MAX_LOG_MESSAGE_CHARS',
    default: String(DEFAULT_LIMITS.logMessageChars),
    doc: 'longest log message',
    apply: limit('logMessageChars'),
  },
  {
    flag: 'max-text-chars',
    env: 'SNAGBOX_MAX_TEXT_CHARS',
    default: String(DEFAULT_LIMITS.shortTextChars),
    doc: 'longest name, e-mail, version, build…',
    apply: limit('shortTextChars'),
  },
  {
    flag: 'max-json-nodes',
    env: 'SNAGBOX_MAX_JSON_NODES',
    default: String(DEFAULT_LIMITS.jsonNodes),
    doc: 'most values and object keys in a JSON body (413 above)',
    apply: limit('jsonNodes'),
  },
  {
    flag: 'max-json-depth',
    env: 'SNAGBOX_MAX_JSON_DEPTH',
    default: String(DEFAULT_LIMITS.jsonDepth),
    doc: 'deepest nesting of arrays and objects in a JSON body (400 above)',
    apply: limit('jsonDepth'),
  },
  {
    flag: 'body-timeout-ms',
    env: 'SNAGBOX_BODY_TIMEOUT_MS',
    default: '30000',
    doc: 'milliseconds a request may take to arrive, headers and body (408 and closed after)',
    apply: (c, v) => void (c.bodyTimeoutMs = positive('body-timeout-ms', v)),
  },
  rateLimit(
    'rate-limit-ip',
    'perIp',
    '300',
    'new tickets per client address per window (429 above)',
  ),
  rateLimit(
    'rate-limit-project',
    'perProject',
    '3000',
    'new tickets per project per window (429 above)',
  ),
  rateLimit(
    'rate-limit-login',
    'login',
    '20',
    'failed inbox logins per account from one client address per login window (429 above)',
  ),
  rateLimit(
    'rate-limit-login-account',
    'loginAccount',
    '50',
    'failed logins per account per login window from addresses it has not signed in from in 30 days (429 above)',
  ),
  rateLimit(
    'rate-limit-login-ip',
    'loginIp',
    '100',
    'failed logins per client address per login window, to accounts not signed in from it in 30 days (429 above)',
  ),
  rateWindow(
    'rate-limit-login-window',
    ['login', 'loginAccount', 'loginIp'],
    '600',
    'login rate-limit window (sliding), seconds',
  ),
  {
    flag: 'session-max-hours',
    env: 'SNAGBOX_SESSION_MAX_HOURS',
    default: '168',
    doc: 'hours an inbox login lasts at most, however much it is used (it also ends after 12 h unused)',
    apply: (c, v) => void (c.sessionMaxHours = positive('session-max-hours', v)),
  },
  {
    flag: 'stream-check-seconds',
    env: 'SNAGBOX_STREAM_CHECK_SECONDS',
    default: '5',
    doc: 'how often an open event stream re-checks its login or token (a revoked one ends within this)',
    apply: (c, v) => void (c.streamCheckSeconds = positive('stream-check-seconds', v)),
  },
  rateWindow(
    'rate-limit-window',
    ['perIp', 'perProject'],
    '600',
    'rate-limit window of new tickets, seconds',
  ),
  rateLimit(
    'rate-limit-reporter',
    'reporter',
    '30',
    "reporter's comments, confirmations, reopens and withdrawals per status link per reporter window (429 above)",
  ),
  rateLimit(
    'rate-limit-reporter-ip',
    'reporterIp',
    '300',
    "reporter's writes per client address per reporter window, over all status links (429 above)",
  ),
  rateWindow(
    'rate-limit-reporter-window',
    ['reporter', 'reporterIp'],
    '3600',
    "rate-limit window of reporter's writes, seconds",
  ),
  {
    flag: 'idempotency-key-hours',
    env: 'SNAGBOX_IDEMPOTENCY_KEY_HOURS',
    default: '24',
    doc: 'hours an Idempotency-Key stays bound to its first request (then it matches nothing)',
    apply: (c, v) => void (c.idempotencyKeyHours = positive('idempotency-key-hours', v)),
  },
  {
    flag: 'smtp-url',
    env: 'SNAGBOX_SMTP_URL',
    default: '(none: no e-mail is sent)',
    derived: true,
    doc: 'SMTP server for e-mail: smtp://user:pass@host:587 (STARTTLS where offered) or smtps://…:465',
    apply: (c, v) => {
      let url: URL
      try {
        url = new URL(v)
      } catch {
        throw new Error(`smtp-url must be a URL like smtp://user:pass@host:587, got "${v}"`)
      }
      if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
        throw new Error(`smtp-url must start with smtp:// or smtps://, got "${url.protocol}"`)
      c.mail.smtpUrl = v
    },
  },
  {
    flag: 'mail-from',
    env: 'SNAGBOX_MAIL_FROM',
    default: '"Snagbox" <snagbox@<public host>>',
    derived: true,
    doc: 'sender of e-mails: "Kvant support" <support@example.com> (a project may set its own)',
    apply: (c, v) => {
      const from = parseMailbox(v)
      if (!from)
        throw new Error(
          `mail-from must be an address like "Support" <support@example.com>, got "${v}"`,
        )
      c.mail.from = from
    },
  },
  {
    flag: 'mail-retry-hours',
    env: 'SNAGBOX_MAIL_RETRY_HOURS',
    default: '48',
    doc: 'hours an undelivered e-mail is retried (with backoff) before it is given up on',
    apply: (c, v) => void (c.mail.retryHours = positive('mail-retry-hours', v)),
  },
  {
    flag: 'imap-poll-seconds',
    env: 'SNAGBOX_IMAP_POLL_SECONDS',
    default: '60',
    doc: "seconds between checks of a project's mailbox where its IMAP server has no IDLE (and before a reconnect)",
    apply: (c, v) => void (c.inbound.pollSeconds = positive('imap-poll-seconds', v)),
  },
  {
    flag: 'imap-new-tickets-per-hour',
    env: 'SNAGBOX_IMAP_NEW_TICKETS_PER_HOUR',
    default: '10',
    doc: 'new tickets one sender may open by e-mail per hour (more are recorded, never answered)',
    apply: (c, v) => void (c.inbound.newTicketsPerHour = int('imap-new-tickets-per-hour', v)),
  },
]

/**
 * Reads the configuration once: defaults, then environment variables, then command-line flags.
 *
 * @example
 * const config = loadConfig(process.env, { port: '9000' })
 */
export function loadConfig(
  env: Record<string, string | undefined> = {},
  flags: Record<string, string | string[] | boolean | undefined> = {},
): Config {
  // Every value starts as its setting's default: the defaults are written once, in SETTINGS.
  const unset = () => ({ limit: 0, windowSeconds: 0 })
  const config: Config = {
    db: '',
    host: '',
    port: 0,
    publicUrl: '',
    limits: { ...DEFAULT_LIMITS },
    bodyTimeoutMs: 0,
    rateLimit: {
      perIp: unset(),
      perProject: unset(),
      login: unset(),
      loginAccount: unset(),
      loginIp: unset(),
      reporter: unset(),
      reporterIp: unset(),
    },
    sessionMaxHours: 0,
    streamCheckSeconds: 0,
    allowedOrigins: [],
    trustProxy: false,
    idempotencyKeyHours: 0,
    mail: { smtpUrl: null, from: { name: null, address: '' }, retryHours: 0 },
    inbound: { pollSeconds: 0, newTicketsPerHour: 0 },
  }
  for (const setting of SETTINGS) if (!setting.derived) setting.apply(config, setting.default)
  for (const setting of SETTINGS) {
    const fromEnv = env[setting.env]
    if (fromEnv !== undefined && fromEnv !== '') setting.apply(config, fromEnv)
    const fromFlag = flags[setting.flag]
    const values = fromFlag === undefined ? [] : Array.isArray(fromFlag) ? fromFlag : [fromFlag]
    for (const value of values) setting.apply(config, value === true ? '' : String(value))
  }
  if (!config.publicUrl) {
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
    config.publicUrl = `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`
  }
  config.allowedOrigins = config.allowedOrigins.map(normalizeOrigin)
  if (!config.mail.from.address) {
    const host = new URL(config.publicUrl).hostname.replace(/^\[|\]$/g, '')
    // A name without a dot (localhost, an address) makes no deliverable domain: say .local.
    const domain =
      /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host) && !/^[\d.]+$/.test(host)
        ? host
        : `${host.replace(/[^a-z0-9-]/gi, '-')}.local`
    config.mail.from = { name: 'Snagbox', address: `snagbox@${domain}` }
  }
  return config
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** `https://App.example.com/` → `https://app.example.com`; `*` stays `*`. */
export function normalizeOrigin(origin: string): string {
  if (origin === '*') return origin
  try {
    return new URL(origin).origin
  } catch {
    throw new Error(`"${origin}" is not an origin such as https://app.example.com`)
  }
}
