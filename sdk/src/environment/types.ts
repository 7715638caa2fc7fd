import type {
  BrowserInfo,
  DeviceInfo,
  Environment,
  OsInfo,
  RawEnvironment,
  ScreenInfo,
} from '../contract/index.js'
import type { RuntimeFacts } from './runtime.js'

/**
 * Where the environment comes from, when the defaults (this page, or this Node process) are not it.
 *
 * @example
 * // Electron's main process knows facts a page cannot:
 * createClient({ endpoint, projectKey, environment: { runtime: { ...facts, runningUnderArm64Translation: app.runningUnderARM64Translation } } })
 */
export interface EnvironmentOptions {
  /**
   * Facts the host knows better than any detection (an Electron preload, a native shell): they
   * win, and `os.source` becomes `host` when they name OS facts.
   */
  host?: Environment
  /**
   * Node/Electron facts, or a function that reads them. Default: read from `node:os` when there
   * is no DOM (Node, Electron's main process); in a page the user agent and client hints are used.
   */
  runtime?: RuntimeFacts | (() => RuntimeFacts | null | Promise<RuntimeFacts | null>) | null
  /** How long to wait for `getHighEntropyValues` before going on without it. */
  clientHintsTimeoutMs?: number
  /** The window to read; default the global one. */
  window?: Window
}

/**
 * An {@link Environment} with every field present (`null` where it cannot be known).
 *
 * @example
 * const { os } = await collectEnvironment() // { name: 'Windows', version: '11', bitness: 64, architecture: 'x64', source: 'client-hints' }
 */
export interface CollectedEnvironment extends Environment {
  os: OsInfo
  browser: BrowserInfo
  device: DeviceInfo
  screen: ScreenInfo
  locale: string | null
  timezone: string | null
  userAgent: string | null
  url: string | null
  referrer: string | null
  raw: RawEnvironment
}
