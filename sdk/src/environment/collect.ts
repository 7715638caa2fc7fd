import type { BrowserInfo, DeviceInfo, Environment, OsInfo, RawEnvironment, ScreenInfo } from '../contract/index.js'
import { applyClientHints, readClientHints } from './client-hints.js'
import type { Platform } from './detected.js'
import { pageFacts } from './page.js'
import type { RuntimeFacts } from './runtime.js'
import { fromUserAgent } from './user-agent.js'
import { DEFAULTS } from '../options.js'
import { pageWindow } from '../page-window.js'

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

/** The slow, unchanging part: user agent + client hints, or the runtime's facts. */
export async function detectPlatform(options: EnvironmentOptions): Promise<Platform> {
  const win = options.window ?? pageWindow()
  const runtime = typeof options.runtime === 'function' ? await options.runtime() : options.runtime
  if (runtime !== null && (runtime || !win)) {
    // Node and Electron's main process only: loaded on demand, so a page never downloads it.
    const found = await (await import('./runtime.js')).detectRuntime(runtime)
    if (found) return found
  }
  const nav = win?.navigator
  const userAgent = nav?.userAgent ?? null
  const maxTouchPoints = nav?.maxTouchPoints ?? null
  const clientHints = await readClientHints(
    nav as { userAgentData?: unknown } | undefined,
    options.clientHintsTimeoutMs ?? DEFAULTS.clientHintsTimeoutMs,
  )
  return {
    ...applyClientHints(fromUserAgent(userAgent ?? '', maxTouchPoints), clientHints),
    userAgent,
    raw: {
      userAgent,
      clientHints: clientHints as Record<string, unknown> | null,
      platform: nav?.platform ?? null,
      maxTouchPoints,
    },
  }
}

/**
 * Joins the platform facts with the page's and lets the host's own facts win: each field the host
 * gives replaces the detected one, except `os`, which is merged (and then says `source: 'host'`).
 */
export function assemble(platform: Platform, options: EnvironmentOptions): CollectedEnvironment {
  const host = options.host ?? {}
  return {
    ...pageFacts(options.window ?? pageWindow()),
    ...platform,
    ...host,
    os: host.os ? { ...platform.os, ...host.os, source: 'host' } : platform.os,
  } as CollectedEnvironment
}

/**
 * Collects the environment a report carries: OS name, version and bitness, browser, device,
 * screen, locale, time zone and address — from the user agent refined by client hints in a page,
 * from `node:os` in Node or Electron's main process. Never waits more than the client-hint timeout.
 *
 * @example
 * const env = await collectEnvironment()
 * env.os // { name: 'macOS', version: '14.5', bitness: 64, architecture: 'arm64', source: 'client-hints' }
 * env.browser // { name: 'Chrome', version: '124.0.6367.91', bitness: null }
 */
export async function collectEnvironment(options: EnvironmentOptions = {}): Promise<CollectedEnvironment> {
  return assemble(await detectPlatform(options), options)
}
