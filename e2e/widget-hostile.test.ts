/**
 * The widget on a hostile host page, in a real Chromium against the real server: a strict Content
 * Security Policy, an overlay at the highest z-index over the lower half of the window, CSS that
 * pins every div and button in place, a transformed, filtered and clipped body, and the page's own
 * modal dialog. The launcher and the dialog are in the browser's top layer, so real mouse clicks
 * reach them, and a report is sent.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { doneReference, SHADOW, stubScript, ticket, useWidgetSite } from './widget-harness.js'

const NONCE = 'hostile-page-nonce'

const hostPage = (
  _: URLSearchParams,
  { key, api }: { key: string; api: string },
) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'nonce-${NONCE}'; style-src 'self' 'nonce-${NONCE}'; connect-src 'self' ${api}; img-src 'self' blob: data:">
<title>Kvant Energo · a hostile page</title><link rel="icon" href="data:,">
<script nonce="${NONCE}">
  window.violations = []
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample))
</script>
${stubScript().replace('<script>', `<script nonce="${NONCE}">`)}
<script async src="/widget.js" data-key="${key}" data-endpoint="${api}" data-lang="en"></script>
<style nonce="${NONCE}">
  div, button { position: static !important; z-index: auto !important; }
  html { overflow: hidden; }
  body { margin: 0; height: 50vh; overflow: hidden; transform: translateX(0) scale(1); filter: saturate(1.01); font: 16px sans-serif; }
  #overlay { position: fixed !important; left: 0; right: 0; top: 50vh; bottom: 0; z-index: 2147483647 !important; background: rgb(200 0 0 / 0.35); }
</style></head>
<body><main><h1>Meters</h1>
<p><button id="own" type="button">Open the page's own dialog</button></p>
<dialog id="own-dialog"><p>The page's own modal dialog</p>
  <button id="report-from-dialog" type="button" data-snagbox-open>Report a problem</button>
  <button id="close-own" type="button">Close</button></dialog>
</main>
<script nonce="${NONCE}">
  document.getElementById('own').addEventListener('click', () => document.getElementById('own-dialog').showModal())
  // Beside the body, so its transform does not hold it: over the lower half of the window.
  const overlay = document.createElement('section')
  overlay.id = 'overlay'
  overlay.setAttribute('aria-label', 'A banner over the lower half')
  document.documentElement.append(overlay)
</script>
</body></html>`

const site = useWidgetSite(hostPage)

/**
 * What the page's policy refused, less the screenshot renderer's own `<style>` elements (it draws
 * with them; the widget's README says so): nothing of the widget itself.
 */
const violations = async (page: Page) =>
  ((await page.evaluate('window.violations')) as string[]).filter(
    (v) => !/^style-src-elem inline \S+\/widget\/snapdom-[\w-]+\.js:/.test(v),
  )

const inShadow = <T>(page: Page, body: string) =>
  page.evaluate(`(() => { const root = ${SHADOW}; ${body} })()`) as Promise<T>
/** Waits for `selector` in the widget (as a function: the page's policy forbids evaluating strings). */
const shown = (page: Page, selector: string, timeout = 20_000) =>
  page.waitForFunction(
    (selector) => document.querySelector('snagbox-widget')?.shadowRoot?.querySelector(selector),
    selector,
    { timeout },
  )
const gone = (page: Page, selector: string) =>
  page.waitForFunction(
    (selector) => !document.querySelector('snagbox-widget')?.shadowRoot?.querySelector(selector),
    selector,
  )

/** The centre of a widget element, and what the browser would hit there (looking into the shadow root). */
const target = (page: Page, selector: string) =>
  inShadow<{ x: number; y: number; hit: boolean }>(
    page,
    `const el = root.querySelector(${JSON.stringify(selector)})
     const r = el.getBoundingClientRect()
     const x = r.left + r.width / 2, y = r.top + r.height / 2
     return { x, y, hit: root.elementFromPoint(x, y) === el || el.contains(root.elementFromPoint(x, y)) }`,
  )

/** A real mouse click where the element is: it fails if anything of the page covers it. */
async function click(page: Page, selector: string) {
  const { x, y, hit } = await target(page, selector)
  expect(hit, `${selector} is the topmost element at its centre`).toBe(true)
  await page.mouse.click(x, y)
}

async function sendFromOpenForm(page: Page, text: string) {
  await shown(page, '#description')
  await click(page, '#description')
  await page.keyboard.type(text)
  await click(page, 'button[type="submit"]')
  return doneReference(page)
}

async function openPage() {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  // The widget's own words; what the policy refused is in window.violations, with its source.
  page.on(
    'console',
    (m) => m.type() === 'error' && m.text().startsWith('[snagbox]') && errors.push(m.text()),
  )
  await page.goto(site.h.site.url)
  await shown(page, '.launcher')
  return { page, errors }
}

describe('on a hostile page', () => {
  it('the launcher is above the overlay, in its corner of the window: a real click opens the form and the report is sent', async () => {
    const { page, errors } = await openPage()
    const launcher = await inShadow<{ top: boolean; right: number; bottom: number }>(
      page,
      `const l = root.querySelector('.launcher'), r = l.getBoundingClientRect()
       return { top: l.matches(':popover-open'), right: innerWidth - r.right, bottom: innerHeight - r.bottom }`,
    )
    // In the top layer, placed against the window, not the transformed and clipped body.
    expect(launcher.top).toBe(true)
    expect(launcher.right).toBeGreaterThan(0)
    expect(launcher.right).toBeLessThan(40)
    expect(launcher.bottom).toBeGreaterThan(0)
    expect(launcher.bottom).toBeLessThan(40)
    // Under the page's overlay by every z-index the page has.
    expect(
      await page.evaluate(() => {
        const o = document.getElementById('overlay')!.getBoundingClientRect()
        return o.top <= innerHeight - 30 && o.bottom >= innerHeight - 30
      }),
    ).toBe(true)

    await click(page, '.launcher')
    await shown(page, 'dialog')
    expect(await inShadow(page, `return root.querySelector('dialog').matches(':modal')`)).toBe(true)
    const reference = await sendFromOpenForm(page, 'The meter page hides the readings form')
    expect(reference).toMatch(/^KVT-\d+$/)
    const arrived = await ticket(site.h, reference)
    expect(arrived).toMatchObject({ description: 'The meter page hides the readings form' })
    // The page was captured, under its policy too.
    expect(arrived.screenshot).toMatchObject({ contentType: 'image/webp' })
    await page.screenshot({ path: '/tmp/widget-hostile.png' })
    expect(await violations(page)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('opens above the page’s own modal dialog, and Escape gives the focus back inside it', async () => {
    const { page, errors } = await openPage()
    await page.click('#own')
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('#own-dialog')!.open)
    // The page's modal dialog makes the rest of the page inert, the launcher too (the browser's
    // rule); a data-snagbox-open button inside it opens the form above it.
    await page.click('#report-from-dialog')
    await shown(page, 'dialog:modal #description')
    await page.keyboard.press('Escape')
    await gone(page, 'dialog')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-from-dialog')
    expect(
      await page.evaluate(() => document.querySelector<HTMLDialogElement>('#own-dialog')!.open),
    ).toBe(true)

    await page.click('#report-from-dialog')
    const reference = await sendFromOpenForm(page, 'Reported from inside the page’s own dialog')
    expect(reference).toMatch(/^KVT-\d+$/)
    await page.screenshot({ path: '/tmp/widget-above-host-dialog.png' })
    expect(await violations(page)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})
