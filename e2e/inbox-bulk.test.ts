/**
 * Work on many tickets at once in a real Chromium against a real server: rows picked by click,
 * shift-click, `x` and the page's box, none of them moved by the bar that comes with the first
 * (it stands where the filters were); one change to all of them through the bulk API, each under
 * the lifecycle, and what it came to said in the viewport; `a` assigns to me; the time columns and
 * the order by first response due.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgent } from '../server/src/index.js'
import { seriousViolations } from './axe.js'
import { launchChromium } from './chromium.js'
import {
  AGENT,
  inViewport,
  queueRows,
  screenshots,
  signIn,
  startInboxServer,
  type InboxServer,
} from './inbox-harness.js'

const shot = screenshots('/tmp/e2e-inbox-bulk')
const look = screenshots('/tmp/look-inbox-bulk')

let browser: Browser
let server: InboxServer
let context: BrowserContext
let page: Page

type Stored = { assignee: { name: string } | null; priority: string; status: string }
const stored = async (ref: string) =>
  (await (await server.api(`/api/v1/tickets/${ref}`)).json()) as Stored & {
    parent: { reference: string } | null
    duplicateOf: { reference: string } | null
  }
const checkedRows = (p: Page) =>
  p
    .locator('.queue-table tbody tr')
    .evaluateAll((trs) =>
      trs
        .filter((tr) => tr.querySelector<HTMLInputElement>('.pick input')!.checked)
        .map((tr) => tr.getAttribute('data-reference')),
    )
const box = (p: Page, ref: string) => p.getByRole('checkbox', { name: `Select ${ref}` })
const bar = (p: Page) => p.getByRole('form', { name: 'Change the selected tickets' })
const result = (p: Page) => p.locator('.queue [data-notice]')
/** What the queue says of the checked rows: a live region there before the first is checked. */
const said = (p: Page) => p.locator('.queue > p[role="status"]')
/** Where each row of the queue is on the page (scrolled or not), as the agent aims at it. */
const rowBoxes = (p: Page) =>
  p.locator('.queue-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const r = tr.getBoundingClientRect()
      return [r.x, r.y + scrollY, r.width, r.height]
    }),
  )
/** A shift-click where an element was when `at` was taken, wherever it is now. */
async function shiftClickAt(p: Page, at: { x: number; y: number; width: number; height: number }) {
  await p.keyboard.down('Shift')
  await p.mouse.click(at.x + at.width / 2, at.y + at.height / 2)
  await p.keyboard.up('Shift')
}
const countOf = async (p: Page, name: string) =>
  Number(
    await p
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: new RegExp(`^${name} \\d+$`) })
      .locator('.view-count')
      .textContent(),
  )

beforeAll(async () => {
  browser = await launchChromium()
  server = await startInboxServer()
  for (let i = 1; i <= 20; i++)
    await server.file({ description: `Report ${i}: the export stops at row ${i * 100}` })
  for (const ref of ['DEMO-1', 'DEMO-2'])
    await server.api(`/api/v1/tickets/${ref}`, {
      method: 'PATCH',
      json: { status: 'closed', closeReason: 'rejected', reason: 'Spam' },
    })
  await createAgent(server.db, {
    email: 'alex@example.com',
    name: 'Alex Morgan',
    password: 'another good password',
    projects: ['DEMO'],
  })
  context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'en-US',
    reducedMotion: 'reduce',
  })
  page = await context.newPage()
  await signIn(page, server, '/inbox?status=all')
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
})

describe('work on many tickets at once', () => {
  it('assigns 20 tickets, 2 of them closed: 18 done, and the 2 refused named with the reason', async () => {
    await expect.poll(async () => (await queueRows(page)).length).toBe(20)
    expect(await bar(page).count()).toBe(0)
    expect(await said(page).textContent()).toBe('')
    await page.getByRole('checkbox', { name: 'Select every ticket shown' }).check()
    await bar(page).waitFor()
    expect(await said(page).textContent()).toBe('20 selected')
    expect(await bar(page).locator('.bulk-count').textContent()).toBe('20 selected')
    expect(await bar(page).getByLabel('Action').inputValue()).toBe('assign')
    expect(await bar(page).getByLabel('Assign to').inputValue()).toBe('me')
    await shot(page, 'bulk-bar')
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/tickets/bulk'))
    await bar(page).getByRole('button', { name: 'Apply to 20' }).click()
    expect((await sent).postDataJSON()).toMatchObject({ assigneeId: 'me' })
    await expect.poll(() => result(page).getAttribute('data-notice')).toBe('warning')
    expect(await result(page).evaluate((el) => el.firstChild?.textContent)).toBe(
      '18 of 20 changed, 2 refused:',
    )
    expect(await result(page).locator('li').allTextContents()).toEqual([
      'DEMO-1 is closed: it can’t be assigned',
      'DEMO-2 is closed: it can’t be assigned',
    ])
    expect(await inViewport(page.locator('.queue [data-notice]'))).toBe(true)
    // The refused stay checked; the queue and the counts show what is true now.
    await expect.poll(() => checkedRows(page)).toEqual(['DEMO-1', 'DEMO-2'])
    await expect
      .poll(() => page.locator('tr[data-reference="DEMO-20"] .col-assignee').textContent())
      .toBe(AGENT.name)
    expect(await page.locator('tr[data-reference="DEMO-1"] .col-assignee').textContent()).toBe(
      'Unassigned',
    )
    await expect.poll(() => countOf(page, 'Mine')).toBe(18)
    expect((await stored('DEMO-3')).assignee?.name).toBe(AGENT.name)
    expect((await stored('DEMO-1')).assignee).toBeNull()
    await shot(page, 'bulk-result')
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      expect(await seriousViolations(page)).toEqual([])
      await shot(page, `bulk-result-${scheme}`)
    }
    await page.emulateMedia({ colorScheme: 'light' })
    await bar(page).getByRole('button', { name: 'Clear the selection' }).click()
    await bar(page).waitFor({ state: 'detached' })
  })

  it('moves no row when the first is checked: a shift-click right after lands where it was aimed', async () => {
    for (const [width, height] of [
      [1280, 800],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height })
      await page.goto(`${server.url}/inbox?status=open`)
      await expect.poll(async () => (await queueRows(page)).length).toBe(18)
      const shown = (await queueRows(page)) as string[]
      const before = await rowBoxes(page)
      // Where the agent aims next, seen before the first click.
      const fifth = (await box(page, shown[5]!).boundingBox())!
      const third = (await box(page, shown[3]!).boundingBox())!
      await box(page, shown[1]!).click()
      await shiftClickAt(page, fifth)
      expect(await checkedRows(page)).toEqual(shown.slice(1, 6))
      // Once the bar and its styles are in, every row is where it was; the filters make way.
      await bar(page).waitFor()
      await page.waitForFunction(() =>
        [...document.styleSheets].some((sheet) => sheet.href?.endsWith('/queue-tools.css')),
      )
      expect(await rowBoxes(page)).toEqual(before)
      expect(await page.locator('#search').isVisible()).toBe(false)
      expect(await said(page).textContent()).toBe('5 selected')
      // A shift-click at a row seen before the bar came unchecks from the last one clicked.
      await shiftClickAt(page, third)
      expect(await checkedRows(page)).toEqual(shown.slice(1, 3))
      // Each action's fields take the same place.
      for (const action of ['priority', 'category', 'parent', 'duplicate', 'assign']) {
        await bar(page).getByLabel('Action').selectOption(action)
        expect(await rowBoxes(page)).toEqual(before)
      }
      await bar(page).getByLabel('Action').selectOption('duplicate')
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        expect(await seriousViolations(page)).toEqual([])
        await look(page, `bulk-bar-${width}x${height}-${scheme}`)
      }
      await page.emulateMedia({ colorScheme: 'light' })
      await bar(page).getByRole('button', { name: 'Clear the selection' }).click()
      await bar(page).waitFor({ state: 'detached' })
      expect(await page.locator('#search').isVisible()).toBe(true)
      expect(await said(page).textContent()).toBe('')
      expect(await rowBoxes(page)).toEqual(before)
    }
    await page.setViewportSize({ width: 1366, height: 860 })
  })

  it('picks a range with shift-click and single rows with x, in the order shown', async () => {
    await page.goto(`${server.url}/inbox?status=open`)
    await expect.poll(async () => (await queueRows(page)).length).toBe(18)
    const shown = (await queueRows(page)) as string[]
    await box(page, shown[2]!).click()
    await box(page, shown[6]!).click({ modifiers: ['Shift'] })
    expect(await checkedRows(page)).toEqual(shown.slice(2, 7))
    expect(await said(page).textContent()).toBe('5 selected')
    // Shift-click on a checked row unchecks the range from the last one clicked.
    await box(page, shown[4]!).click({ modifiers: ['Shift'] })
    expect(await checkedRows(page)).toEqual([shown[2], shown[3]])
    // x checks the row under the cursor, and unchecks it again; it is no key in a text field.
    await page.locator('body').click({ position: { x: 5, y: 600 } })
    await page.keyboard.press('Escape')
    await page.locator(`tr[data-reference="${shown[9]}"] .ref a`).focus()
    await page.keyboard.press('x')
    await page.keyboard.press('j')
    await page.keyboard.press('x')
    expect(await checkedRows(page)).toEqual([shown[2], shown[3], shown[9], shown[10]])
    await page.keyboard.press('x')
    expect(await checkedRows(page)).not.toContain(shown[10])
    // In a text field x is a letter: the bar's own field, the filters being out of the way.
    await bar(page).getByLabel('Action').selectOption('parent')
    const field = bar(page).getByLabel('Mass incident (reference)')
    await field.focus()
    await page.keyboard.press('x')
    expect(await field.inputValue()).toBe('x')
    expect(await checkedRows(page)).toEqual([shown[2], shown[3], shown[9]])
    await field.fill('')
    await shot(page, 'bulk-picked')
    // One change to the three: a new priority, all done.
    await bar(page).getByLabel('Action').selectOption('priority')
    await bar(page).getByLabel('New priority').selectOption('critical')
    await bar(page).getByRole('button', { name: 'Apply to 3' }).click()
    await expect.poll(() => result(page).textContent()).toBe('All 3 changed.')
    expect(await result(page).getAttribute('data-notice')).toBe('success')
    expect((await stored(shown[9]!)).priority).toBe('critical')
    expect(await bar(page).count()).toBe(0)
  })

  it('assigns the row under the cursor to me with a, or the checked ones', async () => {
    // Another agent's ticket: `a` takes it over.
    const alex = (await (await server.api('/api/v1/agents')).json()) as {
      items: { id: string; name: string }[]
    }
    const alexId = alex.items.find((a) => a.name === 'Alex Morgan')!.id
    for (const ref of ['DEMO-7', 'DEMO-8', 'DEMO-9'])
      await server.api(`/api/v1/tickets/${ref}`, { method: 'PATCH', json: { assigneeId: alexId } })
    await page.goto(`${server.url}/inbox?status=open&assignee=${alexId}`)
    await expect
      .poll(async () => (await queueRows(page)).sort())
      .toEqual(['DEMO-7', 'DEMO-8', 'DEMO-9'])
    await page.locator('tr[data-reference="DEMO-7"] .ref a').focus()
    await page.keyboard.press('a')
    await expect.poll(() => result(page).textContent()).toBe('All 1 changed.')
    expect((await stored('DEMO-7')).assignee?.name).toBe(AGENT.name)
    await expect.poll(async () => (await queueRows(page)).sort()).toEqual(['DEMO-8', 'DEMO-9'])
    // With rows checked, a takes those, not the one under the cursor.
    await box(page, 'DEMO-8').check()
    await box(page, 'DEMO-9').check()
    await page.keyboard.press('a')
    await expect.poll(() => result(page).textContent()).toBe('All 2 changed.')
    expect((await stored('DEMO-9')).assignee?.name).toBe(AGENT.name)
    await expect.poll(() => page.locator('.empty').isVisible()).toBe(true)
  })

  it('links to a mass incident and closes as duplicates by reference, and says when one is wrong', async () => {
    const mass = await server.file({
      category: 'mass_incident',
      description: 'Printing is down for everyone',
    })
    const [a, b, c] = [
      await server.file({ description: 'The printer jams on page two' }),
      await server.file({ description: 'The printer prints blank pages' }),
      await server.file({ description: 'The printer is offline' }),
    ].map((t) => t.reference)
    await page.goto(`${server.url}/inbox?q=printer`)
    // The words are the printer's: the mass incident is found by its reference, not listed here.
    await expect.poll(async () => (await queueRows(page)).sort()).toEqual([a, b, c].sort())
    await box(page, a!).check()
    await box(page, b!).check()
    await bar(page).getByLabel('Action').selectOption('parent')
    const target = bar(page).getByLabel('Mass incident (reference)')
    await target.fill('DEMO-999')
    await bar(page).getByRole('button', { name: 'Apply to 2' }).click()
    await expect.poll(() => result(page).textContent()).toBe('There is no ticket DEMO-999.')
    expect(await inViewport(page.locator('.queue [data-notice]'))).toBe(true)
    await target.fill(c!)
    await bar(page).getByRole('button', { name: 'Apply to 2' }).click()
    await expect.poll(() => result(page).textContent()).toBe(`${c} is not a mass incident.`)
    await target.fill(mass.reference)
    await bar(page).getByRole('button', { name: 'Apply to 2' }).click()
    await expect.poll(() => result(page).textContent()).toBe('All 2 changed.')
    expect((await stored(a!)).parent?.reference).toBe(mass.reference)
    // Closed as duplicates: a comment for the reporters is needed.
    for (const ref of [a!, b!]) await box(page, ref).check()
    await bar(page).getByLabel('Action').selectOption('duplicate')
    await bar(page).getByLabel('Duplicate of (reference)').fill(c!)
    await bar(page).getByRole('button', { name: 'Apply to 2' }).click()
    await expect
      .poll(() => result(page).textContent())
      .toBe('Write the comment the reporters will read.')
    await bar(page).getByLabel('Comment to the reporters').fill('The same problem as the other')
    await bar(page).getByRole('button', { name: 'Apply to 2' }).click()
    await expect.poll(() => result(page).textContent()).toBe('All 2 changed.')
    expect(await stored(b!)).toMatchObject({ status: 'closed', duplicateOf: { reference: c } })
    await shot(page, 'bulk-duplicates')
  })

  it('shows how long each ticket has waited and when its first response is due, and sorts by it', async () => {
    await server.api('/api/v1/tickets/DEMO-12/replies', {
      method: 'POST',
      json: { body: 'Fixed, please try again', status: 'resolved' },
    })
    await page.goto(`${server.url}/inbox?status=open`)
    await expect.poll(async () => (await queueRows(page)).length).toBeGreaterThan(10)
    const cell = (ref: string, col: 'age' | 'due') =>
      page.locator(`tr[data-reference="${ref}"] td.${col}`)
    // Not answered yet: due in a while (or late), waiting since it came.
    expect(await cell('DEMO-20', 'due').textContent()).toMatch(/^(in \d+[smhdw]|\d+[smhdw] late)$/)
    expect(await cell('DEMO-20', 'age').textContent()).toMatch(/^\d+[smhdw]$/)
    expect(await cell('DEMO-20', 'due').locator('time').getAttribute('title')).toMatch(
      /^First response (due|was due) /,
    )
    // Resolved: answered, waiting on the reporter, and the day it closes by itself.
    const auto = (
      (await (await server.api('/api/v1/tickets/DEMO-12')).json()) as { autoCloseDueAt: string }
    ).autoCloseDueAt
    expect(await cell('DEMO-12', 'due').textContent()).toMatch(/^closes \w+ \d+$/)
    expect(await cell('DEMO-12', 'due').locator('time').getAttribute('datetime')).toBe(auto)
    expect(await cell('DEMO-12', 'age').textContent()).toBe('—')
    await page.getByLabel('Order').selectOption({ label: 'First response due' })
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('first_response_due')
    const expected = (
      (await (
        await server.api('/api/v1/tickets?status=open&sort=first_response_due&limit=50')
      ).json()) as { items: { reference: string }[] }
    ).items.map((i) => i.reference)
    await expect.poll(() => queueRows(page)).toEqual(expected)
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toBe('Due')
    // The order stays when another view is chosen, and in the URL across a reload.
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: /^New/ })
      .click()
    await expect.poll(() => new URL(page.url()).search).toBe('?status=new&sort=first_response_due')
    await page.reload()
    expect(await page.getByLabel('Order').inputValue()).toBe('first_response_due')
    await shot(page, 'queue-by-due')
  })
})
