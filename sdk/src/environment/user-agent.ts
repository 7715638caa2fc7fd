import UAParser from 'ua-parser-js'
import type { BrowserInfo, DeviceInfo, OsInfo } from '../contract/index.js'
import type { Detected } from './detected.js'
import { osName } from './os-name.js'
import { archFromToken, trimVersion } from './versions.js'

/**
 * What a user-agent string alone can tell. Chromium's reduced UA (`Chrome/124.0.0.0`) freezes the
 * platform part (`Windows NT 10.0; Win64; x64`, `Linux x86_64`, `Android 10; K`, `CrOS x86_64
 * 14541.0.0`), so those tokens are only believed in UAs that are not reduced; what they cannot
 * tell stays `null`.
 */
export function fromUserAgent(ua: string, maxTouchPoints?: number | null): Detected {
  // Called without `new`, the parser returns its result.
  const parsed = UAParser(ua)
  const reduced = /Chrome\/\d+\.0\.0\.0/.test(ua)
  // ua-parser-js names the distribution (Ubuntu, Fedora…); which one says nothing about the version.
  const name = osName(parsed.os.name)
  const os: OsInfo = {
    name:
      /^(Android|ChromeOS|Tizen|webOS)$/.test(name ?? '') || !/X11|Linux/.test(ua) ? name : 'Linux',
    version: null,
    bitness: null,
    architecture: null,
    source: 'user-agent',
  }
  const browser: BrowserInfo = {
    name: parsed.browser.name?.replace(/^Mobile /, '') ?? null,
    version: parsed.browser.version ?? null,
    bitness: null,
  }
  let device: DeviceInfo = {
    type: parsed.device.type ?? null,
    vendor: parsed.device.vendor ?? null,
    model: parsed.device.model ?? null,
  }
  let version = parsed.os.version ?? null
  // A missing touch-point count is not more than one.
  if (os.name === 'macOS' && maxTouchPoints! > 1) {
    // iPadOS Safari asks for the desktop site with a Mac UA; only touch gives it away, and the
    // Mac version it names is not the iPad's.
    os.name = 'iPadOS'
    device = { type: 'tablet', vendor: 'Apple', model: 'iPad' }
    version = null
  }
  // Windows, macOS, Linux and ChromeOS mean a desktop, unless the UA named another device.
  switch (os.name) {
    case 'Windows':
      device.type ||= 'desktop'
      os.version = version === '10' ? null : version
      if (!reduced) {
        // WOW64: a 32-bit browser on 64-bit Windows, x64 or ARM64 underneath; the bitness is
        // known, the CPU not.
        const wow = /WOW64/i.test(ua)
        const win64 = /Win64|x64|amd64/i.test(ua)
        ;[os.architecture, os.bitness] = wow
          ? [null, 64]
          : archFromToken(win64 ? 'x64' : /; ARM\b/.test(ua) ? 'arm' : 'x86')
        browser.bitness = wow ? 32 : os.bitness
        // Firefox on Windows 10 and 11 says `Win64; x64` on ARM64 too, and (since 69) from its
        // 32-bit builds on 64-bit Windows: a 64-bit OS, nothing more. Without a token, nothing.
        if (!wow && version === '10' && /Gecko\//.test(ua)) {
          os.architecture = browser.bitness = null
          os.bitness = win64 ? 64 : null
        }
      }
      break
    case 'macOS': {
      device.type ||= 'desktop'
      const [major = 0, minor = 0] = (version ?? '').split('.').map(Number)
      // 10.15 and later all say 10.15(.7), frozen; only older versions are real, and those ran only
      // on 64-bit Intel Macs from 10.8 on. Every macOS from 10.15 on is 64-bit only.
      const frozen = major === 10 && minor >= 15
      os.version = frozen ? null : trimVersion(version)
      if (major > 10 || minor >= 8) os.bitness = 64
      if (major === 10 && minor >= 8 && !frozen) os.architecture = 'x64'
      break
    }
    case 'iOS':
    case 'iPadOS': {
      // iOS 26 freezes the UA at `iPhone OS 18_6`; Safari's own `Version/26.x` is the real one.
      const safari = browser.name === 'Safari' ? /Version\/([\d.]+)/.exec(ua)?.[1] : undefined
      const frozen = version === '18.6'
      if (frozen) version = null
      if (safari && (!version || parseInt(version) !== parseInt(safari))) version = safari
      os.version = trimVersion(version)
      const major = os.version ? parseInt(os.version) : frozen ? 18 : 0
      if (os.name === 'iOS' && device.model === 'iPad' && major >= 13) os.name = 'iPadOS'
      if (major >= 11) [os.architecture, os.bitness] = ['arm64', 64]
      break
    }
    case 'Android':
      if (!reduced) os.version = version
      if (device.model === 'K') device.model = null
      break
    case 'ChromeOS':
    case 'Linux': {
      device.type ||= 'desktop'
      if (reduced) break
      if (os.name === 'ChromeOS') os.version = trimVersion(version)
      // `Linux i686 on x86_64`: a 32-bit browser on a 64-bit system.
      const wow = /Linux (\w+) on (\w+)/.exec(ua)
      ;[os.architecture, os.bitness] = archFromToken(
        wow ? wow[2] : /(?:Linux|CrOS) (\w+)/.exec(ua)?.[1],
      )
      if (wow) browser.bitness = archFromToken(wow[1])[1]
    }
  }
  return { os, browser, device }
}
