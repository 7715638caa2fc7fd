import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleSdkForPage, html, servePages, type Served } from '../sdk/test/browser-harness.js'
import { launchChromium } from './chromium.js'

let browser: Browser
let site: Served

beforeAll(async () => {
  browser = await launchChromium()
  site = await servePages({
    '/sdk.js': ['text/javascript', await bundleSdkForPage()],
    '/': ['text/html', html('<p>page</p>')],
  })
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

const chrome = (major: string, full: string) => ({
  brands: [
    { brand: 'Chromium', version: major },
    { brand: 'Google Chrome', version: major },
    { brand: 'Not_A Brand', version: '24' },
  ],
  fullVersionList: [
    { brand: 'Chromium', version: full },
    { brand: 'Google Chrome', version: full },
    { brand: 'Not_A Brand', version: '24.0.0.0' },
  ],
})
const WINDOWS_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'

const CASES = [
  {
    name: 'Windows 11 x64',
    userAgent: WINDOWS_UA,
    metadata: {
      ...chrome('124', '124.0.6367.91'),
      platform: 'Windows',
      platformVersion: '15.0.0',
      architecture: 'x86',
      bitness: '64',
      wow64: false,
      model: '',
      mobile: false,
    },
    os: {
      name: 'Windows',
      version: '11',
      bitness: 64,
      architecture: 'x64',
      source: 'client-hints',
    },
    browser: { name: 'Chrome', version: '124.0.6367.91', bitness: 64 },
  },
  {
    name: 'Windows 10, 32-bit Chrome on 64-bit Windows (WOW64)',
    userAgent: WINDOWS_UA,
    metadata: {
      ...chrome('124', '124.0.6367.91'),
      platform: 'Windows',
      platformVersion: '10.0.0',
      architecture: 'x86',
      bitness: '64',
      wow64: true,
      model: '',
      mobile: false,
    },
    os: {
      name: 'Windows',
      version: '10',
      bitness: 64,
      architecture: 'x64',
      source: 'client-hints',
    },
    browser: { name: 'Chrome', version: '124.0.6367.91', bitness: 32 },
  },
  {
    name: 'macOS 14.5 on Apple silicon',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    metadata: {
      ...chrome('124', '124.0.6367.91'),
      platform: 'macOS',
      platformVersion: '14.5.0',
      architecture: 'arm',
      bitness: '64',
      wow64: false,
      model: '',
      mobile: false,
    },
    os: {
      name: 'macOS',
      version: '14.5',
      bitness: 64,
      architecture: 'arm64',
      source: 'client-hints',
    },
    browser: { name: 'Chrome', version: '124.0.6367.91', bitness: null },
  },
  {
    name: 'Android 14 on a Pixel 8',
    userAgent:
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
    metadata: {
      ...chrome('124', '124.0.6367.82'),
      platform: 'Android',
      platformVersion: '14.0.0',
      architecture: '',
      bitness: '',
      wow64: false,
      model: 'Pixel 8',
      mobile: true,
    },
    os: {
      name: 'Android',
      version: '14',
      bitness: null,
      architecture: null,
      source: 'client-hints',
    },
    browser: { name: 'Chrome', version: '124.0.6367.82', bitness: null },
    device: { type: 'mobile', model: 'Pixel 8' },
  },
]

describe('collectEnvironment in Chromium under client-hint overrides', () => {
  it.each(CASES)(
    'reports $name',
    async ({ userAgent, metadata, os, browser: expectedBrowser, ...rest }) => {
      const context = await browser.newContext()
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setUserAgentOverride', { userAgent, userAgentMetadata: metadata })
      await page.goto(site.url)
      const env = await page.evaluate(() =>
        (
          window as unknown as { SnagboxSDK: typeof import('../sdk/src/index.js') }
        ).SnagboxSDK.collectEnvironment(),
      )
      await context.close()
      expect(env.os).toEqual(os)
      expect(env.browser).toEqual(expectedBrowser)
      if (rest.device) expect(env.device).toMatchObject(rest.device)
      expect(env.raw.userAgent).toBe(userAgent)
      expect(env.raw.clientHints).toMatchObject({
        platform: metadata.platform,
        platformVersion: metadata.platformVersion,
      })
      expect(env.url).toBe(`${site.url}/`)
      expect(env.screen.viewportWidth).toBeGreaterThan(0)
    },
  )
})
