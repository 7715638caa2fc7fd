import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUserId } from '../server/src/projects/identity.js'
import { bundleSdkForPage } from '../sdk/test/browser-harness.js'
import { launchChromium } from './chromium.js'
import { startHarness, type Harness } from './widget-harness.js'

/*
 * "My requests" without a UI, in Chromium against the real server on another origin (so every
 * call crosses CORS, preflights included): report, list it with its reference, hear support's
 * reply live, see it unread, open it, and it is read; the words in the client's language.
 */

let browser: Browser
let h: Harness

type Sdk = typeof import('../sdk/src/index.js')
type SdkWindow = Window & {
  SnagboxSDK: Sdk
  /** What the page's client was made with; `?lang=` adds a language. */
  options: Parameters<Sdk['createClient']>[0]
  snag: import('../sdk/src/index.js').SnagboxClient
  replies: import('../sdk/src/index.js').ReplyEvent[]
}

beforeAll(async () => {
  // Inline: the harness's page is one document. `<\/script` is the same in any of its strings.
  const sdk = (await bundleSdkForPage()).replace(/<\/script/gi, '<\\/script')
  h = await startHarness(
    (query, { key, api }) => {
      const options = {
        endpoint: api,
        projectKey: key,
        logs: false,
        lang: query.get('lang') ?? undefined,
      }
      return `<!doctype html><html><head><meta charset="utf-8"><script>${sdk}</script><script>
        window.replies = []
        window.options = ${JSON.stringify(options)}
        window.snag = SnagboxSDK.createClient(window.options)
      </script></head><body><h1>Orders</h1></body></html>`
    },
    { identitySecret: true },
  )
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await h?.close()
})

const agent = async (path: string, json: unknown) => {
  const res = await fetch(`${h.api.url}/api/v1/tickets/${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(json),
  })
  expect(res.status).toBeLessThan(300)
}

/**
 * The page's client follows support's replies (into `window.replies`), once the server has
 * answered its stream — waited for from before it is asked for, so a quick answer is not missed:
 * support's next reply is heard.
 */
async function followReplies(page: Page) {
  const streaming = page.waitForResponse(
    (r) => r.url().includes('/api/v1/status/events') && r.status() === 200,
  )
  await page.evaluate(() => {
    const w = window as unknown as SdkWindow
    w.snag.on('reply', (e) => w.replies.push(e))
  })
  await streaming
  await page.waitForTimeout(200)
}

describe("the reporter's requests in Chromium", () => {
  it('lists a report by its reference, hears the reply, counts it unread, and reads it when opened', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const failures: string[] = []
    page.on('requestfailed', (r) => failures.push(`${r.method()} ${r.url()}`))
    await page.goto(h.site.url)
    const sent = await page.evaluate(() =>
      (window as unknown as SdkWindow).snag.report({
        description: 'The export button does nothing',
      }),
    )
    expect(sent).toMatchObject({ status: 'sent', reference: 'KVT-1' })

    const listed = await page.evaluate(() => (window as unknown as SdkWindow).snag.myRequests())
    expect(listed.error).toBeUndefined()
    expect(listed.items).toEqual([
      expect.objectContaining({
        state: 'sent',
        reference: 'KVT-1',
        statusText: 'Received',
        unread: 0,
      }),
    ])
    // Remembered in the page's own storage, by reference.
    const stored = await page.evaluate(() => Object.keys(localStorage))
    expect(stored.filter((k) => k.startsWith('snagbox:requests:'))).toEqual([
      expect.stringMatching(/^snagbox:requests:pk_[\w-]+:KVT-1$/),
    ])

    await followReplies(page)
    await agent('KVT-1/replies', { body: 'Which printer is it?', status: 'waiting_on_reporter' })
    await page.waitForFunction(() => (window as unknown as SdkWindow).replies.length === 1)
    const reply = await page.evaluate(() => (window as unknown as SdkWindow).replies[0]!)
    expect(reply).toMatchObject({
      reference: 'KVT-1',
      request: { unread: 1, statusText: 'Waiting for your answer' },
      entries: [{ type: 'public_reply', data: { body: 'Which printer is it?' } }],
    })
    expect(
      (await page.evaluate(() => (window as unknown as SdkWindow).snag.myRequests())).items[0],
    ).toMatchObject({ unread: 1 })

    const opened = await page.evaluate(async () => {
      const result = await (window as unknown as SdkWindow).snag.request('KVT-1')
      if (!result.ok) return result
      const answered = await result.request.comment('An HP LaserJet 1020')
      return { ok: answered.ok, timeline: result.request.ticket.timeline.map((e) => e.type) }
    })
    expect(opened).toMatchObject({ ok: true, timeline: expect.arrayContaining(['public_reply']) })
    expect(
      (await page.evaluate(() => (window as unknown as SdkWindow).snag.myRequests())).items[0],
    ).toMatchObject({ unread: 0, status: 'in_progress' })
    expect(failures).toEqual([])
    await context.close()
  })

  it('words the statuses in the language the client was given, not the browser’s', async () => {
    const context = await browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${h.site.url}/?lang=ru`)
    expect(await page.evaluate(() => navigator.language)).toBe('en-US')
    const sent = await page.evaluate(() =>
      (window as unknown as SdkWindow).snag.report({ description: 'Не печатается счёт' }),
    )
    const reference = (sent as { reference: string }).reference
    const listed = await page.evaluate(() => (window as unknown as SdkWindow).snag.myRequests())
    expect(listed.items).toEqual([
      expect.objectContaining({
        reference,
        statusText: 'Получено',
        lastChange: expect.objectContaining({ text: 'Обращение получено' }),
      }),
    ])

    // The stream's words too.
    await followReplies(page)
    await agent(`${reference}/replies`, { body: 'Какой принтер?', status: 'waiting_on_reporter' })
    await page.waitForFunction(() => (window as unknown as SdkWindow).replies.length === 1)
    expect(
      await page.evaluate(() => (window as unknown as SdkWindow).replies[0]!.request),
    ).toMatchObject({
      statusText: 'Ожидает вашего ответа',
      lastChange: { text: 'Ответ поддержки' },
    })

    // A client of the same page without a language: the browser's, English.
    const plain = await page.evaluate(async () => {
      const w = window as unknown as SdkWindow
      const client = w.SnagboxSDK.createClient({ ...w.options, lang: undefined })
      const { items } = await client.myRequests()
      client.close()
      return items
    })
    expect(plain).toEqual([
      expect.objectContaining({ reference, statusText: 'Waiting for your answer' }),
    ])
    await context.close()
  })

  it("lists a signed-in user's requests in a browser that never sent them", async () => {
    const user = { id: 'anna', signature: signUserId(h.identitySecret!, 'anna') }
    const laptop = await browser.newContext()
    const phone = await browser.newContext()
    const a = await laptop.newPage()
    await a.goto(h.site.url)
    const sent = await a.evaluate(async (u) => {
      const w = window as unknown as SdkWindow
      w.snag.setUser(u)
      return w.snag.report({ description: 'Reported on the laptop' })
    }, user)
    expect(sent).toMatchObject({ status: 'sent', identity: 'verified' })
    const b = await phone.newPage()
    await b.goto(h.site.url)
    const listed = await b.evaluate(async (u) => {
      const w = window as unknown as SdkWindow
      w.snag.setUser(u)
      return w.snag.myRequests()
    }, user)
    expect(listed.identity).toBe('verified')
    expect(listed.items).toEqual([
      expect.objectContaining({
        state: 'sent',
        reference: (sent as { reference: string }).reference,
        subject: 'Reported on the laptop',
      }),
    ])
    await laptop.close()
    await phone.close()
  })
})
