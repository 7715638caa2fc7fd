import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgent } from '../server/src/index.js'
import { launchChromium } from './chromium.js'
import { AGENT, environment, startInboxServer, type InboxServer } from './inbox-harness.js'

let browser: Browser
let server: InboxServer
let context: BrowserContext
let page: Page
let alex: { id: string; name: string }
const cspViolations: string[] = []

/** A real PNG: a desktop app's error dialog, rendered by Chromium. */
async function errorDialogPng(): Promise<string> {
  const shot = await browser.newPage({ viewport: { width: 640, height: 400 } })
  await shot.setContent(`<body style="margin:0;font:14px sans-serif;background:#dfe6ee">
    <div style="margin:60px auto;width:420px;background:#fff;border:1px solid #889;box-shadow:0 4px 18px #0003">
      <div style="background:#2b5797;color:#fff;padding:6px 10px">Kvant Energo 4.30.34</div>
      <p style="padding:18px 16px">Export failed: error 0x80070005 (access denied).</p>
      <p style="text-align:right;padding:0 16px 14px"><button>OK</button></p></div></body>`)
  const png = await shot.screenshot({ type: 'png' })
  await shot.close()
  return `data:image/png;base64,${png.toString('base64')}`
}

const optionLabels = (p: Page, select: string) =>
  p.locator(`${select} option`).evaluateAll((options) => options.map((o) => o.textContent))

/** The ticket as the server has it now. */
const storedTicket = async (ref: string) =>
  (await (await server.api(`/api/v1/tickets/${ref}`)).json()) as {
    assignee: { id: string; name: string } | null
  }

/** The ticket's version on the server now: what a write moves on. */
const storedVersion = async (ref: string) =>
  ((await (await server.api(`/api/v1/tickets/${ref}`)).json()) as { version: number }).version

/** Both sides of every assignment in the timeline, oldest first. */
const assignments = (p: Page) =>
  p.locator('.timeline li[data-type="assigned"] .change').allTextContents()

const rows = (p: Page) =>
  p
    .locator('.queue-table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reference')))

beforeAll(async () => {
  browser = await launchChromium()
  server = await startInboxServer()
  const windows = { name: 'Windows', version: '10', bitness: 64, architecture: 'x64' } as const
  await server.file({
    description: 'Print preview shows an empty page',
    reporter: { name: 'Oleg Petrov', email: 'oleg@example.com' },
    app: { name: 'Kvant Energo', version: '4.30.33', build: '6201' },
    environment: environment(windows),
  })
  await server.file({
    category: 'mass_incident',
    description: 'Nobody in the Kazan office can reach the server',
    reporter: { name: 'Irina Sokolova', email: 'irina@example.com', organization: 'Kazan office' },
    app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
    environment: environment({ name: 'Windows', version: '11', bitness: 64, architecture: 'x64' }),
  })
  await server.file({
    blocking: true,
    subject: 'Export fails with error 0x80070005',
    description:
      'Export to Excel fails with error 0x80070005 every time since this morning.\nI cannot send the monthly report.',
    reporter: {
      name: 'Anna Ivanova',
      email: 'anna@example.com',
      phone: '+7 900 000-00-00',
      organization: 'Energo LLC',
    },
    app: { name: 'Kvant Energo', version: '4.30.34', build: '6255', environment: 'production' },
    environment: environment(
      { name: 'Windows', version: '11', bitness: 64, architecture: 'x64' },
      32,
    ),
    context: { userId: 'u-1842', module: 'reports/export', tariff: 'business' },
    logs: [
      {
        level: 'error',
        message: 'ExportError: access denied (0x80070005)',
        timestamp: '2026-11-24T09:58:12.000Z',
      },
    ],
    screenshot: await errorDialogPng(),
  })
  await server.file({
    category: 'consultation',
    description: 'How do I switch the report language to English?',
    reporter: { email: 'mark@example.com' },
    app: { name: 'Kvant Energo', version: '4.29.0', build: '5980' },
    environment: environment({
      name: 'macOS',
      version: '14.5',
      bitness: 64,
      architecture: 'arm64',
    }),
  })
  context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'en-US' })
  page = await context.newPage()
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text())
  })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
})

describe('the inbox in Chromium against a real Snagbox server', () => {
  it('refuses a wrong password with a clear message, then signs in', async () => {
    await page.goto(`${server.url}/inbox`)
    await page.getByLabel('E-mail').fill(AGENT.email)
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    // A busy machine may take seconds over the password check (scrypt).
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe('Wrong e-mail or password.')
    await page.screenshot({ path: '/tmp/inbox2-login.png' })
    await page.getByLabel('Password').fill(AGENT.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Queue' }).waitFor()
    await expect.poll(() => page.locator('.whoami').textContent()).toContain(AGENT.name)
  })

  it('shows the queue in the server order: open first, by priority, then age', async () => {
    await expect.poll(() => rows(page)).toEqual(['DEMO-2', 'DEMO-3', 'DEMO-1', 'DEMO-4'])
    const row = page.locator('tr[data-reference="DEMO-3"]')
    await expect.poll(() => row.textContent()).toContain('Windows 11 · 64-bit')
    const text = (await row.textContent())!
    expect(text).toContain('4.30.34 (6255)')
    expect(text).toContain('High')
    // The "High" badge reads at 4.5:1 or more against its own background (light theme).
    const ratio = await row.locator('.prio').evaluate((el) => {
      const lum = (css: string) => {
        const [r, g, b] = css
          .match(/\d+/g)!
          .slice(0, 3)
          .map((v) => Number(v) / 255)
        const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
      }
      const style = getComputedStyle(el)
      const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x)
      return (a! + 0.05) / (b! + 0.05)
    })
    expect(ratio).toBeGreaterThanOrEqual(4.5)
    // The default view is the tickets being worked on, said in words.
    expect(await page.locator('#f-status option:checked').textContent()).toBe('Open')
    expect(text).toContain('Anna Ivanova')
    expect(await row.locator('.shot [role="img"]').count()).toBe(1)
    expect(await page.locator('tr[data-reference="DEMO-2"] .prio').textContent()).toBe('Critical')
    await expect.poll(() => page.locator('.live').getAttribute('data-live')).toBe('live')
    await page.screenshot({ path: '/tmp/inbox2-queue.png' })
  })

  it('narrows the queue by search and keeps the view in the URL', async () => {
    await page.keyboard.press('/')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search')
    await page.keyboard.type('0x80070005')
    await expect.poll(() => rows(page)).toEqual(['DEMO-3'])
    expect(new URL(page.url()).searchParams.get('q')).toBe('0x80070005')
    // The URL is the view: opened fresh, it shows the same.
    await page.reload()
    await expect.poll(() => rows(page)).toEqual(['DEMO-3'])
    expect(await page.locator('#search').inputValue()).toBe('0x80070005')
    await page.getByLabel('Category').selectOption('consultation')
    await expect.poll(() => page.locator('.empty').isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(() => rows(page)).toEqual(['DEMO-2', 'DEMO-3', 'DEMO-1', 'DEMO-4'])
    expect(new URL(page.url()).search).toBe('')
  })

  it('opens a ticket from the keyboard with the environment and the screenshot', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } })
    // Tab focus and the j/k highlight are the same row, whichever moved last.
    const focused = () =>
      page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-reference'))
    const highlighted = () => page.locator('tr.selected').getAttribute('data-reference')
    await page.keyboard.press('j')
    await expect.poll(focused).toBe('DEMO-3')
    await page.keyboard.press('Tab')
    await expect.poll(focused).toBe('DEMO-1')
    expect(await highlighted()).toBe('DEMO-1')
    await page.keyboard.press('k')
    await expect.poll(focused).toBe('DEMO-3')
    expect(await highlighted()).toBe('DEMO-3')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/inbox\/tickets\/DEMO-3$/)
    await page.getByRole('heading', { name: 'Export fails with error 0x80070005' }).waitFor()
    expect(await page.locator('[data-fact="os"] .value').textContent()).toBe(
      'Windows 11 · 64-bit (x64)',
    )
    expect(await page.locator('[data-fact="app"] .value').textContent()).toBe(
      'Kvant Energo 4.30.34 (6255)',
    )
    expect(await page.locator('[data-fact="browser"] .value').textContent()).toBe(
      'Chrome 131.0.6778.86 · 32-bit',
    )
    expect(await page.locator('[data-env="env.build"] dd').textContent()).toBe('6255')
    expect(await page.locator('[data-env="env.bitness"] dd').textContent()).toBe('64-bit')
    expect(await page.locator('[data-env="env.browserBitness"] dd').textContent()).toBe('32-bit')
    const img = page.locator('.shot img')
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
      .toBe(640)
    expect(await page.locator('.shot a').first().getAttribute('href')).toBe(
      '/api/v1/tickets/DEMO-3/screenshot',
    )
    expect(await page.getByText('anna@example.com').count()).toBe(1)
    await page.screenshot({ path: '/tmp/inbox2-ticket.png', fullPage: true })
  })

  it('takes the ticket: assigned to the agent and in progress', async () => {
    expect(await page.getByLabel('Assignee').inputValue()).toBe('')
    await page.getByRole('button', { name: 'Take' }).click()
    await expect.poll(() => page.locator('.ticket-tags .status').textContent()).toBe('In progress')
    const me = ((await (await server.api('/api/v1/me')).json()) as { id: string }).id
    expect(await page.getByLabel('Assignee').inputValue()).toBe(me)
    expect(await page.locator('#c-assignee option:checked').textContent()).toBe(
      `${AGENT.name} (me)`,
    )
    expect(await page.getByRole('button', { name: 'Take' }).count()).toBe(0)
    expect(await assignments(page)).toEqual([`Unassigned → ${AGENT.name}`])
  })

  it('adds an internal note, marked internal', async () => {
    await page.getByRole('tab', { name: 'Internal note' }).click()
    await page
      .locator('#composer-body')
      .fill('Looks like the export folder lost its write permission')
    await page.getByRole('button', { name: 'Add note' }).click()
    const note = page.locator('.timeline li[data-type="internal_note"]')
    await note.waitFor()
    expect(await note.getAttribute('data-visibility')).toBe('internal')
    expect(await note.textContent()).toContain('Internal')
    expect(await note.textContent()).toContain('export folder lost its write permission')
    expect(await note.textContent()).toContain(AGENT.name)
  })

  it('resolves with a public reply from the keyboard composer', async () => {
    await page.locator('h1').click()
    await page.keyboard.press('r')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('composer-body')
    await page.keyboard.type('Fixed in 4.30.35: please update and try again.')
    await page.getByRole('button', { name: 'Resolve' }).click()
    await expect.poll(() => page.locator('.ticket-tags .status').textContent()).toBe('Resolved')
    const reply = page.locator('.timeline li[data-type="public_reply"]')
    expect(await reply.getAttribute('data-visibility')).toBe('public')
    expect(await reply.textContent()).toContain('Fixed in 4.30.35')
    const stored = (await (await server.api('/api/v1/tickets/DEMO-3')).json()) as { status: string }
    expect(stored.status).toBe('resolved')
    // A question is no longer offered once the solution is given.
    expect(await page.getByRole('button', { name: 'Ask for information' }).count()).toBe(0)
  })

  it('shows a ticket filed by another client without a reload', async () => {
    await page.keyboard.press('Escape')
    await page.waitForURL(/\/inbox$/)
    // Resolved, it waits for the reporter: out of the default queue, one choice away.
    await expect.poll(() => rows(page)).toEqual(['DEMO-2', 'DEMO-1', 'DEMO-4'])
    await page.locator('#f-status').selectOption({ label: 'Resolved' })
    await expect.poll(() => rows(page)).toEqual(['DEMO-3'])
    await page.locator('#f-status').selectOption({ label: 'Not closed' })
    await expect.poll(() => rows(page)).toContain('DEMO-3')
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(() => rows(page)).toEqual(['DEMO-2', 'DEMO-1', 'DEMO-4'])
    // The queue's own load has come back: what arrives now is news, not part of it.
    await expect.poll(() => page.locator('.queue[aria-busy="false"]').count()).toBe(1)
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'))
    await server.file({
      blocking: true,
      description: 'The invoice screen freezes after login',
      app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
      environment: environment({
        name: 'Windows',
        version: null,
        bitness: 32,
        architecture: 'x86',
      }),
    })
    const fresh = page.locator('tr[data-reference="DEMO-5"]')
    await fresh.waitFor({ timeout: 10_000 })
    expect(await fresh.getAttribute('class')).toContain('fresh')
    expect(await fresh.textContent()).toContain('Windows · 32-bit')
    expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe(
      'same page',
    )
    await page.screenshot({ path: '/tmp/inbox2-live.png' })
  })

  it('writes a priority only when the button says so, not at each step through the list', async () => {
    await page.locator('tr[data-reference="DEMO-1"] a').click()
    await page.getByRole('heading', { name: 'Print preview shows an empty page' }).waitFor()
    const priority = page.getByLabel('Priority')
    expect(await priority.inputValue()).toBe('normal')
    const before = await storedVersion('DEMO-1')
    const patches: string[] = []
    const onRequest = (r: { method(): string; url(): string }) =>
      void (r.method() === 'PATCH' && patches.push(r.url()))
    page.on('request', onRequest)
    // Up two steps from the keyboard on the closed list: a `change` at each, nothing written.
    await priority.focus()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => priority.inputValue()).toBe('critical')
    await page.getByLabel('Category').selectOption('consultation')
    expect(await page.getByRole('button', { name: 'Set priority' }).count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Set category' }).count()).toBe(1)
    await page.locator('.controls').screenshot({ path: '/tmp/inbox3-pending.png' })
    expect(patches).toEqual([])
    expect(await storedVersion('DEMO-1')).toBe(before)
    // Cancel puts back what the ticket says, and the keyboard stays on the list.
    await page
      .locator('.control')
      .filter({ has: page.locator('#c-category') })
      .getByRole('button', { name: 'Cancel' })
      .click()
    await expect.poll(() => page.getByLabel('Category').inputValue()).toBe('incident')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('c-category')
    expect(await page.getByRole('button', { name: 'Set category' }).count()).toBe(0)
    // The button writes the choice once, with the version the agent saw.
    const etag = (await server.api('/api/v1/tickets/DEMO-1')).headers.get('etag')
    const patch = page.waitForRequest(
      (r) => r.method() === 'PATCH' && r.url().endsWith('/api/v1/tickets/DEMO-1'),
    )
    await page.getByRole('button', { name: 'Set priority' }).click()
    const sent = await patch
    expect(sent.headers()['if-match']).toBe(etag)
    expect(sent.postDataJSON()).toEqual({ priority: 'critical' })
    await expect
      .poll(() => page.locator('[data-notice="success"]').textContent())
      .toBe('Priority is now Critical')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('c-priority')
    expect(await page.getByRole('button', { name: 'Set priority' }).count()).toBe(0)
    page.off('request', onRequest)
    expect(patches).toHaveLength(1)
    expect(await storedVersion('DEMO-1')).toBe(before + 1)
    expect(
      ((await (await server.api('/api/v1/tickets/DEMO-1')).json()) as { priority: string })
        .priority,
    ).toBe('critical')
  })

  it("merges another's change live and does not write a choice made before it over it", async () => {
    expect(await page.getByLabel('Priority').inputValue()).toBe('critical')
    // The agent chooses a category; another agent's bot changes the ticket meanwhile.
    await page.getByLabel('Category').selectOption('consultation')
    const res = await server.api('/api/v1/tickets/DEMO-1', {
      method: 'PATCH',
      json: { priority: 'low' },
    })
    expect(res.status).toBe(200)
    // Merged into the page without a reload, said once and by whom; the choice still waits.
    await expect
      .poll(() => page.getByLabel('Priority').inputValue(), { timeout: 10_000 })
      .toBe('low')
    expect(await page.locator('[data-live-change]').textContent()).toContain(
      `Changed by ${AGENT.name}'s API token`,
    )
    expect(await page.locator('.timeline li.fresh').textContent()).toContain('Critical → Low')
    expect(await page.getByLabel('Category').inputValue()).toBe('consultation')
    const patches: string[] = []
    const onRequest = (r: { method(): string; url(): string }) =>
      void (r.method() === 'PATCH' && patches.push(r.url()))
    page.on('request', onRequest)
    await page.getByRole('button', { name: 'Set category' }).click()
    const warning = page.locator('.controls [data-notice="warning"]')
    await expect
      .poll(() => warning.textContent())
      .toContain(`Changed by ${AGENT.name}'s API token in the meantime, so nothing was written`)
    page.off('request', onRequest)
    expect(patches).toEqual([])
    const box = (await warning.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(860)
    // Kept for the agent to confirm or drop, and not written over the other change.
    expect(await page.getByLabel('Category').inputValue()).toBe('consultation')
    const stored = (await (await server.api('/api/v1/tickets/DEMO-1')).json()) as {
      category: string
      priority: string
    }
    expect(stored).toMatchObject({ category: 'incident', priority: 'low' })
    await page
      .locator('.control')
      .filter({ has: page.locator('#c-category') })
      .getByRole('button', { name: 'Cancel' })
      .click()
    await expect.poll(() => page.getByLabel('Category').inputValue()).toBe('incident')
  })

  it("shows the server's field errors and writes nothing", async () => {
    await page.locator('.more').getByRole('button', { name: 'Close as duplicate' }).click()
    await page.getByLabel('Duplicate of (reference)').fill('DEMO-1')
    await page.getByLabel('Comment to the reporter').fill('Same problem')
    await page.getByRole('button', { name: 'Apply' }).click()
    const refused = page.locator('.more [data-notice="error"]')
    await expect.poll(() => refused.textContent()).toContain('must be another ticket')
    // Said once, next to the button pressed, where the agent is looking.
    expect((await refused.textContent())!.match(/must be another ticket/g)).toHaveLength(1)
    expect(await page.locator('[data-notice]').count()).toBe(1)
    expect(await refused.evaluate((el) => el.getBoundingClientRect().top >= 0)).toBe(true)
    expect(await refused.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight)).toBe(
      true,
    )
    expect(
      ((await (await server.api('/api/v1/tickets/DEMO-1')).json()) as { status: string }).status,
    ).toBe('new')
  })

  it('keeps a reply being written when the ticket is closed meanwhile', async () => {
    await page.goto(`${server.url}/inbox/tickets/DEMO-4`)
    await page
      .getByRole('heading', { name: 'How do I switch the report language to English?' })
      .waitFor()
    await page.locator('#composer-body').fill('Open Settings → Language')
    // Loaded afresh: the page hears changes once its event stream is there.
    await page.locator('[data-live="live"]').waitFor()
    const closed = await server.api('/api/v1/tickets/DEMO-4', {
      method: 'PATCH',
      json: { status: 'closed', closeReason: 'rejected', reason: 'Answered by phone' },
    })
    expect(closed.status).toBe(200)
    // Shown as it is now, live: closed, with only what a closed ticket allows.
    await expect
      .poll(() => page.locator('.ticket-tags .status').textContent(), { timeout: 10_000 })
      .toBe('Closed · rejected')
    expect(await page.locator('.timeline li[data-type="closed"].fresh').textContent()).toContain(
      'Answered by phone',
    )
    expect(await page.getByRole('button', { name: 'Resolve' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Reopen' }).count()).toBe(1)
    // A closed ticket takes internal notes, not replies: the reply written is kept, not lost.
    expect(await page.getByRole('tab', { name: 'Public reply' }).isDisabled()).toBe(true)
    expect(
      await page.getByRole('tab', { name: 'Internal note' }).getAttribute('aria-selected'),
    ).toBe('true')
    const held = page.locator('[data-held-reply]')
    expect(await held.textContent()).toContain('Open Settings → Language')
    await held.getByRole('button', { name: 'Keep it as an internal note' }).click()
    expect(await page.locator('#composer-body').inputValue()).toBe('Open Settings → Language')
    expect(await held.count()).toBe(0)
    await page.getByRole('button', { name: 'Add note' }).click()
    await expect
      .poll(() => page.locator('.timeline li[data-type="internal_note"]').textContent())
      .toContain('Open Settings → Language')
    const done = page.locator('.composer [data-notice="success"]')
    const box = (await done.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(860)
  })

  it('offers every agent in the assignee picker, me first, and assigns with If-Match', async () => {
    // Closed: nobody can be assigned, so the picker is there but off.
    expect(await page.getByLabel('Assignee').isDisabled()).toBe(true)
    // A second agent, whose name sorts before the signed-in one's: "me" still comes first.
    alex = await createAgent(server.db, {
      email: 'alex@example.com',
      name: 'Alex Morgan',
      password: 'another good password',
      projects: ['DEMO'],
    })
    await page.goto(`${server.url}/inbox/tickets/DEMO-3`)
    await page.getByRole('heading', { name: 'Export fails with error 0x80070005' }).waitFor()
    await expect
      .poll(() => optionLabels(page, '#c-assignee'))
      .toEqual([`${AGENT.name} (me)`, 'Alex Morgan', 'Unassigned'])
    // Choosing selects; nothing is written until the button says so.
    await page.getByLabel('Assignee').selectOption({ label: 'Alex Morgan' })
    expect((await storedTicket('DEMO-3')).assignee?.name).toBe(AGENT.name)
    await page.locator('.controls').screenshot({ path: '/tmp/inbox2-picker-pending.png' })
    const etag = (await server.api('/api/v1/tickets/DEMO-3')).headers.get('etag')
    const patch = page.waitForRequest(
      (r) => r.method() === 'PATCH' && r.url().endsWith('/api/v1/tickets/DEMO-3'),
    )
    await page.getByRole('button', { name: 'Assign', exact: true }).click()
    const sent = await patch
    expect(sent.headers()['if-match']).toBe(etag)
    expect(sent.postDataJSON()).toEqual({ assigneeId: alex.id })
    // The button is gone once saved: the keyboard stays on the picker.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('c-assignee')
    await expect
      .poll(() => page.locator('[data-notice="success"]').textContent())
      .toBe('Assigned to Alex Morgan')
    expect((await storedTicket('DEMO-3')).assignee?.id).toBe(alex.id)
    expect(await page.getByLabel('Assignee').inputValue()).toBe(alex.id)
    await expect
      .poll(() => assignments(page))
      .toEqual([`Unassigned → ${AGENT.name}`, `${AGENT.name} → Alex Morgan`])
  })

  it('does not reassign over a change made meanwhile, and can unassign', async () => {
    await page.getByLabel('Assignee').selectOption({ label: 'Unassigned' })
    const other = await server.api('/api/v1/tickets/DEMO-3', {
      method: 'PATCH',
      json: { priority: 'critical' },
    })
    expect(other.status).toBe(200)
    await expect
      .poll(() => page.getByLabel('Priority').inputValue(), { timeout: 10_000 })
      .toBe('critical')
    await page.getByRole('button', { name: 'Unassign' }).click()
    const warning = page.locator('[data-notice="warning"]')
    await expect.poll(() => warning.textContent()).toContain('in the meantime')
    // Still Alex's; the choice kept for the agent, the other change shown.
    expect((await storedTicket('DEMO-3')).assignee?.id).toBe(alex.id)
    expect(await page.getByLabel('Assignee').inputValue()).toBe('')
    // Asked again on the version now shown, it goes through.
    await page.getByRole('button', { name: 'Unassign' }).click()
    const success = page.locator('[data-notice="success"]')
    await expect.poll(() => success.textContent()).toBe('Nobody is assigned now')
    expect((await storedTicket('DEMO-3')).assignee).toBeNull()
    await expect.poll(async () => (await assignments(page)).at(-1)).toBe('Alex Morgan → Unassigned')
    await page.getByLabel('Assignee').selectOption({ label: 'Alex Morgan' })
    await page.getByRole('button', { name: 'Assign', exact: true }).click()
    await expect.poll(async () => (await assignments(page)).at(-1)).toBe('Unassigned → Alex Morgan')
  })

  it('filters the queue by any agent, kept in the URL', async () => {
    // A link with two statuses says them in words.
    await page.goto(`${server.url}/inbox?status=waiting_on_reporter,in_progress`)
    await expect
      .poll(() => page.locator('#f-status option:checked').textContent())
      .toBe('Waiting on reporter, In progress')
    // DEMO-3 is resolved: among the tickets not closed.
    await page.goto(`${server.url}/inbox?status=open`)
    await expect
      .poll(() => optionLabels(page, '#f-assignee'))
      .toEqual(['Any', 'Me', 'Nobody', 'Alex Morgan'])
    expect(await page.locator('#f-assignee optgroup').getAttribute('label')).toBe('Agents')
    await page.getByLabel('Assignee').selectOption({ label: 'Alex Morgan' })
    await expect.poll(() => rows(page)).toEqual(['DEMO-3'])
    expect(new URL(page.url()).searchParams.get('assignee')).toBe(alex.id)
    expect(await page.locator('tr[data-reference="DEMO-3"] .col-assignee').textContent()).toBe(
      'Alex Morgan',
    )
    await page.screenshot({ path: '/tmp/inbox2-queue-by-agent.png' })
    await page.reload()
    await expect.poll(() => rows(page)).toEqual(['DEMO-3'])
    await expect
      .poll(() => page.locator('#f-assignee option:checked').textContent())
      .toBe('Alex Morgan')
    // Alex's one ticket is resolved: not among the open ones.
    await page.locator('#f-status').selectOption({ label: 'Open' })
    await expect.poll(() => page.locator('.empty').isVisible()).toBe(true)
    await page.locator('#f-status').selectOption({ label: 'Not closed' })
    await expect.poll(() => rows(page)).toEqual(['DEMO-3'])
    await page.getByLabel('Assignee').selectOption({ label: 'Me' })
    await expect.poll(() => page.locator('.empty').isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(() => rows(page)).toContain('DEMO-5')
    expect(await rows(page)).not.toContain('DEMO-3')
  })

  it('follows the dark colour scheme and speaks Russian', async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto(`${server.url}/inbox/tickets/DEMO-3`)
    await page.getByRole('heading', { name: 'Export fails with error 0x80070005' }).waitFor()
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).toBe('rgb(15, 18, 22)')
    await page.screenshot({ path: '/tmp/inbox2-dark.png', fullPage: true })
    await page.locator('.topbar select').nth(1).selectOption('ru')
    await expect.poll(() => page.locator('.back').textContent()).toContain('Назад к очереди')
    expect(await page.locator('[data-env="env.bitness"] dt').textContent()).toBe('Разрядность ОС')
    await page.keyboard.press('Escape')
    await page.getByRole('heading', { name: 'Очередь' }).waitFor()
    await page.screenshot({ path: '/tmp/inbox2-dark-queue-ru.png' })
    await page.locator('.topbar select').nth(1).selectOption('en')
    // The agent's own choice wins over the system's, and is kept across a reload.
    await page.emulateMedia({ colorScheme: 'light' })
    await page.getByLabel('Theme').selectOption('dark')
    await page.reload()
    await page.getByRole('heading', { name: 'Queue' }).waitFor()
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(15, 18, 22)',
    )
    await page.getByLabel('Theme').selectOption('auto')
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(244, 245, 247)',
    )
  })

  it('fits a small laptop screen without scrolling sideways', async () => {
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.goto(`${server.url}/inbox`)
    await expect.poll(() => rows(page)).toContain('DEMO-5')
    const wrap = page.locator('.table-wrap')
    expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    await page.screenshot({ path: '/tmp/inbox2-laptop-queue.png' })
    // Scrolled, the queue keeps its header in sight.
    await page.setViewportSize({ width: 1024, height: 200 })
    await wrap.evaluate((el) => el.scrollTo(0, el.scrollHeight))
    expect(await wrap.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
    const head = (await page.locator('.queue-table thead th').first().boundingBox())!
    const frame = (await wrap.boundingBox())!
    expect(Math.abs(head.y - frame.y)).toBeLessThanOrEqual(2)
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.goto(`${server.url}/inbox/tickets/DEMO-3`)
    await page.getByRole('heading', { name: 'Export fails with error 0x80070005' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)
    // The controls stay beside the ticket: assigning needs no scrolling past the screenshot.
    const picker = (await page.getByLabel('Assignee').boundingBox())!
    expect(picker.y + picker.height).toBeLessThan(700)
    await page.screenshot({ path: '/tmp/inbox2-laptop-ticket.png' })
    await page.setViewportSize({ width: 1366, height: 860 })
  })

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status)
    expect(me).toBe(401)
    expect(cspViolations).toEqual([])
  })
})
