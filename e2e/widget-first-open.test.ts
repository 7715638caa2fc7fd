/**
 * The first open, in a real Chromium against the real server: the dialog shows at once on a
 * click and the screenshot fills in behind it (the page, never the dialog); the pointer over the
 * button fetches the capture and its renderer ahead; console errors from right after the page's
 * load, long before the dialog part arrives, go with the report.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  type Box,
  colourInside,
  doneReference,
  screenshotOf,
  SHADOW,
  ticket,
  useWidgetSite,
  widgetLoaded,
} from './widget-harness.js'

/** A green page that logs an error and throws one as soon as it has loaded. */
const hostPage = (
  _: URLSearchParams,
  { key, api }: { key: string; api: string },
) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Kvant Energo · Tariffs</title>
<script async src="/widget.js" data-key="${key}" data-endpoint="${api}" data-lang="en"></script>
<style>html,body{margin:0;background:rgb(0,160,0);font:16px sans-serif} h1{margin:0;padding:16px;width:200px}</style>
</head><body><h1>Tariffs</h1>
<script>
window.addEventListener('load', () => {
  window.dialogBeforeErrors = performance
    .getEntriesByType('resource')
    .some((e) => /\\/widget\\/dialog-/.test(e.name))
  console.error('TypeError: tariffs is undefined')
  setTimeout(() => { throw new Error('The tariff table did not render') })
})
</script>
</body></html>`

const site = useWidgetSite(hostPage)

const inShadow = <T>(page: Page, body: string) =>
  page.evaluate(`(() => { const root = ${SHADOW}; ${body} })()`) as Promise<T>
/** What a capture needs: its code, its engine and renderer, the upload's decoder, the parser. */
const FOR_CAPTURE = ['capture', 'snapdom-engine', 'snapdom', 'attach', 'user-agent']
/** The widget's files the page has fetched for a capture, by their names without the hash. */
const fetchedForCapture = (page: Page) =>
  page.evaluate(
    (names) =>
      performance
        .getEntriesByType('resource')
        .map((e) => /\/widget\/([a-z-]+)-[\w-]{8}\.js/i.exec(e.name)?.[1] ?? '')
        .filter((name) => names.includes(name))
        .sort(),
    FOR_CAPTURE,
  )

async function send(page: Page, text: string): Promise<string> {
  await inShadow(page, `root.querySelector('#description').focus()`)
  await page.keyboard.type(text)
  await inShadow(page, `root.querySelector('button[type="submit"]').click()`)
  return doneReference(page)
}

describe('the first open', () => {
  it('console errors from right after the page loaded, before the dialog part came, go with the report', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('pageerror', () => {})
    await page.goto(site.h.site.url)
    await widgetLoaded(page)
    await page.waitForFunction(() => 'dialogBeforeErrors' in window)
    expect(await page.evaluate(() => (window as any).dialogBeforeErrors)).toBe(false)
    await inShadow(page, `root.querySelector('.launcher').click()`)
    await page.waitForFunction(`${SHADOW}.querySelector('#description')`)
    const reference = await send(page, 'The tariffs page is empty')
    const messages = ((await ticket(site.h, reference)).logs as { message: string }[]).map(
      (l) => l.message,
    )
    expect(messages).toContain('TypeError: tariffs is undefined')
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringContaining('The tariff table did not render')]),
    )
    await page.close()
  })

  it('shows the dialog at once on a click, the screenshot filling in: the picture is the page, without the dialog', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(site.h.site.url)
    await widgetLoaded(page)
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => /\/widget\/dialog-/.test(e.name)),
    )
    // In the first frame that shows the dialog, the capture is still under way.
    const first = (await page.evaluate(
      () =>
        new Promise((resolve) => {
          const root = document.querySelector('snagbox-widget')!.shadowRoot!
          const frame = () =>
            root.querySelector('dialog:modal')
              ? resolve({
                  picture: !!root.querySelector('.shot__preview img'),
                  status: root.querySelector('.shot')?.textContent ?? '',
                })
              : requestAnimationFrame(frame)
          root.querySelector<HTMLButtonElement>('.launcher')!.click()
          requestAnimationFrame(frame)
        }),
    )) as { picture: boolean; status: string }
    expect(first.picture).toBe(false)
    expect(first.status).toContain('Taking a screenshot…')
    await page.waitForFunction(`${SHADOW}.querySelector('.shot__preview img')`, null, {
      timeout: 20_000,
    })
    const panel = await inShadow<Box>(
      page,
      `const r = root.querySelector('.panel').getBoundingClientRect()
       return { x: r.x, y: r.y, width: r.width, height: r.height }`,
    )
    expect(panel.width).toBeGreaterThan(200)
    const reference = await send(page, 'Where the dialog was, the page is green')
    // Where the dialog was on screen, the picture has the page's green.
    const green = await colourInside(
      page,
      await screenshotOf(site.h, reference),
      panel,
      [0, 160, 0],
      30,
    )
    expect(green.share).toBeGreaterThan(0.97)
    await page.close()
  })

  it('the pointer over the button fetches the capture and its renderer ahead; the click captures without waiting for them', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(site.h.site.url)
    await widgetLoaded(page)
    expect(await fetchedForCapture(page)).not.toContain('capture')
    await page.hover('snagbox-widget .launcher')
    for (let i = 0; i < 200 && (await fetchedForCapture(page)).length < FOR_CAPTURE.length; i++)
      await page.waitForTimeout(50)
    expect(await fetchedForCapture(page)).toEqual([...FOR_CAPTURE].sort())
    expect(await inShadow(page, `return !!root.querySelector('dialog')`)).toBe(false)
    await page.click('snagbox-widget .launcher')
    await page.waitForFunction(`${SHADOW}.querySelector('.shot__preview img')`, null, {
      timeout: 20_000,
    })
    // Nothing more was fetched for the capture.
    expect(await fetchedForCapture(page)).toEqual([...FOR_CAPTURE].sort())
    await page.close()
  })
})
