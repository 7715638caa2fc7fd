import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleSdkForPage, html, servePages, type Served } from '../sdk/test/browser-harness.js'
import { launchChromium } from './chromium.js'

let browser: Browser
let site: Served

const PAGE = html(
  `<main style="padding:20px">
     <h1>Checkout</h1>
     <div id="brand" style="width:200px;height:80px;background:rgb(0,0,255)"></div>
     <label>Password <input id="pw" type="password" value="hunter2-secret" style="width:220px;height:40px;background:rgb(255,255,0);border:0"></label>
     <label>Card <input id="cc" autocomplete="cc-number" value="4111 1111 1111 1111" style="width:260px;height:40px;background:rgb(255,255,0);border:0"></label>
     <div id="iban" data-snagbox-mask style="width:300px;height:60px;background:rgb(255,0,0);color:white">DE89 3704 0044 0532 0130 00</div>
     <div style="height:2000px"></div>
   </main>
   <div id="widget" data-snagbox-ignore style="position:fixed;right:0;top:0;width:150px;height:150px;background:rgb(0,255,0)"></div>`,
  '<style>body{margin:0;background:rgb(255,255,255);font:16px sans-serif}</style>',
)

beforeAll(async () => {
  browser = await launchChromium()
  site = await servePages({
    '/sdk.js': ['text/javascript', await bundleSdkForPage()],
    '/': ['text/html', PAGE],
  })
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
})

interface Inspection {
  ok: boolean
  error?: unknown
  type: string
  width: number
  height: number
  bytes: number
  /** For each element id: how many of the pixels inside its box are black, and the colour at its centre. */
  boxes: Record<string, { black: number; centre: number[] }>
}

/** Captures in the page, decodes the WebP there and reads the pixels inside each element's box. */
function captureAndInspect(page: Page, engine: 'snapdom' | 'html2canvas'): Promise<Inspection> {
  return page.evaluate(async (engine) => {
    const sdk = (window as unknown as { SnagboxSDK: typeof import('../sdk/src/index.js') })
      .SnagboxSDK
    const shot = await sdk.captureScreenshot({ engine })
    if (!shot.ok)
      return { ok: false, error: shot.error, type: '', width: 0, height: 0, bytes: 0, boxes: {} }
    const bitmap = await createImageBitmap(shot.blob)
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(bitmap, 0, 0)
    const scale = bitmap.width / document.documentElement.clientWidth
    const boxes: Inspection['boxes'] = {}
    for (const id of ['brand', 'pw', 'cc', 'iban', 'widget']) {
      const r = document.getElementById(id)!.getBoundingClientRect()
      // 3 px inside the box: the edges are antialiased.
      const x = Math.ceil((r.left + 3) * scale)
      const y = Math.ceil((r.top + 3) * scale)
      const w = Math.floor((r.width - 6) * scale)
      const h = Math.floor((r.height - 6) * scale)
      const data = ctx.getImageData(x, y, w, h).data
      let black = 0
      for (let i = 0; i < data.length; i += 4)
        if (data[i]! < 24 && data[i + 1]! < 24 && data[i + 2]! < 24) black++
      const c = ctx.getImageData(
        Math.round((r.left + r.width / 2) * scale),
        Math.round((r.top + r.height / 2) * scale),
        1,
        1,
      ).data
      boxes[id] = { black: black / (data.length / 4), centre: [c[0]!, c[1]!, c[2]!] }
    }
    return {
      ok: true,
      type: shot.type,
      width: shot.width,
      height: shot.height,
      bytes: shot.bytes,
      boxes,
    }
  }, engine)
}

const near = (actual: number[], expected: number[]) =>
  actual.every((v, i) => Math.abs(v - expected[i]!) < 40)

describe('captureScreenshot with display-media in headless Chromium', () => {
  it('answers with an error code instead of hanging or throwing where screen capture cannot work', async () => {
    const page = await browser.newPage()
    await page.goto(site.url)
    const shot = await page.evaluate(() =>
      (
        window as unknown as { SnagboxSDK: typeof import('../sdk/src/index.js') }
      ).SnagboxSDK.captureScreenshot({ engine: 'display-media', timeoutMs: 1500 }),
    )
    await page.close()
    expect(shot.ok).toBe(false)
    expect([
      'screenshot_failed',
      'screenshot_permission_denied',
      'screenshot_unsupported',
      'screenshot_timeout',
    ]).toContain(!shot.ok && shot.error.code)
  })
})

describe.each(['snapdom', 'html2canvas'] as const)(
  'captureScreenshot with %s in Chromium',
  (engine) => {
    it('blacks out password, card and data-snagbox-mask fields and leaves the widget out', async () => {
      const page = await browser.newPage({
        viewport: { width: 1000, height: 700 },
        deviceScaleFactor: 2,
      })
      await page.goto(site.url)
      await page.evaluate(() => scrollTo(0, 30))
      const shot = await captureAndInspect(page, engine)
      await page.close()
      expect(shot.ok, JSON.stringify(shot.error)).toBe(true)
      expect(shot.type).toBe('image/webp')
      expect(shot.bytes).toBeLessThanOrEqual(1_500_000)
      // 1000 CSS px at device pixel ratio 2 would be 2000: capped at 1920.
      expect(shot.width).toBeLessThanOrEqual(1920)
      expect(shot.width).toBeGreaterThan(1800)
      for (const id of ['pw', 'cc', 'iban']) expect(shot.boxes[id]!.black, id).toBeGreaterThan(0.99)
      expect(shot.boxes.brand!.black).toBe(0)
      expect(near(shot.boxes.brand!.centre, [0, 0, 255]), `brand ${shot.boxes.brand!.centre}`).toBe(
        true,
      )
      // The fixed widget is not in the picture: the white page shows where it was.
      expect(
        near(shot.boxes.widget!.centre, [255, 255, 255]),
        `widget ${shot.boxes.widget!.centre}`,
      ).toBe(true)
    })
  },
)
