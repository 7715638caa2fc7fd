import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createAgent,
  createApiToken,
  createProject,
  loadConfig,
  openDatabase,
  startServer,
  type Db,
  type RunningServer,
} from '../server/src/index.js'
import { signUserId } from '../server/src/projects/identity.js'
import { servePages, type Served } from '../sdk/test/browser-harness.js'
import { launchChromium } from './chromium.js'
import {
  buildWidget,
  doneReference,
  SHADOW,
  stubScript,
  ticket,
  widgetLoaded,
  type Harness,
} from './widget-harness.js'

/*
 * "My requests" in the widget, in Chromium against the real server on another origin: a report
 * sent from the form is listed with its reference; support's reply appears in the open
 * conversation without a reload, and on the launcher's badge while the dialog is closed; the
 * reporter answers and confirms from the widget; a signed-in user (setUser with the signature the
 * host's backend made) sees their requests from another browser, a wrong signature only its own.
 */

const dist = fileURLToPath(new URL('../widget/dist/', import.meta.url))
let dir: string
let db: Db
let api: RunningServer
let site: Served
let browser: Browser
let secret: string
let h: Harness

/** The host page: the widget, and the host's signed-in user if the query names one. */
const hostPage = (key: string, user: { id: string; signature: string } | null) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Kvant Energo</title>
${stubScript(user ? `Snagbox.setUser(${JSON.stringify({ name: 'Anna Petrova', ...user })})` : '')}
<script async src="/widget.js" data-key="${key}" data-endpoint="${api.url}" data-lang="en" data-screenshot="false"></script>
</head><body><main><h1>Invoices</h1></main></body></html>`

beforeAll(async () => {
  await buildWidget()
  dir = await mkdtemp(join(tmpdir(), 'snagbox-e2e-widget-requests-'))
  db = openDatabase(join(dir, 'snagbox.db'))
  const pages: Parameters<typeof servePages>[0] = {}
  for (const name of await readdir(dist))
    if (name.endsWith('.js'))
      pages[name === 'widget.js' ? '/widget.js' : `/widget/${name}`] = [
        'text/javascript',
        await readFile(join(dist, name)),
      ]
  site = await servePages(pages)
  const project = createProject(db, {
    name: 'Kvant Energo',
    prefix: 'MYR',
    origins: [site.url],
    identitySecret: true,
  })
  secret = project.identitySecret!
  await createAgent(db, {
    email: 'ann@example.com',
    name: 'Ann Agent',
    password: 'a long enough password',
    projects: ['MYR'],
  })
  const { token } = createApiToken(db, { email: 'ann@example.com', name: 'e2e' })
  api = await startServer(db, loadConfig({}, { port: '0', host: '127.0.0.1' }))
  h = { site, api, key: project.key, token, close: async () => {} }
  pages['/'] = ['text/html', hostPage(project.key, null)]
  pages['/signed-in'] = [
    'text/html',
    hostPage(project.key, { id: 'user-42', signature: signUserId(secret, 'user-42') }),
  ]
  pages['/signed-wrong'] = [
    'text/html',
    hostPage(project.key, { id: 'user-42', signature: signUserId('not the secret', 'user-42') }),
  ]
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await site?.close()
  await api?.close(100)
  db?.$client.close()
  await rm(dir, { recursive: true, force: true })
})

const agent = async (path: string, json: unknown) => {
  const res = await fetch(`${api.url}/api/v1/tickets/${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(json),
  })
  expect(res.status, await res.clone().text()).toBeLessThan(300)
}

const inShadow = <T>(page: Page, body: string) =>
  page.evaluate(`(() => { const root = ${SHADOW}; ${body} })()`) as Promise<T>
/** Waits for something inside the widget's shadow root. */
const until = (page: Page, body: string, timeout = 15_000) =>
  page.waitForFunction(`(() => { const root = ${SHADOW}; ${body} })()`, null, { timeout })
const click = (page: Page, selector: string) =>
  inShadow(page, `root.querySelector(${JSON.stringify(selector)}).click()`)
const text = (page: Page, selector: string) =>
  inShadow<string | null>(
    page,
    `return root.querySelector(${JSON.stringify(selector)})?.textContent ?? null`,
  )
const listed = (page: Page) =>
  inShadow<string[]>(
    page,
    `return [...root.querySelectorAll('.requests__list [data-reference]')].map((b) => b.dataset.reference)`,
  )

async function open(context: BrowserContext, path = '/') {
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(site.url + path)
  await widgetLoaded(page)
  return { page, errors }
}

/** Sends a report from the form and closes the success screen; answers its reference. */
async function report(page: Page, description: string) {
  await click(page, '.launcher')
  await until(page, `return !!root.querySelector('#description')`)
  await page.locator('snagbox-widget textarea#description').fill(description)
  await click(page, 'button[type="submit"]')
  const reference = await doneReference(page)
  await click(page, '.done .button--primary')
  await until(page, `return !root.querySelector('dialog')`)
  return reference
}

/** From the form to "My requests", once listed. */
async function showRequests(page: Page) {
  await until(page, `return !!root.querySelector('.form__header .link-button')`)
  await click(page, '.form__header .link-button')
  await until(page, `return !!root.querySelector('.requests__list, .requests__empty')`)
}

/** The live stream of the page's requests has answered: support's next reply is heard. */
const streaming = (page: Page) =>
  page.waitForResponse((r) => r.url().includes('/api/v1/status/events') && r.status() === 200, {
    timeout: 15_000,
  })

describe('“My requests” in the widget, against the real server', () => {
  it('lists a sent report, shows support’s reply live in the conversation and on the badge, and takes the answer and the confirmation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const { page, errors } = await open(context)
    const stream = streaming(page)
    const reference = await report(page, 'Export to Excel fails\nThe file is empty.')
    expect(reference).toMatch(/^MYR-\d+$/)

    await click(page, '.launcher')
    await showRequests(page)
    expect(await listed(page)).toEqual([reference])
    expect(await text(page, `[data-reference="${reference}"]`)).toContain('Export to Excel fails')
    expect(await text(page, `[data-reference="${reference}"] .chip`)).toBe('Received')
    await click(page, `[data-reference="${reference}"]`)
    await until(page, `return !!root.querySelector('.timeline')`)
    expect(await inShadow(page, `return root.activeElement?.id`)).toBe('snagbox-title-request')

    // Support asks; the open conversation shows it without a reload, and says so.
    await stream
    await page.waitForTimeout(200)
    // With a file, as multipart: the reporter can open it from the conversation.
    const form = new FormData()
    form.append(
      'payload',
      JSON.stringify({ body: 'Which version of Excel?', status: 'waiting_on_reporter' }),
    )
    form.append(
      'files',
      new Blob(['1. Open Help > About'], { type: 'text/plain' }),
      'how-to-check.txt',
    )
    const asked = await fetch(`${api.url}/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.token}` },
      body: form,
    })
    expect(asked.status).toBe(201)
    await until(
      page,
      `return root.querySelector('.timeline')?.textContent.includes('Which version of Excel?')`,
    )
    expect(await text(page, '.timeline > li:last-child .message__by strong')).toBe('Ann Agent')
    expect(await text(page, '.conversation > [role="status"]')).toBe('New reply from Ann Agent')
    expect(await text(page, '.conversation__status .chip')).toBe('Waiting for your answer')
    const file = await inShadow<{ name: string; href: string }>(
      page,
      `const a = root.querySelector('.message__files a'); return { name: a.textContent, href: a.href }`,
    )
    expect(file.name).toBe('how-to-check.txt')
    expect(file.href.startsWith(`${api.url}/api/v1/status/`)).toBe(true)
    expect(await (await fetch(file.href)).text()).toBe('1. Open Help > About')

    // The answer reaches the ticket.
    await page.locator('snagbox-widget #snagbox-answer').fill('Excel 2019, build 16.0')
    await click(page, '.composer button[type="submit"]')
    await until(
      page,
      `return root.querySelector('.notice--done')?.textContent === 'Your message was sent.'`,
    )
    const answered = await ticket(h, reference)
    expect(answered.status).toBe('in_progress')
    expect(
      answered.timeline.map((e: { type: string; data: { body?: string } }) => [
        e.type,
        e.data.body,
      ]),
    ).toContainEqual(['reporter_comment', 'Excel 2019, build 16.0'])

    // The dialog closed, the next reply is a count on the launcher.
    await page.keyboard.press('Escape')
    await until(page, `return !!root.querySelector('.requests__list')`)
    await page.keyboard.press('Escape')
    await until(page, `return !root.querySelector('dialog')`)
    expect(await inShadow(page, `return root.querySelector('.launcher__badge').hidden`)).toBe(true)
    await agent(`${reference}/replies`, {
      body: 'Fixed in 4.30.35: please update.',
      status: 'resolved',
    })
    await until(
      page,
      `return root.querySelector('.launcher__badge')?.textContent === '1' && !root.querySelector('.launcher__badge').hidden`,
    )
    expect(await text(page, '.launcher')).toContain('New replies: 1')

    // The launcher now opens "My requests"; the solution is beside Confirm.
    await click(page, '.launcher')
    await until(page, `return !!root.querySelector('.request--unread')`)
    await click(page, `[data-reference="${reference}"]`)
    await until(page, `return !!root.querySelector('.solution')`)
    expect(await text(page, '.solution__text')).toBe('Fixed in 4.30.35: please update.')
    await until(page, `return root.querySelector('.launcher__badge').hidden`)
    await click(page, '.solution .button--primary')
    await until(
      page,
      `return root.querySelector('.notice--done')?.textContent === 'Thank you! The request is closed.'`,
    )
    expect(await ticket(h, reference)).toMatchObject({ status: 'closed', closeReason: 'confirmed' })
    expect(await text(page, '.conversation__status .chip')).toBe(
      'Closed: you confirmed the solution',
    )

    // A new page of the same browser: the badge counts at idle what support wrote meanwhile.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    const second = await report(page, 'Printing the invoice shows a blank page')
    await agent(`${second}/replies`, {
      body: 'Which printer is it?',
      status: 'waiting_on_reporter',
    })
    const again = await open(context)
    await until(again.page, `return root.querySelector('.launcher__badge')?.textContent === '1'`)
    await click(again.page, '.launcher')
    await until(again.page, `return !!root.querySelector('.requests__list')`)
    expect(await listed(again.page)).toEqual([second, reference])
    expect(errors).toEqual([])
    expect(again.errors).toEqual([])
    await context.close()
  })

  it('offline: lists what the browser remembers, says it may be out of date, and a queued report as waiting until it is sent', async () => {
    const context = await browser.newContext()
    const { page, errors } = await open(context)
    const first = await report(page, 'The dashboard is slow')
    await click(page, '.launcher')
    await showRequests(page)
    expect(await listed(page)).toEqual([first])

    await context.setOffline(true)
    await click(page, '.requests__footer .button')
    await page.locator('snagbox-widget textarea#description').fill('Sent from the train')
    await click(page, 'button[type="submit"]')
    await until(page, `return !!root.querySelector('.done__badge--queued')`)
    await click(page, '.done .button--primary')
    await click(page, '.launcher')
    await showRequests(page)
    await until(page, `return !!root.querySelector('.notice--warning')`)
    expect(await text(page, '.notice--warning')).toContain('it may be out of date')
    expect(await text(page, '.request--queued')).toContain('Waiting to be sentSent from the train')
    // What this page was told before it went offline is still shown.
    expect(await text(page, `[data-reference="${first}"]`)).toContain('The dashboard is slow')

    // Back online, the outbox delivers it: it is listed with its reference.
    await context.setOffline(false)
    await until(
      page,
      `return root.querySelectorAll('.requests__list [data-reference]').length === 2`,
    )
    expect(await inShadow(page, `return !!root.querySelector('.request--queued')`)).toBe(false)
    const [second] = await listed(page)
    expect((await ticket(h, second!)).description).toBe('Sent from the train')
    expect(errors).toEqual([])
    await context.close()
  })

  it('lists a signed-in user’s requests in another browser; a wrong signature lists only its own', async () => {
    const laptop = await browser.newContext()
    const a = await open(laptop, '/signed-in')
    const fromLaptop = await report(a.page, 'Reported on the laptop')

    // Another device of the same user: nothing sent from it, yet the link counts their request.
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
    })
    const b = await open(phone, '/signed-in')
    await click(b.page, '.launcher')
    await until(
      b.page,
      `return root.querySelector('.form__header .link-button')?.textContent === 'My requests (1)'`,
    )
    await showRequests(b.page)
    expect(await listed(b.page)).toEqual([fromLaptop])
    expect(await text(b.page, '.requests__header .intro')).toBe(
      'Your requests from all your devices, and what support wrote.',
    )
    await click(b.page, `[data-reference="${fromLaptop}"]`)
    await until(
      b.page,
      `return root.querySelector('.timeline')?.textContent.includes('Reported on the laptop')`,
    )

    // The same id signed with another secret: nothing of the user's, only this browser's own.
    const stranger = await browser.newContext()
    const c = await open(stranger, '/signed-wrong')
    const own = await report(c.page, 'Reported with a wrong signature')
    await click(c.page, '.launcher')
    await showRequests(c.page)
    expect(await listed(c.page)).toEqual([own])
    expect(await text(c.page, '.requests__header .intro')).toBe(
      'The requests sent from this browser, and what support wrote.',
    )
    for (const { errors } of [a, b, c]) expect(errors).toEqual([])
    await Promise.all([laptop.close(), phone.close(), stranger.close()])
  })
})
