/**
 * The widget tells the truth about what it sends and whether it was sent: in a real Chromium,
 * against the real Snagbox server, what the reporter is told is checked against what arrives.
 */
import { readFileSync } from 'node:fs'
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  screenshotOf,
  SHADOW,
  stubScript,
  ticket,
  widgetLoaded,
  useWidgetSite,
} from './widget-harness.js'

const HOST_CALLS = `Snagbox.setUser({ name: 'Anna Petrova', email: 'anna@kvant.example', organization: 'Kvant Energo, Perm branch' })
Snagbox.setContext({ screen: 'billing', accountId: 'KE-000418-77' })
window.submitted = []
Snagbox.on('submitted', function (e) { window.submitted.push(e) })`

/** The host page; `?short` is a dark page shorter than the window, `?example` the shipped example. */
const hostPage = (q: URLSearchParams, { key, api }: { key: string; api: string }) => {
  if (q.has('example'))
    return readFileSync(new URL('../examples/plain-html/index.html', import.meta.url), 'utf8')
      .replace('http://127.0.0.1:8787/widget.js', '/widget.js')
      .replace('data-key="pk_demo_snagbox_local"', `data-key="${key}" data-endpoint="${api}"`)
  const style = q.has('short')
    ? 'html{background:rgb(20,30,40)} body{margin:0;color:#eee;font:16px sans-serif} main{padding:24px}'
    : 'body{margin:0;font:16px sans-serif;background:#fff} main{padding:24px}'
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Kvant Energo</title>
${stubScript(HOST_CALLS)}
<script async src="/widget.js" data-key="${key}" data-endpoint="${api}" data-app-name="Kvant Energo"
  data-app-version="4.30.34" data-app-build="6255" ${q.get('lang') ? `data-lang="${q.get('lang')}"` : ''}></script>
<style>${style}</style></head>
<body><main><h1>Invoices</h1>
<div id="account" style="width:260px;height:90px;background:rgb(0,0,255);color:#fff">Account 4411-2093</div>
${q.has('short') ? '' : '<div style="height:1400px"></div>'}
</main></body></html>`
}

const site = useWidgetSite(hostPage)

const inShadow = <T>(page: Page, body: string) =>
  page.evaluate(`(() => { const root = ${SHADOW}; ${body} })()`) as Promise<T>
const clickButton = (page: Page, text: string) =>
  inShadow(
    page,
    `[...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === ${JSON.stringify(text)}).click()`,
  )

async function openForm(page: Page, path = '/') {
  await page.goto(site.h.site.url.replace(/\/$/, '') + path)
  await widgetLoaded(page)
  await inShadow(page, `root.querySelector('.launcher').click()`)
  await page.waitForFunction(`${SHADOW}.querySelector('#description')`)
}

async function describeAndSend(page: Page, text: string) {
  await inShadow(page, `root.querySelector('#description').focus()`)
  await page.keyboard.type(text)
  await inShadow(page, `root.querySelector('button[type="submit"]').click()`)
}

/** The newest tickets an agent sees, newest first. */
async function tickets(): Promise<
  { reference: string; subject: string; hasScreenshot: boolean }[]
> {
  const res = await fetch(`${site.h.api.url}/api/v1/tickets?limit=50`, {
    headers: { Authorization: `Bearer ${site.h.token}` },
  })
  return ((await res.json()) as { items: Awaited<ReturnType<typeof tickets>> }).items
}

describe('whether it was sent', () => {
  /** Opens the form online (the page is captured), goes offline and sends: "saved, not sent yet". */
  async function sendOffline(text: string) {
    const context: BrowserContext = await site.browser.newContext({
      viewport: { width: 1280, height: 800 },
    })
    const page = await context.newPage()
    await openForm(page)
    await page.waitForFunction(`${SHADOW}.querySelector('.shot__preview img')`)
    await context.setOffline(true)
    await describeAndSend(page, text)
    await page.waitForFunction(`${SHADOW}.querySelector('.done')`, null, { timeout: 20_000 })
    expect(
      await inShadow<string>(page, `return root.querySelector('.done').textContent`),
    ).toContain('Saved, not sent yet')
    return { context, page }
  }

  it('an offline report keeps its screenshot', async () => {
    const { context } = await sendOffline('Sent from a train, with its screenshot')
    await context.setOffline(false)
    let found: { reference: string; hasScreenshot: boolean } | undefined
    for (let i = 0; i < 150 && !found; i++) {
      found = (await tickets()).find((t) => t.subject === 'Sent from a train, with its screenshot')
      if (!found) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(found).toBeDefined()
    expect(found!.hasScreenshot).toBe(true)
    const shot = await screenshotOf(site.h, found!.reference)
    expect(shot.type).toBe('image/webp')
    expect(shot.base64.length).toBeGreaterThan(1000)
    await context.close()
  })

  it('a queued report tells its reference once delivered: to the host, and on the screen still open', async () => {
    const { context, page } = await sendOffline('Sent from a tunnel')
    await context.setOffline(false)
    await page.waitForFunction(`${SHADOW}.querySelector('.done__reference')`, null, {
      timeout: 30_000,
    })
    const reference = await inShadow<string>(
      page,
      `return root.querySelector('.done__reference').textContent`,
    )
    expect(reference).toMatch(/^KVT-\d+$/)
    expect(
      await inShadow<string>(page, `return root.querySelector('.done').textContent`),
    ).toContain('Your request has been sent')
    const submitted = (await page.evaluate('window.submitted')) as Record<string, string>[]
    expect(submitted).toEqual([
      { status: 'queued', outboxId: expect.stringMatching(/^[0-9a-f]{32}$/) },
      {
        status: 'sent',
        reference,
        statusUrl: expect.stringMatching(new RegExp(`^${site.h.api.url}/status/`)),
        outboxId: submitted[0]!.outboxId,
      },
    ])
    expect(await ticket(site.h, reference)).toMatchObject({ description: 'Sent from a tunnel' })
    await context.close()
  })

  it('a site the project does not allow is told so, the developer gets one clear console error, and nothing is queued', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors: string[] = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    const posts: string[] = []
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()))
    // The same page on another origin: `localhost` is not the allowed `127.0.0.1`.
    const origin = site.h.site.url.replace('127.0.0.1', 'localhost').replace(/\/$/, '')
    await page.goto(origin)
    await widgetLoaded(page)
    await inShadow(page, `root.querySelector('.launcher').click()`)
    await page.waitForFunction(`${SHADOW}.querySelector('#description')`)
    await describeAndSend(page, 'Reported from a site nobody allowed')
    await page.waitForFunction(`${SHADOW}.querySelector('.form__error')?.textContent`, null, {
      timeout: 20_000,
    })
    expect(
      await inShadow<string>(page, `return root.querySelector('.form__error').textContent`),
    ).toBe('This form is not set up for this site yet. Please contact support another way.')
    expect(await inShadow(page, `return !!root.querySelector('.done')`)).toBe(false)
    // Neither retried nor kept for later.
    await page.waitForTimeout(1500)
    expect(posts).toHaveLength(1)
    const outbox = await page.evaluate(
      (key) =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open(`snagbox:${key}`)
          open.onsuccess = () => {
            const db = open.result
            if (!db.objectStoreNames.contains('outbox')) return resolve(0)
            const count = db.transaction('outbox').objectStore('outbox').count()
            count.onsuccess = () => resolve(count.result)
          }
        }),
      site.h.key,
    )
    expect(outbox).toBe(0)
    const ours = errors.filter((e) => e.includes('[snagbox]'))
    expect(ours).toHaveLength(1)
    expect(ours[0]).toContain(origin)
    expect(ours[0]).toContain(`snagbox project update --prefix <PREFIX> --origin ${origin}`)
    expect((await tickets()).map((t) => t.subject)).not.toContain(
      'Reported from a site nobody allowed',
    )
    await page.close()
  })
})

describe('what it sends', () => {
  it('“What will be sent” shows the logs, the host’s context and the organization, and what the reporter removes does not arrive', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(site.h.site.url)
    await widgetLoaded(page)
    await page.evaluate(() => {
      console.error('Refresh failed: token=eyJhbGciOiJIUzI1NiJ9.secret')
      console.warn('Slow answer from /api/invoices')
    })
    await inShadow(page, `root.querySelector('.launcher').click()`)
    await page.waitForFunction(`${SHADOW}.querySelector('#description')`)
    await inShadow(page, `root.querySelector('details.details').open = true`)
    await page.waitForFunction(`${SHADOW}.querySelector('.details__raw pre')`)
    const details = () =>
      inShadow<string>(page, `return root.querySelector('details.details').textContent`)
    for (const shown of [
      'Kvant Energo, Perm branch',
      'KE-000418-77',
      'Refresh failed: token=eyJhbGciOiJIUzI1NiJ9.secret',
      'Slow answer from /api/invoices',
    ])
      expect(await details()).toContain(shown)
    await inShadow(page, `root.querySelector('.details__logs').scrollIntoView()`)
    await page.screenshot({ path: '/tmp/widget-what-will-be-sent.png' })

    await clickButton(page, 'Remove this line: Refresh failed: token=eyJhbGciOiJIUzI1NiJ9.secret')
    await clickButton(page, 'Do not send this data')
    await page.waitForFunction(
      `!${SHADOW}.querySelector('details.details').textContent.includes('token=')`,
    )
    const raw = JSON.parse(
      await inShadow<string>(page, `return root.querySelector('.details__raw pre').textContent`),
    )
    expect(raw.context).toBeUndefined()
    expect(raw.logs.map((l: { message: string }) => l.message)).toEqual([
      'Slow answer from /api/invoices',
    ])

    await describeAndSend(page, 'The totals are wrong')
    await page.waitForFunction(`${SHADOW}.querySelector('.done__reference')`, null, {
      timeout: 20_000,
    })
    const reference = await inShadow<string>(
      page,
      `return root.querySelector('.done__reference').textContent`,
    )
    const arrived = await ticket(site.h, reference)
    expect(arrived.reporter).toMatchObject({ organization: 'Kvant Energo, Perm branch' })
    expect(arrived.context).toEqual({})
    const messages = (arrived.logs as { message: string }[]).map((l) => l.message)
    expect(messages).toContain('Slow answer from /api/invoices')
    expect(JSON.stringify(arrived)).not.toContain('token=')
    expect(JSON.stringify(arrived)).not.toContain('KE-000418-77')
    await page.close()
  })
})

describe('the capture', () => {
  it('has no white band below a page shorter than the window', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
    await openForm(page, '/?short')
    await page.waitForFunction(`${SHADOW}.querySelector('.shot__preview img')`)
    const rows = await inShadow<Promise<number[][]>>(
      page,
      `return (async () => {
        const img = root.querySelector('.shot__preview img')
        const bitmap = await createImageBitmap(await (await fetch(img.src)).blob())
        const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')
        ctx.drawImage(bitmap, 0, 0)
        const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data
        // A pixel near the left edge at the bottom, the middle, and three quarters down.
        return [bitmap.height - 3, bitmap.height >> 1, (bitmap.height * 3) >> 2].map((y) =>
          Array.from(data.slice((y * bitmap.width + 8) * 4, (y * bitmap.width + 8) * 4 + 3)))
      })()`,
    )
    // The page's own dark background (rgb(20, 30, 40)), give or take the WebP encoding.
    for (const [r, g, b] of rows) {
      expect(Math.abs(r! - 20) + Math.abs(g! - 30) + Math.abs(b! - 40)).toBeLessThan(24)
    }
    await page.close()
  })

  it('prints no renderer warning into the host page’s console', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 860 } })
    const printed: ConsoleMessage[] = []
    page.on('console', (m) => printed.push(m))
    // The shipped example: its table is what made the renderer warn.
    await openForm(page, '/?example')
    await page.waitForFunction(`${SHADOW}.querySelector('.shot__preview img')`)
    await page.waitForTimeout(300)
    expect(
      printed
        .filter((m) => m.type() === 'warning' || m.type() === 'error')
        // The example page has no favicon: the browser's own line about that is not ours.
        .filter((m) => !/Failed to load resource/.test(m.text()))
        .map((m) => m.text()),
    ).toEqual([])
    await page.close()
  })
})
