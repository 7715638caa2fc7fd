import type { Detected } from './detected.js'
import { osName } from './os-name.js'
import { archFromHints, trimVersion, windowsFromPlatformVersion } from './versions.js'

/**
 * One entry of `brands` / `fullVersionList`.
 *
 * @example
 * const edge: BrandVersion = { brand: 'Microsoft Edge', version: '124.0.2478.80' }
 */
export interface BrandVersion {
  brand: string
  version: string
}

/**
 * User-Agent Client Hints as `navigator.userAgentData` gives them (low and high entropy); kept raw
 * in `environment.raw.clientHints`.
 *
 * @example
 * const windows11: ClientHints = { platform: 'Windows', platformVersion: '15.0.0', architecture: 'x86', bitness: '64', wow64: false }
 */
export interface ClientHints {
  brands?: BrandVersion[]
  mobile?: boolean
  platform?: string
  platformVersion?: string
  architecture?: string
  bitness?: string
  wow64?: boolean
  model?: string
  fullVersionList?: BrandVersion[]
}

interface UserAgentData {
  brands?: BrandVersion[]
  mobile?: boolean
  platform?: string
  getHighEntropyValues?(hints: string[]): Promise<ClientHints>
}

export const HIGH_ENTROPY_HINTS = [
  'platformVersion',
  'architecture',
  'bitness',
  'wow64',
  'model',
  'fullVersionList',
]

/**
 * Reads the client hints, raced against `timeoutMs`: a browser may refuse or never answer
 * (a cross-origin iframe without permission), and then the low-entropy values are all there is.
 */
export async function readClientHints(
  nav: { userAgentData?: unknown } | undefined,
  timeoutMs: number,
): Promise<ClientHints | null> {
  const data = nav?.userAgentData as UserAgentData | undefined
  if (!data) return null
  const low: ClientHints = { brands: data.brands, mobile: data.mobile, platform: data.platform }
  // No answer in time counts as no answer; the timer is cleared either way, so it never outlives
  // the race (`withTimeout` does the same, but the core would carry it for this one use).
  let timer: ReturnType<typeof setTimeout> | undefined
  const high = await Promise.race([
    (async () => data.getHighEntropyValues!(HIGH_ENTROPY_HINTS))(),
    new Promise<ClientHints>((resolve) => (timer = setTimeout(() => resolve({}), timeoutMs))),
  ]).catch(() => ({}))
  clearTimeout(timer)
  return { ...low, ...high }
}

/**
 * Brands that name a browser the reduced UA hides the full version of, most specific first, with
 * ua-parser-js's names; GREASE brands and `Yowser` never match. Browsers that name themselves in
 * the UA (Samsung Internet, Electron) keep that name: a generic brand never overrides it.
 */
const BRANDS: [brand: string, name: string][] = [
  ['Microsoft Edge', 'Edge'],
  ['Opera', 'Opera'],
  ['YaBrowser', 'Yandex'],
  ['Google Chrome', 'Chrome'],
  ['Chromium', 'Chromium'],
]
const GENERIC = /^(Chrome|Chromium|Chrome Headless)?$/

/**
 * Refines what the user agent said with the client hints: Windows 10 vs 11, the real macOS,
 * Android and ChromeOS versions, the CPU and the OS bitness, WOW64, the Android model and the
 * browser's full version.
 */
export function applyClientHints(detected: Detected, hints: ClientHints | null): Detected {
  // `detected` is always a fresh object (fromUserAgent's, or unknownDetected's), refined in place.
  if (!hints) return detected
  const { os, browser, device } = detected
  const name = osName(hints.platform !== 'Unknown' ? hints.platform : undefined)
  if (name) {
    // Another OS than the UA said: nothing the UA said about it holds.
    if (name !== os.name) {
      Object.assign(os, { name, version: null, bitness: null, architecture: null })
    }
    os.source = 'client-hints'
    const version = hints.platformVersion
    if (typeof version === 'string') {
      os.version =
        name === 'Windows'
          ? windowsFromPlatformVersion(version)
          : name === 'Linux'
            ? null
            : trimVersion(version)
    }
    const [architecture, bitness] = archFromHints(hints.architecture ?? '', hints.bitness ?? '')
    if (architecture) os.architecture = architecture
    if (bitness) os.bitness = bitness
    if (name === 'Windows' && bitness) browser.bitness = hints.wow64 ? 32 : bitness
    if (name === 'Android' && typeof hints.mobile === 'boolean') {
      device.type = hints.mobile ? 'mobile' : 'tablet'
    }
  }
  if (hints.model) device.model = hints.model
  const list = hints.fullVersionList ?? hints.brands ?? []
  for (const [brand, named] of BRANDS) {
    const found = list.find((b) => b.brand === brand)
    if (!found) continue
    // A generic brand never overrides a browser the UA names (Electron, Yandex without its brand).
    if (!GENERIC.test(named) || GENERIC.test(browser.name ?? '')) {
      browser.name = named
      browser.version = found.version
    }
    break
  }
  return detected
}
