import { describe, expect, it } from 'vitest'
import type { BrowserInfo, DeviceInfo, OsInfo } from '../contract/index.js'
import type { ClientHints } from './client-hints.js'
import { collectEnvironment } from './collect.js'

/** A page's window as far as detection reads it: navigator, screen, location. */
function fakeWindow(userAgent: string, hints?: ClientHints | null, maxTouchPoints = 0): Window {
  const userAgentData = hints && {
    brands: hints.brands,
    mobile: hints.mobile,
    platform: hints.platform,
    getHighEntropyValues: async () => hints,
  }
  return {
    navigator: { userAgent, maxTouchPoints, platform: 'test', language: 'de-AT', userAgentData },
    screen: { width: 1920, height: 1080 },
    devicePixelRatio: 1.25,
    innerWidth: 1536,
    innerHeight: 730,
    matchMedia: (query: string) => ({ matches: query.includes('dark') }),
    location: { href: 'https://app.example.com/orders?id=7' },
    document: { referrer: '' },
  } as unknown as Window
}

const brandsOf = (name: string, version: string) => [
  { brand: 'Chromium', version: version },
  { brand: name, version },
  { brand: 'Not-A.Brand', version: '99.0.0.0' },
]

/** The hints Chromium answers `getHighEntropyValues` with. */
function hints(
  platform: string,
  platformVersion: string,
  architecture: string,
  bitness: string,
  extra: Partial<ClientHints> = {},
): ClientHints {
  const fullVersionList = extra.fullVersionList ?? brandsOf('Google Chrome', '124.0.6367.91')
  return {
    brands: fullVersionList.map((b) => ({ brand: b.brand, version: b.version.split('.')[0]! })),
    mobile: false,
    platform,
    platformVersion,
    architecture,
    bitness,
    wow64: false,
    model: '',
    fullVersionList,
    ...extra,
  }
}

const CHROME = (platform: string, version = '124') =>
  `Mozilla/5.0 (${platform}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version}.0.0.0 Safari/537.36`
const WIN = 'Windows NT 10.0; Win64; x64'
const MAC = 'Macintosh; Intel Mac OS X 10_15_7'
const ANDROID_REDUCED =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'
const CHROME_124 = 'Chrome 124.0.6367.91'

type Os = [
  name: string | null,
  version: string | null,
  bitness: 64 | 32 | null,
  architecture: OsInfo['architecture'],
  source: OsInfo['source'],
]
type Row = [
  label: string,
  ua: string,
  hints: ClientHints | null,
  os: Os,
  browser: string,
  browserBitness: 64 | 32 | null,
  device?: Partial<DeviceInfo>,
  touch?: number,
]

const TABLE: Row[] = [
  // Windows
  [
    'Windows 7 32-bit, Chrome 49',
    'Mozilla/5.0 (Windows NT 6.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.112 Safari/537.36',
    null,
    ['Windows', '7', 32, 'x86', 'user-agent'],
    'Chrome 49.0.2623.112',
    32,
  ],
  [
    'Windows 7 WOW64, Firefox 52',
    'Mozilla/5.0 (Windows NT 6.1; WOW64; rv:52.0) Gecko/20100101 Firefox/52.0',
    null,
    ['Windows', '7', 64, null, 'user-agent'],
    'Firefox 52.0',
    32,
  ],
  [
    'Windows 7 x64, IE 11',
    'Mozilla/5.0 (Windows NT 6.1; Win64; x64; Trident/7.0; rv:11.0) like Gecko',
    null,
    ['Windows', '7', 64, 'x64', 'user-agent'],
    'IE 11.0',
    64,
  ],
  [
    'Windows XP, Firefox 52',
    'Mozilla/5.0 (Windows NT 5.1; rv:52.0) Gecko/20100101 Firefox/52.0',
    null,
    ['Windows', 'XP', 32, 'x86', 'user-agent'],
    'Firefox 52.0',
    32,
  ],
  [
    'Windows 8.1 x64, Chrome 109 hints',
    CHROME(WIN, '109'),
    hints('Windows', '0.3.0', 'x86', '64', {
      fullVersionList: brandsOf('Google Chrome', '109.0.5414.120'),
    }),
    ['Windows', '8.1', 64, 'x64', 'client-hints'],
    'Chrome 109.0.5414.120',
    64,
  ],
  [
    'Windows 10 x64, Chrome hints',
    CHROME(WIN),
    hints('Windows', '10.0.0', 'x86', '64'),
    ['Windows', '10', 64, 'x64', 'client-hints'],
    CHROME_124,
    64,
    { type: 'desktop' },
  ],
  [
    'Windows 10 32-bit OS, Chrome hints',
    CHROME(WIN),
    hints('Windows', '10.0.0', 'x86', '32'),
    ['Windows', '10', 32, 'x86', 'client-hints'],
    CHROME_124,
    32,
  ],
  [
    'Windows 10 WOW64, Chrome 32-bit hints',
    CHROME(WIN),
    hints('Windows', '10.0.0', 'x86', '64', { wow64: true }),
    ['Windows', '10', 64, 'x64', 'client-hints'],
    CHROME_124,
    32,
  ],
  [
    'Windows 11 x64, Chrome hints',
    CHROME(WIN),
    hints('Windows', '15.0.0', 'x86', '64'),
    ['Windows', '11', 64, 'x64', 'client-hints'],
    CHROME_124,
    64,
  ],
  [
    'Windows 11 (first release), Chrome hints',
    CHROME(WIN),
    hints('Windows', '13.0.0', 'x86', '64'),
    ['Windows', '11', 64, 'x64', 'client-hints'],
    CHROME_124,
    64,
  ],
  [
    'Windows 11 ARM64, Edge hints',
    CHROME(WIN) + ' Edg/124.0.0.0',
    hints('Windows', '15.0.0', 'arm', '64', {
      fullVersionList: brandsOf('Microsoft Edge', '124.0.2478.80'),
    }),
    ['Windows', '11', 64, 'arm64', 'client-hints'],
    'Edge 124.0.2478.80',
    64,
  ],
  [
    'Windows 11 WOW64, Chrome 32-bit hints',
    CHROME(WIN),
    hints('Windows', '15.0.0', 'x86', '64', { wow64: true }),
    ['Windows', '11', 64, 'x64', 'client-hints'],
    CHROME_124,
    32,
  ],
  [
    'Windows 10, Edge hints',
    CHROME(WIN) + ' Edg/124.0.0.0',
    hints('Windows', '10.0.0', 'x86', '64', {
      fullVersionList: brandsOf('Microsoft Edge', '124.0.2478.80'),
    }),
    ['Windows', '10', 64, 'x64', 'client-hints'],
    'Edge 124.0.2478.80',
    64,
  ],
  [
    'Windows 11, Yandex Browser hints',
    CHROME(WIN, '122') + ' YaBrowser/24.4.0.0',
    hints('Windows', '15.0.0', 'x86', '64', {
      fullVersionList: [
        { brand: 'Chromium', version: '122.0.6261.156' },
        { brand: 'Not(A:Brand', version: '24.0.0.0' },
        { brand: 'YaBrowser', version: '24.4.1.951' },
        { brand: 'Yowser', version: '2.5' },
      ],
    }),
    ['Windows', '11', 64, 'x64', 'client-hints'],
    'Yandex 24.4.1.951',
    64,
  ],
  [
    'Windows, Yandex Browser without hints',
    CHROME(WIN, '122') + ' YaBrowser/24.4.0.0',
    null,
    ['Windows', null, null, null, 'user-agent'],
    'Yandex 24.4.0.0',
    null,
  ],
  [
    'Windows 11, Opera hints',
    CHROME(WIN) + ' OPR/110.0.0.0',
    hints('Windows', '15.0.0', 'x86', '64', {
      fullVersionList: brandsOf('Opera', '110.0.5130.49'),
    }),
    ['Windows', '11', 64, 'x64', 'client-hints'],
    'Opera 110.0.5130.49',
    64,
  ],
  [
    'Windows, reduced Chrome UA, hints refused',
    CHROME(WIN),
    null,
    ['Windows', null, null, null, 'user-agent'],
    'Chrome 124.0.0.0',
    null,
  ],
  // Firefox on Windows 10/11 says `Win64; x64` for its 64-bit builds on x64 and on ARM64, and
  // since Firefox 69 for its 32-bit builds on 64-bit Windows too: the OS is 64-bit, the CPU and
  // the browser's own bitness are not told. Without the token it tells nothing.
  [
    'Windows NT 10.0 Win64; x64, Firefox',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
    null,
    ['Windows', null, 64, null, 'user-agent'],
    'Firefox 128.0',
    null,
  ],
  [
    'Windows NT 10.0 Win64; x64, Firefox ESR 115',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/115.0',
    null,
    ['Windows', null, 64, null, 'user-agent'],
    'Firefox 115.0',
    null,
  ],
  [
    'Windows NT 10.0 without a CPU token, Firefox',
    'Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0',
    null,
    ['Windows', null, null, null, 'user-agent'],
    'Firefox 128.0',
    null,
  ],
  [
    'Windows NT 10.0 without a CPU token, Firefox 68',
    'Mozilla/5.0 (Windows NT 10.0; rv:68.0) Gecko/20100101 Firefox/68.0',
    null,
    ['Windows', null, null, null, 'user-agent'],
    'Firefox 68.0',
    null,
  ],
  [
    'Windows NT 10.0 WOW64, Firefox 32-bit',
    'Mozilla/5.0 (Windows NT 10.0; WOW64; rv:115.0) Gecko/20100101 Firefox/115.0',
    null,
    ['Windows', null, 64, null, 'user-agent'],
    'Firefox 115.0',
    32,
  ],
  [
    'Windows 10, legacy Edge',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19582',
    null,
    ['Windows', null, 64, 'x64', 'user-agent'],
    'Edge 18.19582',
    64,
  ],
  [
    'Windows 11, Electron renderer',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) KvantEnergo/4.30.34 Chrome/120.0.6099.291 Electron/28.3.3 Safari/537.36',
    hints('Windows', '15.0.0', 'x86', '64', {
      fullVersionList: [
        { brand: 'Chromium', version: '120.0.6099.291' },
        { brand: 'Not_A Brand', version: '8.0.0.0' },
      ],
    }),
    ['Windows', '11', 64, 'x64', 'client-hints'],
    'Electron 28.3.3',
    64,
  ],
  // macOS
  [
    'macOS 13.6 Intel, Chrome hints',
    CHROME(MAC),
    hints('macOS', '13.6.0', 'x86', '64'),
    ['macOS', '13.6', 64, 'x64', 'client-hints'],
    CHROME_124,
    null,
    { type: 'desktop', vendor: 'Apple', model: 'Macintosh' },
  ],
  [
    'macOS 14.5 Apple silicon, Chrome hints',
    CHROME(MAC),
    hints('macOS', '14.5.0', 'arm', '64'),
    ['macOS', '14.5', 64, 'arm64', 'client-hints'],
    CHROME_124,
    null,
  ],
  [
    'macOS 15 Apple silicon, Edge hints',
    CHROME(MAC) + ' Edg/124.0.0.0',
    hints('macOS', '15.0.0', 'arm', '64', {
      fullVersionList: brandsOf('Microsoft Edge', '124.0.2478.80'),
    }),
    ['macOS', '15', 64, 'arm64', 'client-hints'],
    'Edge 124.0.2478.80',
    null,
  ],
  [
    'macOS, Safari 17.5 (frozen 10_15_7)',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
    null,
    ['macOS', null, 64, null, 'user-agent'],
    'Safari 17.5',
    null,
  ],
  [
    'macOS, Firefox (frozen 10.15)',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:127.0) Gecko/20100101 Firefox/127.0',
    null,
    ['macOS', null, 64, null, 'user-agent'],
    'Firefox 127.0',
    null,
  ],
  [
    'macOS 10.13.6 Intel, Safari 13',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.2 Safari/605.1.15',
    null,
    ['macOS', '10.13.6', 64, 'x64', 'user-agent'],
    'Safari 13.1.2',
    null,
  ],
  // Linux and ChromeOS
  [
    'Ubuntu x64, Firefox',
    'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0',
    null,
    ['Linux', null, 64, 'x64', 'user-agent'],
    'Firefox 126.0',
    null,
    { type: 'desktop' },
  ],
  [
    'Ubuntu ARM64, Firefox',
    'Mozilla/5.0 (X11; Ubuntu; Linux aarch64; rv:125.0) Gecko/20100101 Firefox/125.0',
    null,
    ['Linux', null, 64, 'arm64', 'user-agent'],
    'Firefox 125.0',
    null,
  ],
  [
    'Linux 32-bit Firefox on x86_64',
    'Mozilla/5.0 (X11; Linux i686 on x86_64; rv:102.0) Gecko/20100101 Firefox/102.0',
    null,
    ['Linux', null, 64, 'x64', 'user-agent'],
    'Firefox 102.0',
    32,
  ],
  [
    'Raspberry Pi armv7l, Chromium 78',
    'Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Raspbian Chromium/78.0.3904.108 Chrome/78.0.3904.108 Safari/537.36',
    null,
    ['Linux', null, 32, 'arm', 'user-agent'],
    'Chromium 78.0.3904.108',
    null,
  ],
  [
    'Linux ARM64, Chrome hints (UA says x86_64)',
    CHROME('X11; Linux x86_64'),
    hints('Linux', '', 'arm', '64'),
    ['Linux', null, 64, 'arm64', 'client-hints'],
    CHROME_124,
    null,
  ],
  [
    'Linux, reduced Chrome UA without hints',
    CHROME('X11; Linux x86_64'),
    null,
    ['Linux', null, null, null, 'user-agent'],
    'Chrome 124.0.0.0',
    null,
  ],
  [
    'ChromeOS ARM64, Chrome hints',
    CHROME('X11; CrOS x86_64 14541.0.0'),
    hints('Chrome OS', '15823.51.0', 'arm', '64'),
    ['ChromeOS', '15823.51', 64, 'arm64', 'client-hints'],
    CHROME_124,
    null,
    { type: 'desktop' },
  ],
  [
    'ChromeOS, reduced UA without hints',
    CHROME('X11; CrOS x86_64 14541.0.0'),
    null,
    ['ChromeOS', null, null, null, 'user-agent'],
    'Chrome 124.0.0.0',
    null,
  ],
  // Android
  [
    'Android 14 Pixel 8, Chrome hints',
    ANDROID_REDUCED,
    hints('Android', '14.0.0', '', '', { mobile: true, model: 'Pixel 8' }),
    ['Android', '14', null, null, 'client-hints'],
    CHROME_124,
    null,
    { type: 'mobile', model: 'Pixel 8' },
  ],
  [
    'Android tablet, Chrome hints',
    ANDROID_REDUCED.replace(' Mobile', ''),
    hints('Android', '13.0.0', '', '', { model: 'SM-X710' }),
    ['Android', '13', null, null, 'client-hints'],
    CHROME_124,
    null,
    { type: 'tablet', model: 'SM-X710' },
  ],
  [
    'Android, reduced Chrome UA without hints',
    ANDROID_REDUCED,
    null,
    ['Android', null, null, null, 'user-agent'],
    'Chrome 124.0.0.0',
    null,
    { type: 'mobile', model: null },
  ],
  [
    'Android 14, Firefox',
    'Mozilla/5.0 (Android 14; Mobile; rv:126.0) Gecko/126.0 Firefox/126.0',
    null,
    ['Android', '14', null, null, 'user-agent'],
    'Firefox 126.0',
    null,
    { type: 'mobile' },
  ],
  [
    'Android 9 Samsung, Samsung Internet',
    'Mozilla/5.0 (Linux; Android 9; SM-G960F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/10.1 Chrome/71.0.3578.99 Mobile Safari/537.36',
    null,
    ['Android', '9', null, null, 'user-agent'],
    'Samsung Internet 10.1',
    null,
    { type: 'mobile', vendor: 'Samsung', model: 'SM-G960F' },
  ],
  // iOS and iPadOS
  [
    'iPhone iOS 17.5, Safari',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    null,
    ['iOS', '17.5', 64, 'arm64', 'user-agent'],
    'Safari 17.5',
    null,
    { type: 'mobile', vendor: 'Apple', model: 'iPhone' },
  ],
  [
    'iPhone iOS 26 Safari (UA frozen at 18_6)',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1',
    null,
    ['iOS', '26.1', 64, 'arm64', 'user-agent'],
    'Safari 26.1',
    null,
  ],
  [
    'iPhone iOS 17.5.1, Chrome',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
    null,
    ['iOS', '17.5.1', 64, 'arm64', 'user-agent'],
    'Chrome 126.0.6478.54',
    null,
  ],
  [
    'iPhone, Chrome on the frozen 18_6 UA',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/140.0.7339.101 Mobile/15E148 Safari/604.1',
    null,
    ['iOS', null, 64, 'arm64', 'user-agent'],
    'Chrome 140.0.7339.101',
    null,
  ],
  [
    'iPad iPadOS 16.6, Safari',
    'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
    null,
    ['iPadOS', '16.6', 64, 'arm64', 'user-agent'],
    'Safari 16.6',
    null,
    { type: 'tablet', vendor: 'Apple', model: 'iPad' },
  ],
  [
    'iPad asking for the desktop site (Mac UA + touch)',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    null,
    ['iPadOS', '17.4', 64, 'arm64', 'user-agent'],
    'Safari 17.4',
    null,
    { type: 'tablet', vendor: 'Apple', model: 'iPad' },
    5,
  ],
]

describe('collectEnvironment in a page', () => {
  it('has a table of at least 30 real user agents', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30)
  })

  it.each(TABLE)(
    '%s',
    async (_label, ua, clientHints, os, browser, browserBitness, device, touch) => {
      const env = await collectEnvironment({ window: fakeWindow(ua, clientHints, touch) })
      const [name, version, bitness, architecture, source] = os
      expect(env.os).toEqual({ name, version, bitness, architecture, source })
      const [browserName, ...browserVersion] = browser.split(' ')
      const expected: BrowserInfo = {
        name:
          browserVersion.length > 1
            ? `${browserName} ${browserVersion.slice(0, -1).join(' ')}`
            : browserName!,
        version: browserVersion.at(-1)!,
        bitness: browserBitness,
      }
      expect(env.browser).toEqual(expected)
      if (device) expect(env.device).toMatchObject(device)
    },
  )

  it('keeps the raw inputs so the server can re-derive', async () => {
    const h = hints('Windows', '15.0.0', 'x86', '64')
    const env = await collectEnvironment({ window: fakeWindow(CHROME(WIN), h) })
    expect(env.raw).toEqual({
      userAgent: CHROME(WIN),
      clientHints: h,
      platform: 'test',
      maxTouchPoints: 0,
    })
    expect(env.userAgent).toBe(CHROME(WIN))
  })

  it('reads screen, viewport, colour scheme, locale, time zone and address from the page', async () => {
    const env = await collectEnvironment({ window: fakeWindow(CHROME(WIN)) })
    expect(env.screen).toEqual({
      width: 1920,
      height: 1080,
      pixelRatio: 1.25,
      viewportWidth: 1536,
      viewportHeight: 730,
      colorScheme: 'dark',
    })
    expect(env.locale).toBe('de-AT')
    expect(env.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone)
    expect(env.url).toBe('https://app.example.com/orders?id=7')
    expect(env.referrer).toBeNull()
  })

  it('lets the host override OS facts and says so in the source', async () => {
    const env = await collectEnvironment({
      window: fakeWindow(CHROME(WIN)),
      host: { os: { version: '11', architecture: 'x64', bitness: 64 }, locale: 'ru-RU' },
    })
    expect(env.os).toEqual({
      name: 'Windows',
      version: '11',
      bitness: 64,
      architecture: 'x64',
      source: 'host',
    })
    expect(env.locale).toBe('ru-RU')
  })
})
