import UAParser from 'ua-parser-js'
import type { Architecture, Bitness } from '../contract/index.js'
import { unknownDetected, type Detected } from './detected.js'
import { archFromToken, trimVersion } from './versions.js'

/** Names the way support staff say them: `Mac OS` → `macOS`, `Chromium OS` / `Chrome OS` → `ChromeOS`. */
export function osName(name: string | undefined): string | null {
  if (!name) return null
  if (/^mac ?os/i.test(name)) return 'macOS'
  if (/^(chromium|chrome) ?os$/i.test(name)) return 'ChromeOS'
  return name
}

/**
 * What a user-agent string alone can tell. Chromium's reduced UA (`Chrome/124.0.0.0`) freezes the
 * platform part (`Windows NT 10.0; Win64; x64`, `Linux x86_64`, `Android 10; K`, `CrOS x86_64
 * 14541.0.0`), so those tokens are only believed in UAs that are not reduced; what they cannot
 * tell stays `null`.
 */
export function fromUserAgent(ua: string, maxTouchPoints: number | null = null): Detected {
  const r = new UAParser(ua).getResult()
  const d = unknownDetected('user-agent')
  const reduced = /Chrome\/\d+\.0\.0\.0/.test(ua)
  d.browser.name = r.browser.name?.replace(/^Mobile /, '') ?? null
  d.browser.version = r.browser.version ?? null
  d.device = { type: r.device.type ?? null, vendor: r.device.vendor ?? null, model: r.device.model ?? null }
  // ua-parser-js names the distribution (Ubuntu, Fedora…); which one says nothing about the version.
  const name = osName(r.os.name)
  d.os.name = /^(Android|ChromeOS|Tizen|webOS)$/.test(name ?? '') || !/X11|Linux/.test(ua) ? name : 'Linux'
  const macLike = d.os.name === 'macOS'
  if (macLike && maxTouchPoints !== null && maxTouchPoints > 1) {
    // iPadOS Safari asks for the desktop site with a Mac UA; only touch gives it away.
    d.os.name = 'iPadOS'
    d.device = { type: 'tablet', vendor: 'Apple', model: 'iPad' }
  }
  const os = d.os
  switch (os.name) {
    case 'Windows':
      os.version = r.os.version === '10' ? null : (r.os.version ?? null)
      if (!reduced) windowsTokens(d, ua)
      break
    case 'macOS':
      macTokens(d, r.os.version)
      break
    case 'iOS':
    case 'iPadOS':
      appleMobile(d, ua, macLike ? null : (r.os.version ?? null))
      break
    case 'Android':
      os.version = reduced ? null : (r.os.version ?? null)
      if (d.device.model === 'K') d.device.model = null
      break
    case 'ChromeOS':
      os.version = reduced ? null : trimVersion(r.os.version)
      if (!reduced) linuxTokens(d, ua)
      break
    case 'Linux':
      if (!reduced) linuxTokens(d, ua)
      break
  }
  if (!d.device.type && /^(Windows|macOS|Linux|ChromeOS)$/.test(os.name ?? '')) d.device.type = 'desktop'
  return d
}

function windowsTokens(d: Detected, ua: string): void {
  // WOW64: a 32-bit browser on 64-bit Windows, x64 or ARM64 underneath; the bitness is known, the CPU not.
  const wow = /WOW64/i.test(ua)
  const [architecture, bitness]: [Architecture | null, Bitness] = wow
    ? [null, 64]
    : archFromToken(/Win64|x64|amd64/i.test(ua) ? 'x64' : /; ARM\b/.test(ua) ? 'arm' : 'x86')
  Object.assign(d.os, { architecture, bitness })
  d.browser.bitness = wow ? 32 : bitness
}

function macTokens(d: Detected, version: string | undefined): void {
  const [major = 0, minor = 0] = (version ?? '').split('.').map(Number)
  // 10.15 and later all say 10.15(.7), frozen; only older versions are real, and those ran only
  // on 64-bit Intel Macs from 10.8 on. Every macOS from 10.15 on is 64-bit only.
  const frozen = major === 10 && minor >= 15
  d.os.version = frozen ? null : trimVersion(version)
  if (major > 10 || minor >= 8) d.os.bitness = 64
  if (major === 10 && minor >= 8 && !frozen) d.os.architecture = 'x64'
}

function appleMobile(d: Detected, ua: string, uaVersion: string | null): void {
  // iOS 26 freezes the UA at `iPhone OS 18_6`; Safari's own `Version/26.x` is the real one.
  const safari = d.browser.name === 'Safari' ? /Version\/([\d.]+)/.exec(ua)?.[1] : undefined
  const frozen = uaVersion === '18.6'
  let version = frozen ? null : uaVersion
  if (safari && (!version || version.split('.')[0] !== safari.split('.')[0])) version = safari
  d.os.version = trimVersion(version)
  const major = Number(d.os.version?.split('.')[0] ?? (frozen ? 18 : 0))
  if (d.os.name === 'iOS' && d.device.model === 'iPad' && major >= 13) d.os.name = 'iPadOS'
  if (major >= 11) Object.assign(d.os, { bitness: 64, architecture: 'arm64' })
}

function linuxTokens(d: Detected, ua: string): void {
  const wow = /Linux (\w+) on (\w+)/.exec(ua)
  const token = wow ? wow[2] : /(?:Linux|CrOS) (\w+)/.exec(ua)?.[1]
  const [architecture, bitness] = archFromToken(token)
  Object.assign(d.os, { architecture, bitness })
  if (wow) d.browser.bitness = archFromToken(wow[1])[1]
}
