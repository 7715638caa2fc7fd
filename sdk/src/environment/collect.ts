import { applyClientHints, readClientHints } from './client-hints.js'
import { unknownDetected, type Platform } from './detected.js'
import { pageFacts } from './page.js'
import type { CollectedEnvironment, EnvironmentOptions } from './types.js'
import { DEFAULTS } from '../options.js'
import { pageWindow } from '../page-window.js'

/**
 * The user-agent parser (ua-parser-js, half the size of the rest): a part of its own, fetched on
 * the first detection in a page (or ahead, by `prepare()`).
 */
export const userAgentParser = () => import('./user-agent.js')

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
  // The parser is fetched while the client hints are asked for. Should it never come (offline
  // before it was fetched), the hints alone say what they can and `raw` keeps the user agent for
  // the server to read.
  const parsed = userAgentParser().then(
    (part) => part.fromUserAgent(userAgent ?? '', maxTouchPoints),
    () => unknownDetected('user-agent'),
  )
  const clientHints = await readClientHints(
    nav as { userAgentData?: unknown } | undefined,
    options.clientHintsTimeoutMs ?? DEFAULTS.clientHintsTimeoutMs,
  )
  return {
    ...applyClientHints(await parsed, clientHints),
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
 * from `node:os` in Node or Electron's main process. Never waits more than the client-hint timeout
 * (and, the first time in a page, the user-agent parser's fetch, started at the same moment).
 *
 * @example
 * const env = await collectEnvironment()
 * env.os // { name: 'macOS', version: '14.5', bitness: 64, architecture: 'arm64', source: 'client-hints' }
 * env.browser // { name: 'Chrome', version: '124.0.6367.91', bitness: null }
 */
export async function collectEnvironment(
  options: EnvironmentOptions = {},
): Promise<CollectedEnvironment> {
  return assemble(await detectPlatform(options), options)
}
