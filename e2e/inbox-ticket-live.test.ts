// The ticket page as an agent works it, in Chromium against a real server: others' changes
// merged in live while the draft stays, the ticket's keys, the screenshot's lightbox, every
// action's message where the agent is looking, and no serious accessibility violation.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgent } from '../server/src/index.js'
import { seriousViolations } from './axe.js'
import { launchChromium } from './chromium.js'
import {
  AGENT,
  environment,
  inViewport,
  queueRows,
  screenshots,
  signIn,
  startInboxServer,
  type InboxServer,
} from './inbox-harness.js'

const shoot = screenshots('/tmp/e2e-inbox-ticket')
const WINDOWS = { name: 'Windows', version: '11', bitness: 64, architecture: 'x64' } as const
const HEIGHT = 860

let browser: Browser
let server: InboxServer
let context: BrowserContext
let page: Page
let alex: { id: string; name: string }
/** The reporter's status-page token of DEMO-1. */
let reporterToken: string

const shot = (name: string, fullPage = false) => shoot(page, name, fullPage)
/** The ticket as the server has it now. */
const stored = async (ref: string) =>
  (await (await server.api(`/api/v1/tickets/${ref}`)).json()) as {
    status: string
    assignee: { id: string } | null
    timeline: { type: string; data: Record<string, unknown> }[]
  }
const opened = (subject: string) => page.getByRole('heading', { name: subject, level: 1 }).waitFor()

/** A real PNG: a desktop app's error dialog, rendered by Chromium. */
async function errorDialogPng(): Promise<string> {
  const p = await browser.newPage({ viewport: { width: 900, height: 560 } })
  await p.setContent(`<body style="margin:0;font:14px sans-serif;background:#dfe6ee">
    <div style="margin:80px auto;width:480px;background:#fff;border:1px solid #889">
      <div style="background:#2b5797;color:#fff;padding:6px 10px">Kvant Energo 4.30.34</div>
      <p style="padding:18px 16px">Export failed: error 0x80070005 (access denied).</p></div></body>`)
  const png = await p.screenshot({ type: 'png' })
  await p.close()
  return `data:image/png;base64,${png.toString('base64')}`
}

beforeAll(async () => {
  browser = await launchChromium()
  server = await startInboxServer()
  alex = await createAgent(server.db, {
    email: 'alex@example.com',
    name: 'Alex Morgan',
    password: 'another good password',
    projects: ['DEMO'],
  })
  const filed = (await server.file({
    subject: 'Export fails with error 0x80070005',
    description: 'Export to Excel fails every time since this morning.',
    reporter: { name: 'Anna Ivanova', email: 'anna@example.com', organization: 'Energo LLC' },
    app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
    environment: environment(WINDOWS),
    screenshot: await errorDialogPng(),
  })) as { statusUrl?: string }
  reporterToken = new URL(filed.statusUrl!).pathname.split('/').pop()!
  await server.file({
    category: 'mass_incident',
    description: 'Nobody in the Kazan office can reach the server',
    environment: environment(WINDOWS),
  })
  await server.file({
    subject: 'Print preview shows an empty page',
    description: 'Print preview shows an empty page for the monthly report',
    reporter: { name: 'Oleg Petrov', email: 'oleg@example.com' },
    environment: environment(WINDOWS),
  })
  // Anna's second request, and another reporter's report of the same error.
  await server.file({
    subject: 'Export to Excel fails with error 0x80070005 for the monthly report',
    description: 'The monthly report export stops with error 0x80070005, access denied.',
    reporter: { name: 'Anna Ivanova', email: 'anna@example.com', organization: 'Energo LLC' },
    app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
    environment: environment(WINDOWS),
  })
  await server.file({
    subject: 'Excel export: error 0x80070005 access denied',
    description: 'Since the update the export to Excel says error 0x80070005.',
    reporter: { name: 'Irina Sokolova', email: 'irina@example.com' },
    app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
    environment: environment(WINDOWS),
  })
  await server.file({
    subject: 'Kazan: the server does not answer',
    description: 'From the Kazan office the server does not answer since 9:00.',
    reporter: { name: 'Olga Smirnova', email: 'olga@example.com' },
    environment: environment(WINDOWS),
  })
  // The team asked the reporter of DEMO-1 a question: it waits on the reporter.
  const asked = await server.api('/api/v1/tickets/DEMO-1/replies', {
    method: 'POST',
    json: { body: 'Which file do you export?', status: 'waiting_on_reporter' },
  })
  expect(asked.status).toBe(201)
  context = await browser.newContext({ viewport: { width: 1366, height: HEIGHT }, locale: 'en-US' })
  page = await context.newPage()
  await signIn(page, server)
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
})

describe('the ticket page, live', () => {
  it("shows the reporter's comment without a reload while the agent's draft stays", async () => {
    await page.goto(`${server.url}/inbox/tickets/DEMO-1`)
    await opened('Export fails with error 0x80070005')
    expect(await page.locator('.ticket-tags .status').textContent()).toBe('Waiting on reporter')
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'))
    await page
      .locator('#composer-body')
      .fill('Please update to 4.30.35: the export is fixed there.')
    await page.getByLabel('Assignee').selectOption({ label: 'Alex Morgan' })
    // Loaded afresh: the page hears changes once its event stream is there.
    await page.locator('[data-live="live"]').waitFor()
    const comment = await fetch(`${server.url}/api/v1/status/${reporterToken}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'It fails for every file, also the small ones.' }),
    })
    expect(comment.status).toBe(201)
    const fresh = page.locator('.timeline li.fresh[data-type="reporter_comment"]')
    await fresh.waitFor({ timeout: 10_000 })
    expect(await fresh.textContent()).toContain('It fails for every file')
    expect(await fresh.locator('.fresh-badge').textContent()).toBe('New')
    await expect.poll(() => page.locator('.ticket-tags .status').textContent()).toBe('In progress')
    expect(await page.locator('[data-live-change]').textContent()).toContain(
      'Changed by the reporter',
    )
    // The agent's text and pick are as they were, and the page was not loaded again.
    expect(await page.locator('#composer-body').inputValue()).toBe(
      'Please update to 4.30.35: the export is fixed there.',
    )
    expect(await page.getByLabel('Assignee').inputValue()).toBe(alex.id)
    expect(await page.getByRole('button', { name: 'Assign', exact: true }).count()).toBe(1)
    expect(await page.locator('[data-draft-kept]').textContent()).toContain(
      'Changed by the reporter while you were writing',
    )
    expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe(
      'same page',
    )
    await page.locator('.composer').scrollIntoViewIfNeeded()
    await shot('live-merge')
  })

  it('resolves only once the agent was told of the comment, each message in view', async () => {
    await page.getByRole('button', { name: 'Resolve' }).click()
    const warning = '.composer [data-notice="warning"]'
    await expect
      .poll(() => page.locator(warning).textContent())
      .toContain('Changed by the reporter in the meantime, so nothing was written')
    await expect.poll(() => inViewport(page.locator(warning))).toBe(true)
    expect((await stored('DEMO-1')).status).toBe('in_progress')
    await shot('stale-reply')
    // Asked again: the pick and the reply go together, on the version now shown.
    await page.getByRole('button', { name: 'Resolve' }).click()
    const done = '.composer [data-notice="success"]'
    await expect
      .poll(() => page.locator(done).textContent())
      .toBe('Saved · Assigned to Alex Morgan')
    await expect.poll(() => inViewport(page.locator(done))).toBe(true)
    const now = await stored('DEMO-1')
    expect(now.status).toBe('resolved')
    expect(now.assignee?.id).toBe(alex.id)
    expect(await page.locator('#composer-body').inputValue()).toBe('')
    // Its own changes are not news to the agent: the reporter's comment and the move it made are.
    expect(
      await page.locator('.timeline li.fresh').evaluateAll((l) => l.map((e) => e.dataset.type)),
    ).toEqual(['reporter_comment', 'status_changed'])
  })
})

describe("the ticket's keys", () => {
  it('says a refused link where it was asked for: "No ticket DEMO-999", once', async () => {
    await page.goto(`${server.url}/inbox/tickets/DEMO-3`)
    await opened('Print preview shows an empty page')
    await page.locator('.more').getByRole('button', { name: 'Link to a mass incident' }).click()
    await page.getByLabel('Mass incident (reference)').fill('DEMO-999')
    await page.getByRole('button', { name: 'Apply' }).click()
    const refused = '.more [data-notice="error"]'
    await expect.poll(() => page.locator(refused).textContent()).toBe('No ticket DEMO-999')
    expect(await page.locator('[data-notice]').count()).toBe(1)
    await expect.poll(() => inViewport(page.locator(refused))).toBe(true)
    await shot('link-refused')
  })

  it('takes the ticket with a, writes a note with n, resolves with e, each said in view', async () => {
    await page.goto(`${server.url}/inbox/tickets/DEMO-3`)
    await opened('Print preview shows an empty page')
    await page.locator('h1').click()
    await page.keyboard.press('a')
    const side = '.controls [data-notice="success"]'
    await expect.poll(() => page.locator(side).textContent()).toBe(`Assigned to ${AGENT.name}`)
    await expect.poll(() => inViewport(page.locator(side))).toBe(true)
    expect((await stored('DEMO-3')).status).toBe('in_progress')
    await page.locator('h1').click()
    await page.keyboard.press('n')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('composer-body')
    expect(
      await page.getByRole('tab', { name: 'Internal note' }).getAttribute('aria-selected'),
    ).toBe('true')
    // Typed into the composer, the letters are text, not commands.
    await page.keyboard.type('Asked the printing team; a, e and n are only letters here.')
    await page.keyboard.press('Control+Enter')
    const noted = '.composer [data-notice="success"]'
    await expect.poll(() => page.locator(noted).count()).toBe(1)
    await expect.poll(() => inViewport(page.locator(noted))).toBe(true)
    expect((await stored('DEMO-3')).timeline.map((e) => e.type)).toContain('internal_note')
    await page.locator('h1').click()
    await page.keyboard.press('e')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('composer-body')
    expect(
      await page.getByRole('tab', { name: 'Public reply' }).getAttribute('aria-selected'),
    ).toBe('true')
    expect(await page.getByLabel('Status after sending').inputValue()).toBe('resolved')
    expect(await page.getByRole('button', { name: 'Resolve' }).getAttribute('class')).toContain(
      'default',
    )
    await shot('resolve-key')
    await page.keyboard.type('Set the default printer again in Settings → Printing.')
    await page.keyboard.press('Control+Enter')
    await expect.poll(async () => (await stored('DEMO-3')).status).toBe('resolved')
    await expect.poll(() => page.locator('.ticket-tags .status').textContent()).toBe('Resolved')
  })
})

describe('the screenshot', () => {
  it('opens in a lightbox that zooms, moves and closes with Escape, focus back where it was', async () => {
    await page.goto(`${server.url}/inbox/tickets/DEMO-1`)
    await opened('Export fails with error 0x80070005')
    const thumb = page.getByRole('button', { name: 'Zoom in on Screenshot DEMO-1' })
    await thumb.click()
    const dialog = page.getByRole('dialog', { name: 'Screenshot DEMO-1' })
    await dialog.waitFor()
    const level = () => page.locator('.lightbox output').getAttribute('data-zoom').then(Number)
    const placed = () => page.locator('.lb-frame img').evaluate((img) => img.style.transform)
    // Fitted to the window at first (900×560 in a 1366×860 window: no need to shrink).
    await expect.poll(level).toBe(100)
    await page.keyboard.press('-')
    await expect.poll(level).toBe(80)
    await dialog.getByRole('button', { name: 'Zoom in' }).click()
    await page.keyboard.press('+')
    await expect.poll(level).toBe(125)
    // The wheel zooms around the pointer; a drag and the arrow keys move the image.
    const frame = (await page.locator('.lb-frame').boundingBox())!
    await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2)
    await page.mouse.wheel(0, -300)
    await expect.poll(level).toBeGreaterThan(125)
    const before = await placed()
    await page.mouse.down()
    await page.mouse.move(frame.x + frame.width / 2 + 120, frame.y + frame.height / 2 + 60, {
      steps: 4,
    })
    await page.mouse.up()
    await expect.poll(placed).not.toBe(before)
    const dragged = await placed()
    await page.keyboard.press('ArrowRight')
    await expect.poll(placed).not.toBe(dragged)
    // Two fingers spread apart on a touch screen zoom in too.
    const pinched = await level()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 })
    const y = frame.y + frame.height / 2
    const fingers = (a: number, b: number) => [
      { x: frame.x + a, y, id: 1 },
      { x: frame.x + b, y, id: 2 },
    ]
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: fingers(500, 600),
    })
    for (const spread of [40, 80, 120])
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: fingers(500 - spread, 600 + spread),
      })
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false })
    await expect.poll(level).toBeGreaterThan(pinched)
    await page.keyboard.press('1')
    await expect.poll(level).toBe(100)
    expect(await dialog.getByRole('link', { name: 'Open the original' }).getAttribute('href')).toBe(
      '/api/v1/tickets/DEMO-1/screenshot',
    )
    await shot('lightbox')
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      expect(await seriousViolations(page)).toEqual([])
    }
    await page.emulateMedia({ colorScheme: 'light' })
    // Escape closes the lightbox only: the page stays, the keyboard back on the thumbnail.
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(new URL(page.url()).pathname).toBe('/inbox/tickets/DEMO-1')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Zoom in on Screenshot DEMO-1')
  })
})

describe('who else is on the ticket', () => {
  it("shows a second agent's presence and typing, and that it left", async () => {
    await page.goto(`${server.url}/inbox/tickets/DEMO-4`)
    await opened('Export to Excel fails with error 0x80070005 for the monthly report')
    const other = await browser.newContext({
      viewport: { width: 1366, height: HEIGHT },
      locale: 'en-US',
    })
    const second = await other.newPage()
    await signIn(second, server, '/inbox', {
      email: 'alex@example.com',
      password: 'another good password',
    })
    await second.goto(`${server.url}/inbox/tickets/DEMO-4`)
    await second
      .getByRole('heading', {
        name: 'Export to Excel fails with error 0x80070005 for the monthly report',
      })
      .waitFor()
    // Each sees the other, near the top.
    const viewers = page.locator('.ticket-head .presence')
    await expect
      .poll(() => viewers.textContent(), { timeout: 10_000 })
      .toBe('Also on this ticket: Alex Morgan')
    expect(await viewers.getAttribute('aria-live')).toBe('polite')
    await expect
      .poll(() => second.locator('.ticket-head .presence').textContent())
      .toBe(`Also on this ticket: ${AGENT.name}`)
    // Alex types a reply: Ann sees it by her composer.
    await second.locator('#composer-body').pressSequentially('Looking at it')
    const typing = page.locator('.composer .presence.typing')
    await expect
      .poll(() => typing.textContent(), { timeout: 10_000 })
      .toBe('Alex Morgan is typing…')
    await page.locator('.composer').scrollIntoViewIfNeeded()
    await shot('presence')
    expect(await seriousViolations(page)).toEqual([])
    // Alex leaves the ticket: gone from Ann's page at once.
    await second.getByRole('link', { name: /Back to the queue/ }).click()
    await expect.poll(() => viewers.textContent(), { timeout: 10_000 }).toBe('')
    expect(await typing.textContent()).toBe('')
    await other.close()
  })
})

describe('the tickets around this one', () => {
  it("lists the reporter's other requests and searches the queue by the reporter", async () => {
    await page.goto(`${server.url}/inbox/tickets/DEMO-1`)
    await opened('Export fails with error 0x80070005')
    const reporter = page.locator('section[aria-labelledby="reporter-title"]')
    const others = reporter.locator('.ref-group', { hasText: 'Their other requests' })
    expect(await others.locator('.count').textContent()).toBe('1')
    expect(await others.locator('li').getAttribute('data-ref')).toBe('DEMO-4')
    const org = reporter.locator('.ref-group', { hasText: 'Other requests of Energo LLC' })
    expect(await org.locator('li').getAttribute('data-ref')).toBe('DEMO-4')
    await reporter.screenshot({ path: '/tmp/e2e-inbox-ticket/reporter.png' })
    await reporter.getByRole('link', { name: 'anna@example.com' }).click()
    await page.waitForURL(/\/inbox\?reporter=anna%40example\.com&status=all$/)
    await expect
      .poll(() => queueRows(page).then((r) => [...r].sort()))
      .toEqual(['DEMO-1', 'DEMO-4'])
    // Said in the filters, and taken off in one click.
    const chip = page.getByRole('button', { name: 'Remove the filter Reporter: anna@example.com' })
    await shot('queue-by-reporter')
    await chip.click()
    await page.waitForURL(/\/inbox\?status=all$/)
  })

  it('suggests similar open tickets on a new one and links it in one click', async () => {
    await page.goto(`${server.url}/inbox/tickets/DEMO-5`)
    await opened('Excel export: error 0x80070005 access denied')
    const similar = page.locator('.similar')
    await similar.locator('li[data-ref="DEMO-4"]').waitFor()
    expect(await similar.locator('li[data-ref="DEMO-4"]').textContent()).toContain(
      'same version and OS',
    )
    await shot('similar')
    await similar.getByRole('button', { name: 'Close as duplicate of DEMO-4' }).click()
    const done = similar.locator('[data-notice="success"]')
    await expect.poll(() => done.textContent()).toBe('Closed as a duplicate of DEMO-4')
    await expect.poll(() => inViewport(done)).toBe(true)
    await expect
      .poll(() => page.locator('.ticket-tags .status').textContent())
      .toBe('Closed · duplicate')
    const links = page.locator('section[aria-labelledby="links-title"]')
    expect(await links.locator('.ref-group', { hasText: 'Duplicate of' }).textContent()).toContain(
      'DEMO-4',
    )
    // Both ways: the original lists its duplicate.
    await links.getByRole('link', { name: 'DEMO-4' }).click()
    await opened('Export to Excel fails with error 0x80070005 for the monthly report')
    const duplicates = page.locator('.ref-group', { hasText: 'Its duplicates' })
    expect(await duplicates.locator('li').getAttribute('data-ref')).toBe('DEMO-5')
  })

  it("lists a mass incident's children with their reporters, and the child its incident", async () => {
    const linked = await server.api('/api/v1/tickets/DEMO-6/link', {
      method: 'POST',
      json: { parent: 'DEMO-2' },
    })
    expect(linked.status).toBe(200)
    await page.goto(`${server.url}/inbox/tickets/DEMO-2`)
    await opened('Nobody in the Kazan office can reach the server')
    const children = page.locator('.ref-group', { hasText: 'Linked tickets' })
    expect(await children.locator('.count').textContent()).toBe('1')
    const child = children.locator('li[data-ref="DEMO-6"]')
    expect(await child.textContent()).toContain('Kazan: the server does not answer')
    expect(await child.textContent()).toContain('Olga Smirnova')
    await page.locator('.ticket-side').screenshot({ path: '/tmp/e2e-inbox-ticket/links.png' })
    await child.getByRole('link', { name: 'DEMO-6' }).click()
    await opened('Kazan: the server does not answer')
    expect(await page.locator('.ref-group', { hasText: 'Part of' }).textContent()).toContain(
      'DEMO-2',
    )
    // The time the team works to: a new ticket's first response is due, then answered.
    expect(await page.locator('[data-time="time.due"]').textContent()).toMatch(
      /^First response due /,
    )
    await page.locator('#composer-body').fill('We are on it: the Kazan line is down.')
    await page.getByRole('button', { name: 'Reply', exact: true }).click()
    await expect
      .poll(() => page.locator('[data-time="time.answered"]').textContent())
      .toMatch(/^First response /)
  })
})

describe("a reply's files", () => {
  it('are attached by button, drop and paste, told when refused, sent with the reply', async () => {
    await page.goto(`${server.url}/inbox/tickets/DEMO-6`)
    await opened('Kazan: the server does not answer')
    const png = Buffer.from((await errorDialogPng()).split(',')[1]!, 'base64')
    await page.locator('.reply-files input[type=file]').setInputFiles([
      {
        name: 'steps.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Open Settings, then Network'),
      },
    ])
    // A screenshot pasted into the text, and one dropped on the composer.
    await page.evaluate(
      (bytes) => {
        const shot = (name: string) =>
          new File([new Uint8Array(bytes)], name, { type: 'image/png' })
        const pasted = new DataTransfer()
        pasted.items.add(shot('pasted.png'))
        document
          .getElementById('composer-body')!
          .dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, cancelable: true }),
          )
        const dropped = new DataTransfer()
        dropped.items.add(shot('dropped.png'))
        dropped.items.add(new File([new Uint8Array(9 * 1024 * 1024)], 'dump.bin'))
        const composer = document.querySelector('.composer')!
        composer.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: dropped, bubbles: true, cancelable: true }),
        )
        composer.dispatchEvent(
          new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }),
        )
      },
      [...png],
    )
    const attached = page.locator('.attached li .file-name')
    await expect
      .poll(() => attached.allTextContents())
      .toEqual(['steps.txt', 'pasted.png', 'dropped.png'])
    const refused = page.locator('.composer [data-notice="error"]')
    expect(await refused.textContent()).toBe('Not attached: dump.bin (larger than 8 MB).')
    await expect.poll(() => inViewport(refused)).toBe(true)
    expect(await page.locator('#composer-files-hint').textContent()).toContain(
      'up to 10 files, each up to 8 MB',
    )
    await page.getByRole('button', { name: 'Remove pasted.png' }).click()
    await expect.poll(() => attached.allTextContents()).toEqual(['steps.txt', 'dropped.png'])
    await shot('files')
    await page
      .locator('#composer-body')
      .fill('The network settings, step by step, and how it looks.')
    await page.getByRole('button', { name: 'Reply', exact: true }).click()
    const reply = page.locator('.timeline li[data-type="public_reply"]').last()
    await expect.poll(() => reply.locator('.files li').count()).toBe(2)
    expect(await reply.locator('[data-file="download"] a').getAttribute('download')).toBe(
      'steps.txt',
    )
    const thumb = reply.locator('[data-file="image"] img')
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(900)
    expect(await attached.count()).toBe(0)
    const files = (await stored('DEMO-6')).timeline.filter((e) => e.type === 'public_reply').at(-1)!
      .data.attachments as { name: string; contentType: string }[]
    expect(files.map((f) => [f.name, f.contentType])).toEqual([
      ['steps.txt', 'application/octet-stream'],
      ['dropped.png', 'image/png'],
    ])
    await reply.scrollIntoViewIfNeeded()
    await shot('files-sent')
  })

  it('shows a change made while its event stream was still connecting, with nothing else happening', async () => {
    // Another tab, whose stream is held back until the ticket is shown and changed meanwhile.
    const tab = await context.newPage()
    let release = () => {}
    const gate = new Promise<void>((open) => (release = open))
    await tab.route('**/api/v1/events', async (route) => {
      await gate
      await route.continue()
    })
    await tab.goto(`${server.url}/inbox/tickets/DEMO-3`)
    await tab
      .getByRole('heading', { name: 'Print preview shows an empty page', level: 1 })
      .waitFor()
    const note = await server.api('/api/v1/tickets/DEMO-3/notes', {
      method: 'POST',
      json: { body: 'Seen on the monthly report only: a template problem.' },
    })
    expect(note.status).toBe(201)
    const entry = tab.locator('.timeline li[data-type="internal_note"]', {
      hasText: 'a template problem',
    })
    await tab.waitForTimeout(1000)
    expect(await entry.count()).toBe(0)
    release()
    await entry.waitFor()
    expect(await entry.getAttribute('class')).toMatch(/\bfresh\b/)
    await tab.close()
  })
})

describe('the ticket page for everyone', () => {
  it('has no serious or critical accessibility violation, light or dark', async () => {
    await page.goto(`${server.url}/inbox/tickets/DEMO-1`)
    await opened('Export fails with error 0x80070005')
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      expect(await seriousViolations(page)).toEqual([])
      await shot(`ticket-${scheme}`, true)
    }
    await page.emulateMedia({ colorScheme: 'light' })
  })
})
