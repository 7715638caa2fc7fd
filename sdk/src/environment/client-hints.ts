import type { Detected } from './detected.js'
import { osName } from './user-agent.js'
import { archFromHints, trimVersion, windowsFromPlatformVersion } from './versions.js'
import { withTimeout } from '../timeout.js'

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

export const HIGH_ENTROPY_HINTS = ['platformVersion', 'architecture', 'bitness', 'wow64', 'model', 'fullVersionList']

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
  const high = await withTimeout(
    (async () => data.getHighEntropyValues!(HIGH_ENTROPY_HINTS))(),
    timeoutMs,
  ).catch(() => ({}))
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
  // `detected` is always fresh from fromUserAgent, so it is refined in place.
  const d = detected
  if (!hints) return d
  const name = osName(hints.platform && hints.platform !== 'Unknown' ? hints.platform : undefined)
  if (name) {
    if (name !== d.os.name) d.os = { name, version: null, bitness: null, architecture: null, source: 'client-hints' }
    d.os.source = 'client-hints'
    if (typeof hints.platformVersion === 'string') {
      d.os.version =
        name === 'Windows'
          ? windowsFromPlatformVersion(hints.platformVersion)
          : name === 'Linux'
            ? null
            : trimVersion(hints.platformVersion)
    }
    const [architecture, bitness] = archFromHints(hints.architecture ?? '', hints.bitness ?? '')
    if (architecture) d.os.architecture = architecture
    if (bitness) d.os.bitness = bitness
    if (name === 'Windows' && bitness) d.browser.bitness = hints.wow64 ? 32 : bitness
    if (name === 'Android' && typeof hints.mobile === 'boolean') d.device.type = hints.mobile ? 'mobile' : 'tablet'
  }
  if (hints.model) d.device.model = hints.model
  const list = hints.fullVersionList ?? hints.brands ?? []
  for (const [brand, browser] of BRANDS) {
    const found = list.find((b) => b.brand === brand)
    if (!found) continue
    // A generic brand never overrides a browser the UA names (Electron, Yandex without its brand).
    if (!GENERIC.test(browser) || GENERIC.test(d.browser.name ?? '')) {
      d.browser.name = browser
      d.browser.version = found.version
    }
    break
  }
  return d
}
