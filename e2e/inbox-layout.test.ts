import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './chromium.js'
import { AGENT, environment, startInboxServer, type InboxServer } from './inbox-harness.js'

// The worst a real report brings: long strings with no place to break (a path, an exception
// name, a URL with its query, an Electron user agent, a pre-release version).
const EXCEPTION =
  'SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_0xC0000005_at_KvantEnergo.Reports.Export.ExcelWriter.WriteSheet'
const URL_LONG = `https://energo.example.com/reports/export?period=2026-11&format=xlsx&columns=${'account_number,'.repeat(12)}total`
const UA = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)',
  'KvantEnergo/4.30.34-beta.20261124 Chrome/131.0.6778.86 Electron/33.2.0 Safari/537.36',
].join(' ')
const VERSION = '4.30.34-beta.20261124.feature-export-rewrite+sha.9f1c2ab3e4d5'

let browser: Browser
let server: InboxServer
let page: Page

/** Whether anything on the page is wider than the window or sticks out of its card. */
const overflow = (p: Page) =>
  p.evaluate(() => {
    const out: string[] = []
    if (document.documentElement.scrollWidth > innerWidth) out.push('page')
    for (const el of document.querySelectorAll<HTMLElement>(
      '.card, .key-fact, .table-wrap, .filters',
    )) {
      if (el.scrollWidth > el.clientWidth + 1) out.push(el.className)
    }
    return out
  })

beforeAll(async () => {
  browser = await launchChromium()
  server = await startInboxServer()
  await server.file({
    subject: `Crash: ${EXCEPTION}`,
    description: `The export crashes.\n${EXCEPTION}\nOpened from ${URL_LONG}`,
    reporter: {
      name: 'Konstantin Konstantinopolsky-Vasilievsky',
      email:
        'konstantin.konstantinopolsky-vasilievsky.accounting@very-long-organization-name.example.com',
      organization: 'Regional Energy Distribution Company of the Volga Federal District',
    },
    app: { name: 'Kvant Energo Enterprise Edition', version: VERSION, build: '6255' },
    environment: {
      ...environment({ name: 'Windows', version: '11', bitness: 64, architecture: 'x64' }),
      url: URL_LONG,
      userAgent: UA,
    },
    context: {
      path: `C:\\Users\\konstantin\\AppData\\Local\\Kvant\\cache\\${'export-2026-11-'.repeat(6)}.xlsx`,
    },
    logs: [
      { level: 'error', message: `ExportError: ${EXCEPTION}${'/frame'.repeat(30)}` },
      { level: 'warn', message: 'Retrying the export', timestamp: '2026-11-24T09:58:12.000Z' },
    ],
  })
  page = await (
    await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'en-US' })
  ).newPage()
  await page.goto(`${server.url}/inbox`)
  await page.getByLabel('E-mail').fill(AGENT.email)
  await page.getByLabel('Password').fill(AGENT.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Queue' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the inbox with long unbroken strings', () => {
  it('keeps the queue within the window: long subjects wrap, long versions are cut with a title', async () => {
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 800 })
      await page.locator('tr[data-reference="DEMO-1"]').waitFor()
      expect(await overflow(page)).toEqual([])
      await page.screenshot({ path: `/tmp/inbox2-long-queue-${width}.png` })
    }
    const version = page.locator('tr[data-reference="DEMO-1"] td.mono')
    expect(await version.getAttribute('title')).toBe(`${VERSION} (6255)`)
    // The search and its placeholder are not squeezed out of sight.
    const search = page.locator('#search')
    expect(await search.evaluate((el: HTMLInputElement) => el.clientWidth)).toBeGreaterThanOrEqual(
      300,
    )
  })

  it('keeps every card of the ticket within its column, in both themes and in Russian', async () => {
    await page.setViewportSize({ width: 1366, height: 860 })
    await page.locator('tr[data-reference="DEMO-1"] a').click()
    await page.locator('.ticket-head h1').waitFor()
    await page.locator('.fold summary', { hasText: 'Context' }).click()
    // Two entries: the logs are open already.
    expect(await page.locator('.fold', { hasText: 'Logs' }).getAttribute('open')).toBe('')
    expect(await overflow(page)).toEqual([])
    // A log message gets the card's whole width, with or without a time before it.
    const widths = await page
      .locator('.log')
      .evaluateAll((logs) =>
        logs.map(
          (li) =>
            li.querySelector('.log-message')!.getBoundingClientRect().width /
            li.getBoundingClientRect().width,
        ),
      )
    expect(widths).toEqual([1, 1])
    // The entry sent without a time shows none (not the contract's 0), the other its own.
    expect(
      await page
        .locator('.log')
        .evaluateAll((logs) =>
          logs.map((li) => li.querySelector('time')?.getAttribute('datetime') ?? null),
        ),
    ).toEqual([null, '2026-11-24T09:58:12.000Z'])
    expect(await page.locator('.log-error').textContent()).toMatch(/^errorExportError:/)
    await page.locator('.ticket-side').screenshot({ path: '/tmp/inbox2-long-side.png' })
    // However long the application's name and version, the key facts share a line.
    const tops = await page
      .locator('.key-fact')
      .evaluateAll((facts) => facts.map((f) => f.getBoundingClientRect().top))
    expect(new Set(tops).size).toBe(1)
    await page.evaluate(() => scrollTo(0, 0))
    await page.screenshot({ path: '/tmp/inbox2-long-ticket.png', fullPage: true })
    await page.getByLabel('Theme').selectOption('dark')
    await page.locator('.topbar select').nth(1).selectOption('ru')
    await expect.poll(() => page.locator('.back').textContent()).toContain('Назад к очереди')
    // Dates follow the inbox's language, not only the browser's (en-US here).
    expect(await page.locator('.ticket-head time').textContent()).toMatch(
      /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/,
    )
    expect(await page.locator('.log time').textContent()).toMatch(/^\d{2}:\d{2}:\d{2}$/)
    expect(await overflow(page)).toEqual([])
    await page.evaluate(() => scrollTo(0, 0))
    await page.screenshot({ path: '/tmp/inbox2-long-ticket-dark-ru.png', fullPage: true })
    await page.setViewportSize({ width: 1024, height: 700 })
    expect(await overflow(page)).toEqual([])
    await page.screenshot({ path: '/tmp/inbox2-long-ticket-1024.png', fullPage: true })
  })
})
