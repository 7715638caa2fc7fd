import type { BrowserInfo, DeviceInfo, OsInfo } from '../contract/index.js'

/** What one source (user agent, client hints, runtime) says about the OS, browser and device. */
export interface Detected {
  os: OsInfo
  browser: BrowserInfo
  device: DeviceInfo
}

export function unknownDetected(source: OsInfo['source']): Detected {
  return {
    os: { name: null, version: null, bitness: null, architecture: null, source },
    browser: { name: null, version: null, bitness: null },
    device: { type: null, vendor: null, model: null },
  }
}
