import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  blackInside,
  doneReference,
  screenshotOf,
  SHADOW,
  stubScript,
  ticket,
  widgetLoaded,
  useWidgetSite,
} from './widget-harness.js'

const hostPage = (
  _: URLSearchParams,
  { key, api }: { key: string; api: string },
) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kvant Energo · Meters</title>${stubScript()}
<script async src="/widget.js" data-key="${key}" data-endpoint="${api}" data-app-version="4.30.34" data-app-build="6255"></script>
<style>body{margin:0;font:16px sans-serif;background:#fff} main{padding:24px}</style></head>
<body><main><h1>Meters</h1>
<div id="account" style="width:260px;height:90px;background:rgb(0,0,255);color:#fff">Account 4411-2093</div>
<p style="width:600px">Readings for October are due on the 25th. Submit them here or in the mobile app.</p>
</main></body></html>`

const site = useWidgetSite(hostPage)

const shadowClick = (page: Page, selector: string) =>
  page.evaluate(`${SHADOW}.querySelector(${JSON.stringify(selector)}).click()`)
const buttonByText = (page: Page, text: string) =>
  page.evaluate(
    `[...${SHADOW}.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)}).click()`,
  )

async function openForm(page: Page) {
  await page.goto(site.h.site.url)
  await widgetLoaded(page)
  await shadowClick(page, '.launcher')
  await page.waitForFunction(`${SHADOW}.querySelector('.shot__preview img')`)
}

async function describeAndSend(page: Page, text: string) {
  await page.evaluate(`(() => { const d = ${SHADOW}.querySelector('#description'); d.focus() })()`)
  await page.keyboard.type(text)
  await shadowClick(page, 'button[type="submit"]')
  await page.waitForFunction(`${SHADOW}.querySelector('.done')`, null, { timeout: 20_000 })
}

describe('the screenshot editor', () => {
  it('hides what the reporter blacks out: the picture on the server is black there', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
    await openForm(page)
    await buttonByText(page, 'Mark up or hide parts')
    await page.waitForFunction(`${SHADOW}.querySelector('.editor__canvas')?.width > 0`)
    expect(await page.evaluate(`${SHADOW}.activeElement.textContent`)).toBe('Highlight')

    // Where the account box is on the canvas: page CSS px → picture px → the canvas on screen.
    const at = (await page.evaluate(`(() => {
      const canvas = ${SHADOW}.querySelector('.editor__canvas')
      const c = canvas.getBoundingClientRect()
      const a = document.getElementById('account').getBoundingClientRect()
      const k = (canvas.width / document.documentElement.clientWidth) * (c.width / canvas.width)
      return { x0: c.left + (a.left - 6) * k, y0: c.top + (a.top - 6) * k, x1: c.left + (a.right + 6) * k, y1: c.top + (a.bottom + 6) * k, k, c }
    })()`)) as { x0: number; y0: number; x1: number; y1: number; k: number; c: DOMRect }
    const drag = async (x0: number, y0: number, x1: number, y1: number) => {
      await page.mouse.move(x0, y0)
      await page.mouse.down()
      await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, { steps: 4 })
      await page.mouse.move(x1, y1, { steps: 4 })
      await page.mouse.up()
    }
    await buttonByText(page, 'Hide')
    await drag(at.x0, at.y0, at.x1, at.y1)
    await buttonByText(page, 'Arrow')
    await drag(at.x1 + 220 * at.k, at.y1 + 120 * at.k, at.x1 + 20 * at.k, at.y1 + 10 * at.k)
    await page.screenshot({ path: '/tmp/widget-editor.png' })
    await buttonByText(page, 'Use this picture')
    await page.waitForFunction(
      `${SHADOW}.querySelector('form') && ${SHADOW}.activeElement?.name === 'category'`,
    )

    await describeAndSend(page, 'My account number must not be in the picture')
    const reference = (await page.evaluate(
      `${SHADOW}.querySelector('.done__reference').textContent`,
    )) as string
    const { black } = await blackInside(page, await screenshotOf(site.h, reference), '#account')
    expect(black).toBeGreaterThan(0.97)
    await page.close()
  })
})

describe('without a connection', () => {
  it('says the report is saved, not sent, and delivers it once the connection is back', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await openForm(page)
    await context.setOffline(true)
    await describeAndSend(page, 'Sent from a train')
    const text = (await page.evaluate(`${SHADOW}.querySelector('.done').textContent`)) as string
    expect(text).toContain('Saved, not sent yet')
    expect(text).toContain(
      'kept on this device and will be sent automatically when the connection is back',
    )
    await page.screenshot({ path: '/tmp/widget-queued.png' })

    await context.setOffline(false)
    // Delivered from the outbox: the screen still open tells its reference.
    const reference = await doneReference(page)
    expect(await ticket(site.h, reference)).toMatchObject({
      description: 'Sent from a train',
      app: { version: '4.30.34', build: '6255' },
    })
    await context.close()
  })
})
