import { IMAGE_TYPES } from './image.js'
import { isEmailAddress } from './text.js'
import { DEFAULT_LIMITS, type Limits } from './limits.js'
import {
  ARCHITECTURES,
  CATEGORIES,
  ENVIRONMENT_SOURCES,
  LOG_LEVELS,
  type ClaimedUser,
  type Environment,
  type FieldError,
  type LogEntry,
  type ValidTicketPayload,
} from './types.js'

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] }

type Json = Record<string, unknown>

/** `data:image/png;base64,…` and its siblings of the other image types. */
export const SCREENSHOT_DATA_URL_PATTERN = `^data:image/(${IMAGE_TYPES.map((t) => t.slice('image/'.length)).join('|')});base64,`
export const SCREENSHOT_DATA_URL = new RegExp(SCREENSHOT_DATA_URL_PATTERN)

/**
 * Checks a ticket payload against the contract and applies its defaults. Pure: no I/O, no clock.
 * Unknown fields are ignored (so an older server accepts a newer SDK); known fields of the wrong
 * type or size are reported, each with its path.
 *
 * @example
 * const result = validateTicketPayload(JSON.parse(body))
 * if (!result.ok) console.log(result.errors) // [{ path: 'description', message: 'is required' }]
 */
export function validateTicketPayload(
  input: unknown,
  limits: Limits = DEFAULT_LIMITS,
): Validation<ValidTicketPayload> {
  const errors: FieldError[] = []
  const fail = (path: string, message: string) => {
    errors.push({ path, message })
  }
  if (!isObject(input)) {
    return { ok: false, errors: [{ path: '', message: 'must be a JSON object' }] }
  }
  const text = (path: string, value: unknown, max: number): string | undefined => {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string') return void fail(path, 'must be a string')
    const trimmed = clean(value)
    if (trimmed.length > max) return void fail(path, `must be at most ${max} characters`)
    return trimmed
  }
  const short = (path: string, value: unknown) => text(path, value, limits.shortTextChars)

  const category = input.category ?? 'incident'
  if (!CATEGORIES.includes(category as never)) {
    fail('category', `must be one of ${CATEGORIES.join(', ')}`)
  }
  const blocking = input.blocking ?? false
  if (typeof blocking !== 'boolean') fail('blocking', 'must be true or false')

  let description = ''
  if (input.description === undefined || input.description === null) {
    fail('description', 'is required')
  } else {
    const checked = text('description', input.description, limits.descriptionChars)
    if (checked === '') fail('description', 'must not be empty')
    description = checked ?? ''
  }
  const subject =
    text('subject', input.subject, limits.subjectChars) ||
    firstLine(description, limits.subjectChars)

  const reporter = object('reporter', input.reporter, fail)
  const reporterOut = {
    name: short('reporter.name', reporter.name),
    email: short('reporter.email', reporter.email),
    phone: short('reporter.phone', reporter.phone),
    organization: short('reporter.organization', reporter.organization),
  }
  if (reporterOut.email && !isEmailAddress(reporterOut.email)) {
    fail('reporter.email', 'must be an e-mail address')
  }
  const user = claimedUser(reporter, limits)

  const app = object('app', input.app, fail)
  const appOut = {
    name: short('app.name', app.name),
    version: short('app.version', app.version),
    build: short('app.build', app.build),
    environment: short('app.environment', app.environment),
  }

  const environment = validateEnvironment(input.environment, limits, fail)

  const context = object('context', input.context, fail)
  if (jsonBytes(context) > limits.contextBytes) {
    fail('context', `must be at most ${limits.contextBytes} bytes as JSON`)
  }

  const logs = validateLogs(input.logs, limits, fail)

  let screenshot: string | null = null
  if (input.screenshot !== undefined && input.screenshot !== null) {
    if (typeof input.screenshot !== 'string' || !SCREENSHOT_DATA_URL.test(input.screenshot)) {
      fail('screenshot', 'must be a data:image/png, image/jpeg or image/webp base64 URL')
    } else {
      screenshot = input.screenshot
    }
  }

  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: {
      category: category as ValidTicketPayload['category'],
      blocking: blocking as boolean,
      subject,
      description,
      reporter: compact(reporterOut),
      app: compact(appOut),
      environment,
      context,
      logs,
      screenshot,
      ...(user ? { user } : {}),
    },
  }
}

/**
 * The signed-in user a report names, read leniently: a wrong id or signature never costs the
 * report, it only goes unverified (the server says so). An id is a string or a whole number, as
 * given (the signature is over those exact characters), at most `shortTextChars` long.
 */
function claimedUser(reporter: Json, limits: Limits): ClaimedUser | undefined {
  const { id, signature } = reporter
  if ((id === undefined || id === null) && (signature === undefined || signature === null))
    return undefined
  const text = Number.isSafeInteger(id) ? String(id) : id
  return {
    id: typeof text === 'string' && text.length <= limits.shortTextChars ? text : '',
    signature:
      typeof signature === 'string' && signature.length <= limits.shortTextChars
        ? signature.trim().toLowerCase()
        : '',
  }
}

function validateEnvironment(
  value: unknown,
  limits: Limits,
  fail: (path: string, message: string) => void,
): Environment {
  const env = object('environment', value, fail)
  if (jsonBytes(env) > limits.environmentBytes) {
    fail('environment', `must be at most ${limits.environmentBytes} bytes as JSON`)
    return {}
  }
  const check = (path: string, v: unknown, ok: (v: unknown) => boolean, message: string) => {
    if (v !== undefined && v !== null && !ok(v)) fail(`environment.${path}`, message)
  }
  const isText = (v: unknown) => typeof v === 'string'
  const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v)
  const os = object('environment.os', env.os, fail)
  check('os.name', os.name, isText, 'must be a string')
  check('os.version', os.version, isText, 'must be a string')
  check('os.bitness', os.bitness, (v) => v === 32 || v === 64, 'must be 64, 32 or null')
  check(
    'os.architecture',
    os.architecture,
    (v) => ARCHITECTURES.includes(v as never),
    `must be one of ${ARCHITECTURES.join(', ')} or null`,
  )
  check(
    'os.source',
    os.source,
    (v) => ENVIRONMENT_SOURCES.includes(v as never),
    `must be one of ${ENVIRONMENT_SOURCES.join(', ')}`,
  )
  const browser = object('environment.browser', env.browser, fail)
  check('browser.name', browser.name, isText, 'must be a string')
  check('browser.version', browser.version, isText, 'must be a string')
  check('browser.bitness', browser.bitness, (v) => v === 32 || v === 64, 'must be 64, 32 or null')
  const device = object('environment.device', env.device, fail)
  for (const key of ['type', 'vendor', 'model'])
    check(`device.${key}`, device[key], isText, 'must be a string')
  const screen = object('environment.screen', env.screen, fail)
  for (const key of ['width', 'height', 'pixelRatio', 'viewportWidth', 'viewportHeight']) {
    check(`screen.${key}`, screen[key], isNumber, 'must be a number')
  }
  check(
    'screen.colorScheme',
    screen.colorScheme,
    (v) => v === 'light' || v === 'dark',
    'must be light, dark or null',
  )
  for (const key of ['locale', 'timezone', 'userAgent', 'url', 'referrer']) {
    check(key, env[key], isText, 'must be a string')
  }
  object('environment.raw', env.raw, fail)
  return env as Environment
}

function validateLogs(
  value: unknown,
  limits: Limits,
  fail: (path: string, message: string) => void,
): LogEntry[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    fail('logs', 'must be an array')
    return []
  }
  if (value.length > limits.logEntries) {
    fail('logs', `must have at most ${limits.logEntries} entries`)
    return []
  }
  return value.flatMap((entry, i): LogEntry[] => {
    const path = `logs[${i}]`
    if (!isObject(entry)) {
      fail(path, 'must be an object')
      return []
    }
    const level = entry.level ?? 'log'
    if (!LOG_LEVELS.includes(level as never))
      fail(`${path}.level`, `must be one of ${LOG_LEVELS.join(', ')}`)
    if (typeof entry.message !== 'string') fail(`${path}.message`, 'must be a string')
    else if (entry.message.length > limits.logMessageChars) {
      fail(`${path}.message`, `must be at most ${limits.logMessageChars} characters`)
    }
    const ts = entry.timestamp
    const tsOk =
      (typeof ts === 'number' && Number.isFinite(ts)) ||
      (typeof ts === 'string' && ts.length <= 40 && !Number.isNaN(Date.parse(ts)))
    if (ts !== undefined && !tsOk)
      fail(`${path}.timestamp`, 'must be an ISO 8601 date or epoch milliseconds')
    return [
      {
        level: level as LogEntry['level'],
        message: String(entry.message),
        timestamp: (ts as string | number) ?? 0,
      },
    ]
  })
}

function object(path: string, value: unknown, fail: (path: string, message: string) => void): Json {
  if (value === undefined || value === null) return {}
  if (!isObject(value)) {
    fail(path, 'must be an object')
    return {}
  }
  return value
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Trims and drops NUL characters, which no text field has a use for. */
function clean(value: string): string {
  return value.replace(/\u0000/g, '').trim()
}

function firstLine(description: string, max: number): string {
  const line = description.split('\n', 1)[0]!.trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

function jsonBytes(value: unknown): number {
  try {
    // UTF-8 length without TextEncoder, so the contract stays free of platform globals.
    return unescape(encodeURIComponent(JSON.stringify(value))).length
  } catch {
    // Nested too deeply to serialise (or with lone surrogates): too big by any measure.
    return Number.POSITIVE_INFINITY
  }
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
