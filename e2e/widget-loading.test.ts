/**
 * The widget loads in two stages, in a real Chromium against the real server: the page loads the
 * first stage (the launcher and `window.Snagbox`); the dialog comes after the page's own load, or
 * at once on intent. Calls made before it arrived all count, and a dialog that cannot be loaded is
 * said so, on the launcher and in the console.
 */
import type { Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  blackInside,
  doneReference,
  screenshotOf,
  SHADOW,
  stubScript,
  ticket,
  useWidgetSite,
  widgetLoaded,
} from './widget-harness.js'

const hostPage = (
  _: URLSearchParams,
  { key, api }: { key: string; api: string },
) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Kvant Energo · Invoices</title>
${stubScript(`Snagbox.setUser({ name: 'Anna Petrova', email: 'anna@kvant.example' })
window.submitted = []
Snagbox.on('submitted', function (e) { window.submitted.push(e) })`)}
<script async src="/widget.js" data-key="${key}" data-endpoint="${api}" data-lang="en"
  data-app-name="Kvant Energo" data-app-version="4.30.34" data-app-build="6255"></script>
</head><body><main><h1>Invoices</h1>
<div id="iban" data-snagbox-mask style="width:300px;height:60px;background:rgb(255,0,0)">DE89 3704 0044 0532 0130 00</div>
<p><button id="help" type="button" data-snagbox-open>Help</button></p>
</main></body></html>`

const site = useWidgetSite(hostPage)
const DIALOG = /\/widget\/dialog-[\w-]+\.js(\?|$)/

const inShadow = <T>(page: Page, body: string) =>
  page.evaluate(`(() => { const root = ${SHADOW}; ${body} })()`) as Promise<T>
const launcherText = (page: Page) =>
  inShadow<string>(page, `return root.querySelector('.launcher').textContent`)

async function newPage() {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  return { page, errors }
}

/** Holds the dialog part's file until `release()`: the window in which it has not arrived. */
async function holdDialog(page: Page) {
  let release!: () => void
  let ask!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const asked = new Promise<void>((resolve) => (ask = resolve))
  // In place before the page is opened, so the page cannot fetch the file around it.
  await page.route(DIALOG, async (route: Route) => {
    ask()
    await released
    await route.continue()
  })
  return { asked, release }
}

describe('two stages', () => {
  it('the page loads only the first stage; the dialog part follows the page’s own load', async () => {
    const { page, errors } = await newPage()
    const scripts: string[] = []
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()))
    await page.goto(site.h.site.url)
    await widgetLoaded(page)
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => /\/widget\/user-agent-/.test(e.name)),
    )
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType(
        'navigation',
      )[0] as PerformanceNavigationTiming
      const dialog = performance
        .getEntriesByType('resource')
        .find((e) => /\/widget\/dialog-/.test(e.name))!
      return { loaded: navigation.loadEventEnd, dialog: dialog.startTime }
    })
    expect(timing.loaded).toBeGreaterThan(0)
    expect(timing.dialog).toBeGreaterThanOrEqual(timing.loaded)
    // The first stage, then (at the idle moment) the dialog and its English texts, and the SDK's
    // user-agent parser after them (so an open offline has it too); nothing more until a capture.
    expect(scripts.map((url) => new URL(url).pathname)).toEqual([
      '/widget.js',
      expect.stringMatching(/^\/widget\/dialog-[\w-]+\.js$/),
      expect.stringMatching(/^\/widget\/en-[\w-]+\.js$/),
      expect.stringMatching(/^\/widget\/user-agent-[\w-]+\.js$/),
    ])
    expect(errors).toEqual([])
    await page.close()
  })

  it('calls made before the dialog arrived all count: the host’s data, an open, getEnvironment(), the listener; the mask holds', async () => {
    const { page, errors } = await newPage()
    const held = await holdDialog(page)
    await page.goto(site.h.site.url)
    await widgetLoaded(page)
    await held.asked
    const environment = page.evaluate(() => {
      const S = (window as any).Snagbox
      S.setContext({ screen: 'invoices', accountId: 'KE-000418-77' })
      S.setApp({ version: '4.30.35', build: '6301' })
      S.open()
      return S.getEnvironment()
    })
    expect(await launcherText(page)).toContain('Preparing the form…')
    expect(await inShadow(page, `return !!root.querySelector('dialog')`)).toBe(false)
    held.release()
    await page.waitForFunction(`${SHADOW}.querySelector('#description')`, null, { timeout: 20_000 })
    expect(await inShadow(page, `return root.querySelector('#name').value`)).toBe('Anna Petrova')
    await inShadow(page, `root.querySelector('#description').focus()`)
    await page.keyboard.type('Sent through calls made before the form arrived')
    await inShadow(page, `root.querySelector('button[type="submit"]').click()`)
    const reference = await doneReference(page)
    const arrived = await ticket(site.h, reference)
    expect(arrived).toMatchObject({
      context: { screen: 'invoices', accountId: 'KE-000418-77' },
      app: { name: 'Kvant Energo', version: '4.30.35', build: '6301' },
      reporter: { name: 'Anna Petrova' },
    })
    expect(JSON.parse(JSON.stringify(await environment))).toEqual(
      JSON.parse(JSON.stringify(arrived.environment)),
    )
    // The page's data-snagbox-mask element is black in the picture the open took.
    const { black } = await blackInside(page, await screenshotOf(site.h, reference), '#iban')
    expect(black).toBeGreaterThan(0.95)
    expect(await page.evaluate('window.submitted')).toEqual([
      { status: 'sent', reference, statusUrl: expect.any(String) },
    ])
    expect(errors).toEqual([])
    await page.close()
  })

  it('a page element with data-snagbox-open, clicked before the dialog arrived, opens it once it has', async () => {
    const { page } = await newPage()
    const held = await holdDialog(page)
    await page.goto(site.h.site.url)
    await widgetLoaded(page)
    await page.click('#help')
    await held.asked
    held.release()
    await page.waitForFunction(`${SHADOW}.querySelector('dialog #description')`, null, {
      timeout: 20_000,
    })
    await page.keyboard.press('Escape')
    await page.waitForFunction(`!${SHADOW}.querySelector('dialog')`)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('help')
    await page.close()
  })

  it('a dialog that cannot be loaded is said so, on the launcher and naming the file in the console; a click once it is back opens the form', async () => {
    const { page, errors } = await newPage()
    await page.route(DIALOG, (route) => route.fulfill({ status: 404, body: 'Not found' }))
    await page.goto(site.h.site.url)
    await widgetLoaded(page)
    const box = await inShadow<{ x: number; y: number }>(
      page,
      `const r = root.querySelector('.launcher').getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }`,
    )
    await page.mouse.click(box.x, box.y)
    await page.waitForFunction(
      `${SHADOW}.querySelector('.launcher').textContent.includes('did not load')`,
    )
    expect(await launcherText(page)).toBe('The form did not load. Try again')
    expect(await inShadow(page, `return root.querySelector('[role="status"]').textContent`)).toBe(
      'The form did not load. Try again',
    )
    const named = errors.filter((e) => e.startsWith('[snagbox] could not load'))
    expect(named.length).toBeGreaterThan(0)
    const parts = new URL('/widget/', site.h.site.url).href
    expect(named[0]).toMatch(
      new RegExp(`^\\[snagbox\\] could not load ${parts}dialog-[\\w-]+\\.js`),
    )

    await page.unroute(DIALOG)
    await page.mouse.click(box.x, box.y)
    await page.waitForFunction(`${SHADOW}.querySelector('dialog #description')`, null, {
      timeout: 20_000,
    })
    expect(await launcherText(page)).toBe('Report a problem')
    await page.close()
  })
})
