/**
 * The widget on a phone, in Chromium's mobile emulation (360×740, touch, a notch and a home
 * indicator as safe-area insets), against the real server: the dialog is a full-screen sheet
 * inside the safe area, its fields do not make the phone zoom, and the markup tools draw with a
 * finger.
 */
import type { CDPSession, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  blackInside,
  doneReference,
  screenshotOf,
  SHADOW,
  stubScript,
  useWidgetSite,
  widgetLoaded,
} from './widget-harness.js'

const INSETS = { top: 32, bottom: 24, left: 0, right: 0 }

const hostPage = (
  _: URLSearchParams,
  { key, api }: { key: string; api: string },
) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Kvant Energo · Meters</title>${stubScript()}
<script async src="/widget.js" data-key="${key}" data-endpoint="${api}" data-lang="en"></script>
<style>body{margin:0;font:16px sans-serif;background:#fff} main{padding:16px}</style></head>
<body><main><h1>Meters</h1>
<div id="account" style="width:220px;height:80px;background:rgb(0,0,255);color:#fff">Account 4411-2093</div>
<p>Readings for October are due on the 25th.</p>
</main></body></html>`

const site = useWidgetSite(hostPage)

const inShadow = <T>(page: Page, body: string) =>
  page.evaluate(`(() => { const root = ${SHADOW}; ${body} })()`) as Promise<T>

/** The centre of the first widget element matching (or the one with this text), scrolled to as a finger would. */
const centre = (page: Page, selector: string, text?: string) =>
  inShadow<Promise<{ x: number; y: number }>>(
    page,
    `const el = [...root.querySelectorAll(${JSON.stringify(selector)})].find((e) => ${text ? `e.textContent.trim() === ${JSON.stringify(text)}` : 'true'})
     el.scrollIntoView({ block: 'center' })
     // Measured a frame later, once the scroll has been laid out.
     return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
       const r = el.getBoundingClientRect()
       resolve({ x: r.left + r.width / 2, y: r.top + r.height / 2 })
     })))`,
  )
async function tap(page: Page, selector: string, text?: string) {
  const { x, y } = await centre(page, selector, text)
  await page.touchscreen.tap(x, y)
}

/** A finger drawn from one point to another, as the touch screen reports it. */
async function swipe(cdp: CDPSession, from: [number, number], to: [number, number]) {
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ x: from[0], y: from[1] }],
  })
  for (let i = 1; i <= 8; i++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [
        { x: from[0] + ((to[0] - from[0]) * i) / 8, y: from[1] + ((to[1] - from[1]) * i) / 8 },
      ],
    })
  // The finger rests before it lifts: a swipe still moving would leave a fling, which swallows the
  // next tap as a phone does.
  await new Promise((resolve) => setTimeout(resolve, 150))
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchMove',
    touchPoints: [{ x: to[0], y: to[1] }],
  })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
}

async function openOnPhone() {
  const context = await site.browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: INSETS })
  await page.goto(site.h.site.url)
  await widgetLoaded(page)
  await tap(page, '.launcher')
  // Decoded and laid out, so the buttons below the picture stay where a finger is about to tap.
  await page.waitForFunction(
    `(() => { const img = ${SHADOW}.querySelector('.shot__preview img'); return img?.complete && img.naturalWidth > 0 })()`,
    null,
    { timeout: 20_000 },
  )
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  )
  return { context, page, cdp }
}

describe('on a phone', () => {
  it('the dialog is a full-screen sheet inside the safe area, and its fields are 16 px so the phone does not zoom', async () => {
    const { context, page } = await openOnPhone()
    const sheet = await inShadow<Record<string, number>>(
      page,
      `const panel = root.querySelector('.panel').getBoundingClientRect()
       const style = getComputedStyle(root.querySelector('.panel'))
       const close = root.querySelector('.panel__close').getBoundingClientRect()
       const send = root.querySelector('button[type="submit"]').getBoundingClientRect()
       return { left: panel.left, top: panel.top, width: panel.width, height: panel.height,
         paddingTop: parseFloat(style.paddingTop), paddingBottom: parseFloat(style.paddingBottom),
         closeTop: close.top, sendBottom: send.bottom, innerHeight, innerWidth }`,
    )
    expect(sheet).toMatchObject({
      left: 0,
      top: 0,
      width: 360,
      height: 740,
      paddingTop: INSETS.top,
      paddingBottom: INSETS.bottom,
    })
    // Nothing under the notch or the home indicator.
    expect(sheet.closeTop).toBeGreaterThanOrEqual(INSETS.top)
    expect(sheet.sendBottom).toBeLessThanOrEqual(740 - INSETS.bottom)
    const fonts = await inShadow<string[]>(
      page,
      `return ['#description', '#name', '#email', '#phone'].map((id) => getComputedStyle(root.querySelector(id)).fontSize)`,
    )
    expect(fonts).toEqual(['16px', '16px', '16px', '16px'])
    // As tall as the visual viewport: what the on-screen keyboard would leave of the window.
    expect(
      await inShadow(
        page,
        `return root.querySelector('dialog').style.getPropertyValue('--snagbox-viewport-height')`,
      ),
    ).toBe('740px')
    await page.screenshot({ path: '/tmp/widget-phone-form.png' })
    await context.close()
  })

  it('the markup tools draw with a finger: what is hidden by touch is black on the server', async () => {
    const { context, page, cdp } = await openOnPhone()
    await tap(page, 'button', 'Mark up or hide parts')
    await page.waitForFunction(`${SHADOW}.querySelector('.editor__canvas')?.width > 0`, null, {
      timeout: 20_000,
    })
    await tap(page, '.tool', 'Hide')
    // The account box on the canvas: page CSS px → picture px → the canvas on screen.
    const at = (await page.evaluate(`(() => {
      const canvas = ${SHADOW}.querySelector('.editor__canvas')
      const c = canvas.getBoundingClientRect()
      const a = document.getElementById('account').getBoundingClientRect()
      const k = (canvas.width / document.documentElement.clientWidth) * (c.width / canvas.width)
      return { x0: c.left + (a.left - 4) * k, y0: c.top + (a.top - 4) * k, x1: c.left + (a.right + 4) * k, y1: c.top + (a.bottom + 4) * k }
    })()`)) as { x0: number; y0: number; x1: number; y1: number }
    await swipe(cdp, [at.x0, at.y0], [at.x1, at.y1])
    // The finger made a mark: Undo (the one tool button without a pressed state) can take it back.
    expect(
      await inShadow(page, `return root.querySelector('.tool:not([aria-pressed])').disabled`),
    ).toBe(false)
    await page.screenshot({ path: '/tmp/widget-phone-editor.png' })
    await tap(page, 'button', 'Use this picture')
    await page.waitForFunction(`${SHADOW}.querySelector('#description')`)
    await inShadow(page, `root.querySelector('#description').focus()`)
    await page.keyboard.type('My account number must not be in the picture')
    await tap(page, 'button[type="submit"]')
    const reference = await doneReference(page)
    const { black } = await blackInside(page, await screenshotOf(site.h, reference), '#account')
    expect(black).toBeGreaterThan(0.97)
    await context.close()
  })
})
