import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { signUserId } from '../server/src/projects/identity.js'
import {
  doneReference,
  SHADOW,
  stubScript,
  ticket,
  useWidgetSite,
  widgetLoaded,
} from './widget-harness.js'

/*
 * "My requests" in the widget, in Chromium against the real server on another origin: a report
 * sent from the form is listed with its reference; support's reply appears in the open
 * conversation without a reload, and on the launcher's badge while the dialog is closed; the
 * reporter answers and confirms from the widget; a signed-in user (setUser with the signature the
 * host's backend made) sees their requests from another browser, a wrong signature only its own;
 * a host with its own buttons opens "My requests", and one request, directly.
 */

/**
 * The host page: the widget, and the host's signed-in user if `?user=` says so (`signed`, or
 * `wrong`: signed with another secret). `?own`: no launcher, the host's own buttons; `?show=`:
 * a request opened by the host before the script has loaded.
 */
const hostPage = (query: URLSearchParams, { key, api }: { key: string; api: string }) => {
  const id = 'user-42'
  const secret = { signed: site.h.identitySecret!, wrong: 'not the secret' }[
    query.get('user') ?? ''
  ]
  const calls = [
    secret &&
      `Snagbox.setUser(${JSON.stringify({ name: 'Anna Petrova', id, signature: signUserId(secret, id) })})`,
    query.get('show') && `Snagbox.open('requests', ${JSON.stringify(query.get('show'))})`,
  ]
  const own = query.has('own')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Kvant Energo</title>
${stubScript(calls.filter(Boolean).join('\n'))}
<script async src="/widget.js" data-key="${key}" data-endpoint="${api}" data-lang="en" data-screenshot="false"${own ? ' data-launcher="false"' : ''}></script>
</head><body><main><h1>Invoices</h1>${
    own
      ? '<button id="report" data-snagbox-open>Report a problem</button><button id="mine" data-snagbox-open="requests">My requests</button>'
      : ''
  }</main></body></html>`
}

const site = useWidgetSite(hostPage, { identitySecret: true })

const agent = async (path: string, json: unknown) => {
  const res = await fetch(`${site.h.api.url}/api/v1/tickets/${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${site.h.token}`, 'Content-Type': 'application/json' },
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
  await page.goto(site.h.site.url + path)
  await widgetLoaded(page)
  return { page, errors }
}

/**
 * Sends a report from the form (opened by the launcher, or `opener` of the page) and closes the
 * success screen; answers its reference.
 */
async function report(page: Page, description: string, opener?: string) {
  if (opener) await page.click(opener)
  else await click(page, '.launcher')
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
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } })
    const { page, errors } = await open(context)
    const stream = streaming(page)
    const reference = await report(page, 'Export to Excel fails\nThe file is empty.')
    expect(reference).toMatch(/^KVT-\d+$/)

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
    const asked = await fetch(`${site.h.api.url}/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${site.h.token}` },
      body: form,
    })
    expect(asked.status).toBe(201)
    await until(
      page,
      `return root.querySelector('.timeline')?.textContent.includes('Which version of Excel?')`,
    )
    expect(await text(page, '.timeline > li:last-child .message__by strong')).toBe('Agent')
    expect(await text(page, '.conversation > [role="status"]')).toBe('New reply from Agent')
    expect(await text(page, '.conversation__status .chip')).toBe('Waiting for your answer')
    const file = await inShadow<{ name: string; href: string }>(
      page,
      `const a = root.querySelector('.message__files a'); return { name: a.textContent, href: a.href }`,
    )
    expect(file.name).toBe('how-to-check.txt')
    expect(file.href.startsWith(`${site.h.api.url}/api/v1/status/`)).toBe(true)
    expect(await (await fetch(file.href)).text()).toBe('1. Open Help > About')

    // The answer reaches the ticket.
    await page.locator('snagbox-widget #snagbox-answer').fill('Excel 2019, build 16.0')
    await click(page, '.composer button[type="submit"]')
    await until(
      page,
      `return root.querySelector('.notice--done')?.textContent === 'Your message was sent.'`,
    )
    const answered = await ticket(site.h, reference)
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
    expect(await ticket(site.h, reference)).toMatchObject({
      status: 'closed',
      closeReason: 'confirmed',
    })
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
    const context = await site.browser.newContext()
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
    expect((await ticket(site.h, second!)).description).toBe('Sent from the train')
    expect(errors).toEqual([])
    await context.close()
  })

  it('lists a signed-in user’s requests in another browser; a wrong signature lists only its own', async () => {
    const laptop = await site.browser.newContext()
    const a = await open(laptop, '/?user=signed')
    const fromLaptop = await report(a.page, 'Reported on the laptop')

    // Another device of the same user: nothing sent from it, yet the link counts their request.
    const phone = await site.browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
    })
    const b = await open(phone, '/?user=signed')
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
    const stranger = await site.browser.newContext()
    const c = await open(stranger, '/?user=wrong')
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

  it("opens “My requests” from the host’s own button, and a request with open('requests', reference), Escape giving the focus back; an unknown reference is said to be none of this browser’s", async () => {
    const context = await site.browser.newContext()
    const { page, errors } = await open(context, '/?own')
    expect(await inShadow(page, `return root.querySelector('.launcher')`)).toBeNull()
    const reference = await report(page, 'The totals are rounded wrongly', '#report')
    const second = await report(page, 'The invoice date is a day off', '#report')
    const focusedId = () => page.evaluate(() => document.activeElement?.id)

    await page.click('#mine')
    await until(page, `return !!root.querySelector('.requests__list')`)
    expect(await listed(page)).toEqual([second, reference])
    expect(await inShadow(page, `return root.activeElement?.id`)).toBe('snagbox-title-requests')
    await page.keyboard.press('Escape')
    await until(page, `return !root.querySelector('dialog')`)
    expect(await focusedId()).toBe('mine')

    // The host's own code, the focus on its button: that conversation, and Escape closes it.
    await page.evaluate((ref) => {
      document.getElementById('mine')!.focus()
      ;(window as unknown as { Snagbox: { open(v: string, r: string): void } }).Snagbox.open(
        'requests',
        ref,
      )
    }, reference)
    await until(
      page,
      `return root.querySelector('.timeline')?.textContent.includes('The totals are rounded wrongly')`,
    )
    expect(await text(page, '#snagbox-title-request')).toContain(reference)
    expect(await inShadow(page, `return root.activeElement?.id`)).toBe('snagbox-title-request')
    await page.keyboard.press('Escape')
    await until(page, `return !root.querySelector('dialog')`)
    expect(await focusedId()).toBe('mine')

    await page.evaluate(() =>
      (window as unknown as { Snagbox: { open(v: string, r: string): void } }).Snagbox.open(
        'requests',
        'KVT-999',
      ),
    )
    await until(page, `return !!root.querySelector('.requests__list')`)
    expect(await text(page, '.requests .notice')).toBe(
      'KVT-999 is not among the requests of this browser.',
    )
    expect(await listed(page)).toEqual([second, reference])

    // Asked for before the script has loaded (the stub's queue): shown once it has.
    const early = await open(context, `/?own&show=${second}`)
    await until(
      early.page,
      `return root.querySelector('.timeline')?.textContent.includes('The invoice date is a day off')`,
    )
    expect(errors).toEqual([])
    expect(early.errors).toEqual([])
    await context.close()
  })
})
