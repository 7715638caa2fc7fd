import type { BrowserInfo, DeviceInfo, OsInfo, RawEnvironment } from '../contract/index.js'

/** What one source (user agent, client hints, runtime) says about the OS, browser and device. */
export interface Detected {
  os: OsInfo
  browser: BrowserInfo
  device: DeviceInfo
}

/** The slow, unchanging part of an environment: what was detected, and from what. */
export interface Platform extends Detected {
  userAgent: string | null
  raw: RawEnvironment
}

export function unknownDetected(source: OsInfo['source']): Detected {
  return {
    os: { name: null, version: null, bitness: null, architecture: null, source },
    browser: { name: null, version: null, bitness: null },
    device: { type: null, vendor: null, model: null },
  }
}
