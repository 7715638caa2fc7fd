/**
 * The queue's views in a real Chromium against a real server: the sidebar's standard views with
 * the server's counts, kept live as tickets arrive through intake (one filed while the event
 * stream connects included); saved views; the list of every shortcut; the list beside the open
 * ticket on a wide screen; no serious accessibility violation.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe.js'
import { launchChromium } from './chromium.js'
import {
  environment,
  inViewport,
  queueRows,
  screenshots,
  signIn,
  startInboxServer,
  type InboxServer,
} from './inbox-harness.js'

const shot = screenshots('/tmp/e2e-inbox-views')
const WINDOWS = { name: 'Windows', version: '11', bitness: 64, architecture: 'x64' } as const

let browser: Browser
let server: InboxServer
let context: BrowserContext
let page: Page

type View = { id: string; kind: string; name: string | null; query: string; count: number }
const serverViews = async () =>
  ((await (await server.api('/api/v1/views')).json()) as { items: View[] }).items

const sidebar = (p: Page) => p.getByRole('navigation', { name: 'Views' })
const viewLink = (p: Page, name: string) =>
  sidebar(p).getByRole('link', { name: new RegExp(`^${name}( shared)?( \\d+)?$`) })
/** The number a view's link shows, as the agent reads it. */
const countOf = async (p: Page, name: string) =>
  Number(await viewLink(p, name).locator('.view-count').textContent())

beforeAll(async () => {
  browser = await launchChromium()
  server = await startInboxServer()
  const app = { name: 'Kvant Energo', version: '4.30.34', build: '6255' }
  const env = environment(WINDOWS)
  await server.file({ description: 'Print preview is empty', app, environment: env })
  await server.file({
    blocking: true,
    subject: 'Export fails with error 0x80070005',
    description: 'Export to Excel fails every time',
    reporter: { name: 'Anna Ivanova', email: 'anna@example.com' },
    app,
    environment: env,
  })
  await server.file({
    category: 'mass_incident',
    description: 'Nobody in the Kazan office can reach the server',
    app,
    environment: env,
  })
  await server.file({ category: 'consultation', description: 'How do I change the language?' })
  const asked = await server.file({ description: 'The invoice total is wrong' })
  await server.api(`/api/v1/tickets/${asked.reference}/replies`, {
    method: 'POST',
    json: { body: 'Which invoice?', status: 'waiting_on_reporter' },
  })
  const mine = await server.file({ description: 'The report button does nothing' })
  await server.api(`/api/v1/tickets/${mine.reference}`, {
    method: 'PATCH',
    json: { assigneeId: 'me', priority: 'high' },
  })
  const closed = await server.file({ description: 'Spam' })
  await server.api(`/api/v1/tickets/${closed.reference}`, {
    method: 'PATCH',
    json: { status: 'closed', closeReason: 'rejected', reason: 'Spam' },
  })
  // Without transitions: axe reads colours as they are, not halfway to a row's highlight.
  // Wide: the views beside the queue, the list beside an open ticket.
  context = await browser.newContext({
    viewport: { width: 1536, height: 900 },
    locale: 'en-US',
    reducedMotion: 'reduce',
  })
  page = await context.newPage()
  await signIn(page, server)
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
})

describe('the views of the queue', () => {
  it("lists the standard views with the server's counts, and marks the one shown", async () => {
    const expected = (await serverViews()).filter((v) => v.kind === 'standard')
    expect(Object.fromEntries(expected.map((v) => [v.id, v.count]))).toEqual({
      new: 4,
      mine: 1,
      unassigned: 5,
      waiting_on_reporter: 1,
      awaiting_confirmation: 0,
      urgent: 2,
      closed: 1,
    })
    const names = {
      new: 'New',
      mine: 'Mine',
      unassigned: 'Unassigned',
      waiting_on_reporter: 'Waiting on reporter',
      awaiting_confirmation: 'Awaiting confirmation',
      urgent: 'Critical and blocking',
      closed: 'Closed',
    } as Record<string, string>
    await expect.poll(() => countOf(page, 'New')).toBe(4)
    for (const view of expected) expect(await countOf(page, names[view.id]!)).toBe(view.count)
    // The default queue is the first entry, and the one shown now.
    expect(await viewLink(page, 'Open').getAttribute('aria-current')).toBe('page')
    await shot(page, 'view-open')
    // Each view opens its tickets, marked as the one shown, with the count it says.
    for (const view of expected) {
      await viewLink(page, names[view.id]!).click()
      await expect
        .poll(() => viewLink(page, names[view.id]!).getAttribute('aria-current'))
        .toBe('page')
      await expect.poll(async () => (await queueRows(page)).length).toBe(view.count)
      expect(await sidebar(page).locator('[aria-current]').count()).toBe(1)
      await shot(page, `view-${view.id}`)
    }
    // The URL is the view: the critical and blocking ones, in the filter bar too.
    await viewLink(page, 'Critical and blocking').click()
    await expect.poll(() => new URL(page.url()).search).toBe('?status=open&urgent=true')
    expect(await page.getByLabel('Critical or blocking').isChecked()).toBe(true)
    await page.reload()
    await expect
      .poll(() => viewLink(page, 'Critical and blocking').getAttribute('aria-current'))
      .toBe('page')
  })

  it('changes the counts live when a ticket arrives through intake, without a reload', async () => {
    await viewLink(page, 'New').click()
    await expect.poll(() => queueRows(page).then((r) => r.length)).toBe(4)
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'))
    const asked: string[] = []
    const onRequest = (r: { url(): string }) =>
      void (r.url().endsWith('/api/v1/views') && asked.push(r.url()))
    page.on('request', onRequest)
    await server.file({ blocking: true, description: 'The invoice screen freezes after login' })
    await expect.poll(() => countOf(page, 'New'), { timeout: 10_000 }).toBe(5)
    expect(await countOf(page, 'Unassigned')).toBe(6)
    expect(await countOf(page, 'Critical and blocking')).toBe(3)
    // Told politely, once, not on every change.
    await expect
      .poll(() => sidebar(page).locator('[aria-live="polite"].sr-only').textContent())
      .toBe('Tickets now: New: 5, Unassigned: 6, Critical and blocking: 3')
    // A burst of ten reports: the counts are asked for at most once a second, and end right.
    asked.length = 0
    const started = Date.now()
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => server.file({ description: `Burst report ${i}` })),
    )
    await expect.poll(() => countOf(page, 'New'), { timeout: 10_000 }).toBe(15)
    await page.waitForTimeout(1200)
    const seconds = (Date.now() - started) / 1000
    expect(asked.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1)
    page.off('request', onRequest)
    expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe(
      'same page',
    )
    await shot(page, 'view-new-live')
  })

  it('saves the filters shown as a view, opens it, renames it and deletes it', async () => {
    await viewLink(page, 'Open').click()
    await page.locator('#f-category').selectOption('consultation')
    await expect.poll(() => queueRows(page)).toEqual(['DEMO-4'])
    await page.getByRole('button', { name: 'Save this view' }).click()
    const name = page.getByLabel('Name of the view')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('view-new-name')
    // The server checks the name: blank is refused, said next to the form, in sight.
    await name.fill('   ')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    const refused = sidebar(page).locator('[data-notice="error"]')
    await expect.poll(() => refused.textContent()).toContain('name')
    expect(await inViewport(page.locator('.views [data-notice="error"]'))).toBe(true)
    await name.fill('Questions')
    await page.getByLabel('Shared with everyone').check()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect
      .poll(() => sidebar(page).locator('[data-notice="success"]').textContent())
      .toBe('Saved “Questions”.')
    expect(await inViewport(page.locator('.views [data-notice="success"]'))).toBe(true)
    expect(await sidebar(page).getByRole('heading', { name: 'Saved views' }).count()).toBe(1)
    await expect.poll(() => viewLink(page, 'Questions').getAttribute('aria-current')).toBe('page')
    expect(await countOf(page, 'Questions')).toBe(1)
    const saved = (await serverViews()).find((v) => v.name === 'Questions')!
    expect(saved).toMatchObject({ kind: 'shared', count: 1 })
    await shot(page, 'view-saved')
    // Opened from another view, it shows what it was saved with.
    await viewLink(page, 'New').click()
    await expect.poll(() => queueRows(page).then((r) => r.length)).toBe(15)
    await viewLink(page, 'Questions').click()
    await expect.poll(() => queueRows(page)).toEqual(['DEMO-4'])
    expect(await page.locator('#f-category').inputValue()).toBe('consultation')
    // Renamed, then deleted after a second question.
    await page.getByRole('button', { name: 'Change the view “Questions”' }).click()
    await page.getByLabel('Name of the view').fill('Consultations')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect
      .poll(() => sidebar(page).locator('[data-notice="success"]').textContent())
      .toBe('Changed “Consultations”.')
    expect(await viewLink(page, 'Consultations').count()).toBe(1)
    await page.getByRole('button', { name: 'Change the view “Consultations”' }).click()
    await page.getByRole('button', { name: 'Delete' }).click()
    expect(await page.getByText('Delete “Consultations” for everyone?').count()).toBe(1)
    await page.getByRole('button', { name: 'Delete' }).click()
    await expect
      .poll(() => sidebar(page).locator('[data-notice="success"]').textContent())
      .toBe('Deleted “Consultations”.')
    expect(await viewLink(page, 'Consultations').count()).toBe(0)
    expect((await serverViews()).filter((v) => v.kind !== 'standard')).toEqual([])
  })

  it('lists every shortcut on ?, in a dialog that keeps the focus and closes on Escape', async () => {
    await viewLink(page, 'Open').click()
    // Typed into a field, ? is text.
    await page.locator('#search').fill('')
    await page.locator('#search').press('?')
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await page.locator('#search').inputValue()).toBe('?')
    await page.locator('#search').fill('')
    await page.locator('#search').press('Escape')
    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await dialog.waitFor()
    const listed = await dialog
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map(
          (tr) => `${tr.querySelector('th')!.textContent} ${tr.querySelector('td')!.textContent}`,
        ),
      )
    for (const line of [
      'j↓ Next ticket',
      'k↑ Previous ticket',
      'Enter Open the ticket',
      'x Select the ticket or unselect it (Shift-click on the boxes selects a range)',
      'a Assign the selected tickets, or the one under the cursor, to me',
      'r Write a public reply',
      'n Write an internal note',
      'e Resolve with a public reply',
      'a Assign the ticket to me',
      'Esc Back to the queue',
      '/ Search the queue',
      '? This list',
    ])
      expect(listed).toContain(line)
    expect(await dialog.locator('caption').allTextContents()).toEqual([
      'In the queue',
      'On a ticket',
      'Everywhere',
    ])
    await shot(page, 'shortcuts')
    expect(await seriousViolations(page)).toEqual([])
    // The focus stays in the dialog, however often Tab is pressed.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true)
    }
    // j does nothing behind it.
    const before = await page.locator('tr.selected').getAttribute('data-reference')
    await page.keyboard.press('j')
    expect(await page.locator('tr.selected').getAttribute('data-reference')).toBe(before)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(new URL(page.url()).pathname).toBe('/inbox')
  })

  it('has no serious or critical accessibility violation, light and dark, with the bulk bar', async () => {
    await page.getByRole('checkbox', { name: 'Select DEMO-2' }).check()
    await page.getByRole('checkbox', { name: 'Select DEMO-3' }).check()
    await page.getByRole('form', { name: 'Change the selected tickets' }).waitFor()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      expect(await seriousViolations(page)).toEqual([])
      await shot(page, `queue-axe-${scheme}`)
    }
    // On a laptop the views are above the queue, and nothing scrolls sideways.
    await page.setViewportSize({ width: 1024, height: 700 })
    expect(await seriousViolations(page)).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)
    await shot(page, 'queue-laptop-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await page.setViewportSize({ width: 1536, height: 900 })
    await page.getByRole('button', { name: 'Clear the selection' }).click()
  })

  it('shows the list beside the open ticket on a wide screen, and the ticket alone on a smaller one', async () => {
    await viewLink(page, 'New').click()
    await expect.poll(() => queueRows(page).then((r) => r.length)).toBe(15)
    const first = (await queueRows(page))[0]!
    await page.locator(`tr[data-reference="${first}"] a`).click()
    await page.waitForURL(new RegExp(`/inbox/tickets/${first}$`))
    const list = page.getByRole('navigation', { name: 'Tickets of the queue' })
    await list.waitFor()
    await expect
      .poll(() => list.locator('a[aria-current="page"] .list-ref').textContent())
      .toBe(first)
    // The keyboard is on the open ticket's row; j opens the next one beside the list.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-current')))
      .toBe('page')
    const next = await list.locator('li').nth(1).locator('.list-ref').textContent()
    await page.keyboard.press('j')
    await page.waitForURL(new RegExp(`/inbox/tickets/${next}$`))
    await expect
      .poll(() => list.locator('a[aria-current="page"] .list-ref').textContent())
      .toBe(next)
    await expect.poll(() => page.locator('.ticket-head .ref-big').textContent()).toBe(next)
    const side = (await list.boundingBox())!
    const ticket = (await page.locator('.ticket').boundingBox())!
    expect(side.x + side.width).toBeLessThanOrEqual(ticket.x)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)
    await shot(page, 'ticket-beside-list')
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'ticket-beside-list-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    // Escape: back to the queue, on the row it left from.
    await page.keyboard.press('Escape')
    await page.waitForURL(/\/inbox\?status=new$/)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.dataset.reference))
      .toBe(next)
    // Narrower, or on a phone, the ticket's address shows the ticket alone.
    for (const [width, height] of [
      [1366, 860],
      [1024, 700],
      [390, 800],
    ] as const) {
      await page.setViewportSize({ width, height })
      await page.goto(`${server.url}/inbox/tickets/${first}`)
      await page.locator('.ticket-head h1').waitFor()
      expect(await list.count()).toBe(0)
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(
        true,
      )
      await shot(page, `ticket-alone-${width}`)
    }
    // Opened by its address on a wide screen, the ticket comes with the queue it is in.
    await page.setViewportSize({ width: 1536, height: 900 })
    await page.goto(`${server.url}/inbox/tickets/${first}`)
    await expect
      .poll(() => list.locator('a[aria-current="page"] .list-ref').textContent())
      .toBe(first)
  })

  it('shows a ticket filed while the event stream was still connecting, and loads nothing twice when none was', async () => {
    // Another tab of the same agent, whose stream is held back until the test lets it go.
    const tab = await context.newPage()
    const asked: string[] = []
    tab.on('request', (r) => {
      const url = new URL(r.url())
      if (url.pathname.startsWith('/api/')) asked.push(`${url.pathname}${url.search}`)
    })
    let release = () => {}
    const held = () => {
      const gate = new Promise<void>((open) => (release = open))
      return tab.route('**/api/v1/events', async (route) => {
        await gate
        await route.continue()
      })
    }
    const lists = () => asked.filter((a) => a.startsWith('/api/v1/tickets?status='))
    const looks = () => asked.filter((a) => a.startsWith('/api/v1/tickets?updatedSince='))
    const views = () => asked.filter((a) => a === '/api/v1/views')

    // Nothing changes while it connects: one small look, nothing loaded again.
    await held()
    await tab.goto(`${server.url}/inbox?status=new`)
    await expect.poll(async () => (await queueRows(tab)).length).toBeGreaterThan(0)
    const looked = tab.waitForResponse((r) => r.url().includes('updatedSince='))
    release()
    expect(await (await looked).json()).toEqual({ items: [], nextCursor: null })
    await expect.poll(() => tab.locator('.live').textContent()).toBe('Live')
    await tab.waitForTimeout(600)
    expect([lists().length, views().length, looks().length]).toEqual([1, 1, 1])
    expect(looks()[0]).toMatch(/^\/api\/v1\/tickets\?updatedSince=[^&]+&limit=1$/)

    // A ticket filed after the queue was read and before the stream heard of changes: no event
    // tells of it, yet it shows once the stream is there, with nothing else happening.
    await tab.unrouteAll()
    asked.length = 0
    await held()
    await tab.reload()
    await expect.poll(async () => (await queueRows(tab)).length).toBeGreaterThan(0)
    const newBefore = await countOf(tab, 'New')
    const filed = await server.file({ description: 'Filed while the inbox was connecting' })
    await tab.waitForTimeout(1000)
    expect(await queueRows(tab)).not.toContain(filed.reference)
    release()
    await expect.poll(() => queueRows(tab)).toContain(filed.reference)
    expect(
      await tab.locator(`tr[data-reference="${filed.reference}"]`).getAttribute('class'),
    ).toMatch(/\bfresh\b/)
    await expect.poll(() => countOf(tab, 'New')).toBe(newBefore + 1)
    expect(looks()).toHaveLength(1)
    expect(lists()).toHaveLength(2)
    await tab.close()
  })
})
