import type { AgentTicket, Environment, TicketSummary } from '@snagbox/sdk/contract'

type Translate = (key: 'bits' | 'env.unknown', values?: Record<string, string | number>) => string

/** `Windows 11 · 64-bit`; the parts that aren't known are left out. */
export function osLabel(os: TicketSummary['os'] | undefined, t: Translate): string {
  if (!os?.name) return ''
  const name = [os.name, os.version].filter(Boolean).join(' ')
  return os.bitness ? `${name} · ${t('bits', { n: os.bitness })}` : name
}

/** `4.30.34 (6255)`: the version and the build the reporter ran. */
export function appLabel(app: { version?: string; build?: string } | undefined): string {
  if (!app?.version && !app?.build) return ''
  if (!app.build) return app.version ?? ''
  return `${app.version ?? '?'} (${app.build})`
}

export type AgeUnit = 's' | 'm' | 'h' | 'd' | 'w'

/** How long ago, short: `45s`, `12m`, `3h`, `5d`, `7w` (the unit's letters from `unit`). */
export function ageLabel(
  since: string,
  now: number,
  unit: (u: AgeUnit) => string = (u) => u,
): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(since)) / 1000))
  if (seconds < 60) return `${seconds}${unit('s')}`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes}${unit('m')}`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours}${unit('h')}`
  const days = Math.floor(hours / 24)
  return days < 28 ? `${days}${unit('d')}` : `${Math.floor(days / 7)}${unit('w')}`
}

/**
 * A log entry's time as ISO 8601, or `null` when it has none: the contract keeps what was sent
 * (an ISO string or epoch milliseconds) and puts `0` where nothing was.
 *
 * @example
 * logTime(1764064692000) // '2025-11-25T09:58:12.000Z'
 */
export function logTime(ts: string | number | undefined): string | null {
  if (!ts) return null
  const date = new Date(ts)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

export type EnvKey =
  | 'env.os'
  | 'env.bitness'
  | 'env.architecture'
  | 'env.source'
  | 'env.browser'
  | 'env.browserBitness'
  | 'env.device'
  | 'env.screen'
  | 'env.viewport'
  | 'env.locale'
  | 'env.timezone'
  | 'env.url'
  | 'env.app'
  | 'env.version'
  | 'env.build'
  | 'env.appEnvironment'
  | 'env.userAgent'

export interface EnvRow {
  key: EnvKey
  value: string
  /** The facts the support regulations ask for: shown first and larger. */
  key_fact: boolean
}

/**
 * The environment of a ticket as rows for support, the regulation's facts first: the OS and its
 * bitness, the application's version and build. What wasn't sent says so instead of hiding.
 *
 * @example
 * environmentRows(ticket, t)[0] // { key: 'env.os', value: 'Windows 11', key_fact: true }
 */
export function environmentRows(
  ticket: Pick<AgentTicket, 'environment' | 'app'>,
  t: Translate,
): EnvRow[] {
  const env: Environment = ticket.environment ?? {}
  const unknown = t('env.unknown')
  const bits = (n: number | null | undefined) => (n ? t('bits', { n }) : unknown)
  const join = (...parts: (string | number | null | undefined)[]) =>
    parts.filter((p) => p !== null && p !== undefined && p !== '').join(' ')
  const os = env.os ?? {}
  const screen = env.screen
  const device = env.device
  const rows: EnvRow[] = [
    { key: 'env.os', value: join(os.name, os.version) || unknown, key_fact: true },
    { key: 'env.bitness', value: bits(os.bitness), key_fact: true },
    { key: 'env.app', value: ticket.app?.name || unknown, key_fact: true },
    { key: 'env.version', value: ticket.app?.version || unknown, key_fact: true },
    { key: 'env.build', value: ticket.app?.build || unknown, key_fact: true },
    { key: 'env.architecture', value: os.architecture || unknown, key_fact: false },
    { key: 'env.source', value: os.source || unknown, key_fact: false },
    {
      key: 'env.browser',
      value: join(env.browser?.name, env.browser?.version) || unknown,
      key_fact: false,
    },
    { key: 'env.browserBitness', value: bits(env.browser?.bitness), key_fact: false },
    {
      key: 'env.device',
      value: join(device?.type, device?.vendor, device?.model) || unknown,
      key_fact: false,
    },
    {
      key: 'env.screen',
      value: screen?.width
        ? `${screen.width}×${screen.height}${screen.pixelRatio ? ` @${screen.pixelRatio}x` : ''}${screen.colorScheme ? `, ${screen.colorScheme}` : ''}`
        : unknown,
      key_fact: false,
    },
    {
      key: 'env.viewport',
      value: screen?.viewportWidth ? `${screen.viewportWidth}×${screen.viewportHeight}` : unknown,
      key_fact: false,
    },
    { key: 'env.locale', value: env.locale || unknown, key_fact: false },
    { key: 'env.timezone', value: env.timezone || unknown, key_fact: false },
    { key: 'env.url', value: env.url || unknown, key_fact: false },
  ]
  if (ticket.app?.environment)
    rows.push({ key: 'env.appEnvironment', value: ticket.app.environment, key_fact: false })
  if (env.userAgent) rows.push({ key: 'env.userAgent', value: env.userAgent, key_fact: false })
  return rows
}

/** The rows as plain text, one `label: value` a line, for pasting into a bug tracker. */
export function environmentText(rows: EnvRow[], labelOf: (key: EnvKey) => string): string {
  return rows.map((r) => `${labelOf(r.key)}: ${r.value}`).join('\n')
}
