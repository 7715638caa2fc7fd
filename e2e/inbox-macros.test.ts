// Saved replies in Chromium against a real server: made on their page (an unknown variable
// refused by name, where the agent is looking), chosen in the composer by typing /, filled in
// for the ticket, sent with the status and priority they carry; deleted again.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe.js'
import { launchChromium } from './chromium.js'
import {
  AGENT,
  environment,
  inViewport,
  screenshots,
  signIn,
  startInboxServer,
  type InboxServer,
} from './inbox-harness.js'

const shoot = screenshots('/tmp/e2e-inbox-macros')
const WINDOWS = { name: 'Windows', version: '11', bitness: 64, architecture: 'x64' } as const
const NAME = 'Fixed in the next version'

let browser: Browser
let server: InboxServer
let context: BrowserContext
let page: Page

const stored = async (ref: string) =>
  (await (await server.api(`/api/v1/tickets/${ref}`)).json()) as {
    status: string
    priority: string
    timeline: { type: string; data: { body?: string } }[]
  }

beforeAll(async () => {
  browser = await launchChromium()
  server = await startInboxServer()
  await server.file({
    subject: 'Export fails with error 0x80070005',
    description: 'Export to Excel fails every time since this morning.',
    reporter: { name: 'Anna Ivanova', email: 'anna@example.com' },
    app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
    environment: environment(WINDOWS),
  })
  context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'en-US' })
  page = await context.newPage()
  await signIn(page, server)
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
})

describe('saved replies', () => {
  it('are made on their page, an unknown variable refused by name where the agent looks', async () => {
    await page.goto(`${server.url}/inbox/macros`)
    await page.getByRole('heading', { name: 'Saved replies', level: 1 }).waitFor()
    await expect.poll(() => page.getByText('No saved replies yet.').count()).toBe(1)
    await page.getByRole('button', { name: 'New saved reply' }).click()
    await page.getByLabel('Name').fill(NAME)
    await page
      .getByLabel('Text', { exact: true })
      .fill(
        'Hello {{reporter.name}}, {{reference}} is fixed in the version after {{app.version}}.\n{{agent.nme}}',
      )
    await page.getByLabel('Status after sending').selectOption({ label: 'Resolved' })
    await page.getByLabel('Priority').selectOption({ label: 'Low' })
    expect(await page.getByLabel('For').inputValue()).toBe('')
    await page.getByLabel('For').selectOption({ label: 'Demo' })
    await page.getByRole('button', { name: 'Save' }).click()
    const refused = page.locator('.macro-form [data-notice="error"]')
    await expect.poll(() => refused.textContent()).toContain('{{agent.nme}}')
    await expect.poll(() => inViewport(refused)).toBe(true)
    await shoot(page, 'refused')
    await page
      .getByLabel('Text', { exact: true })
      .fill(
        'Hello {{reporter.name}}, {{reference}} is fixed in the version after {{app.version}}.\n{{agent.name}}',
      )
    await page.getByRole('button', { name: 'Save' }).click()
    const said = page.locator('.macros-page > .notices [data-notice="success"]')
    await expect.poll(() => said.textContent()).toBe(`“${NAME}” saved.`)
    const item = page.locator('.macro-list li', { hasText: NAME })
    expect(await item.locator('.hint').textContent()).toBe(
      `Demo · sets Resolved · Low · ${AGENT.name}`,
    )
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      expect(await seriousViolations(page)).toEqual([])
      await shoot(page, `page-${scheme}`)
    }
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('fill the composer from a typed /, with what they set shown, and apply it all when sent', async () => {
    await page.goto(`${server.url}/inbox/tickets/DEMO-1`)
    await page.getByRole('heading', { name: 'Export fails with error 0x80070005' }).waitFor()
    await page.locator('#composer-body').focus()
    await page.keyboard.type('/')
    const search = page.getByRole('combobox', { name: 'Find a saved reply' })
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await page.locator('#composer-body').inputValue()).toBe('')
    await page.keyboard.type('next vers')
    const option = page.getByRole('option', { name: new RegExp(NAME) })
    expect(await option.getAttribute('aria-selected')).toBe('true')
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      expect(await seriousViolations(page)).toEqual([])
      await shoot(page, `picker-${scheme}`)
    }
    await page.emulateMedia({ colorScheme: 'light' })
    await page.keyboard.press('Enter')
    const text = page.locator('#composer-body')
    await expect
      .poll(() => text.inputValue())
      .toBe(`Hello Anna Ivanova, DEMO-1 is fixed in the version after 4.30.34.\n${AGENT.name}`)
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await page.getByLabel('Status after sending').inputValue()).toBe('resolved')
    expect(await page.getByLabel('Priority with this reply').inputValue()).toBe('low')
    const filled = page.locator('.composer [data-notice="success"]')
    expect(await filled.textContent()).toBe(`“${NAME}” filled in: check it, then send.`)
    await shoot(page, 'filled')
    // The agent adds a line and sends: the reply, its status and its priority in one change.
    await page.keyboard.press('End')
    await page.keyboard.type('\nPlease update and try again.')
    await page.keyboard.press('Control+Enter')
    await expect.poll(async () => (await stored('DEMO-1')).status).toBe('resolved')
    const now = await stored('DEMO-1')
    expect(now.priority).toBe('low')
    expect(now.timeline.find((e) => e.type === 'public_reply')?.data.body).toBe(
      `Hello Anna Ivanova, DEMO-1 is fixed in the version after 4.30.34.\n${AGENT.name}\nPlease update and try again.`,
    )
    const sent = page.locator('.composer [data-notice="success"]')
    await expect.poll(() => sent.textContent()).toBe('Saved')
    await expect.poll(() => inViewport(sent)).toBe(true)
    await expect.poll(() => page.locator('.ticket-tags .status').textContent()).toBe('Resolved')
  })

  it('close with Escape, the text untouched, and are deleted on their page', async () => {
    await page.locator('#composer-body').focus()
    await page.keyboard.type('#')
    const search = page.getByRole('combobox', { name: 'Find a saved reply' })
    await search.waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => search.count()).toBe(0)
    expect(new URL(page.url()).pathname).toBe('/inbox/tickets/DEMO-1')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('composer-body')
    await page.getByRole('button', { name: 'Saved replies' }).click()
    await page.getByRole('link', { name: 'Manage saved replies' }).click()
    await page.getByRole('heading', { name: 'Saved replies', level: 1 }).waitFor()
    const item = page.locator('.macro-list li', { hasText: NAME })
    await item.getByRole('button', { name: 'Delete' }).click()
    expect(await item.textContent()).toContain(`Delete “${NAME}” for everyone?`)
    await item.getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => page.locator('.macro-list li').count()).toBe(0)
    const items = ((await (await server.api('/api/v1/macros')).json()) as { items: unknown[] })
      .items
    expect(items).toEqual([])
  })
})
