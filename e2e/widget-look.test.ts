/**
 * How the widget looks, and whether everyone can use it: the form, the markup editor, "My
 * requests" and a request's conversation at a phone's size and a laptop's, light and dark, in English and Russian, saved as screenshots (the
 * folder is printed) and checked with axe-core inside the widget's shadow root.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe.js'
import { SHADOW, stubScript, useWidgetSite, widgetLoaded } from './widget-harness.js'

const SHOTS = '/tmp/e2e-widget-look'

const hostPage = (
  q: URLSearchParams,
  { key, api }: { key: string; api: string },
) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kvant Energo · Invoices</title>
${stubScript(`Snagbox.setUser({ name: 'Anna Petrova', email: 'anna@kvant.example', organization: 'Kvant Energo' })`)}
<script async src="/widget.js" data-key="${key}" data-endpoint="${api}" data-lang="${q.get('lang')}"
  data-app-name="Kvant Energo" data-app-version="4.30.34" data-app-build="6255"></script>
<style>body{margin:0;font:16px sans-serif;background:#f5f7f9;color:#1b2430} main{padding:24px}
@media (prefers-color-scheme: dark) { body { background: #111418; color: #e6e9ee } }</style></head>
<body><main><h1>Invoices</h1>
<div id="account" style="max-width:300px;height:90px;background:rgb(15,93,78);color:#fff;padding:8px">Account 4411-2093</div>
<p>Readings for October are due on the 25th. Submit them here or in the mobile app.</p>
</main></body></html>`

const site = useWidgetSite(hostPage)

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true })
  console.log(`widget screenshots: ${SHOTS}`)
})

const SIZES = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
]
const CASES = SIZES.flatMap((size) =>
  (['light', 'dark'] as const).flatMap((colorScheme) =>
    (['en', 'ru'] as const).map((lang) => ({ size, colorScheme, lang })),
  ),
)
const EDIT = { en: 'Mark up or hide parts', ru: 'Отметить или скрыть' }
/** A request and what support and the reporter wrote on it, in each language. */
const TALK = {
  en: {
    report:
      'The invoice total is 0 after I press Recalculate\nIt happens with every October invoice.',
    question: 'Which browser and version of the app do you use?',
    answer: 'Chrome 131, Kvant Energo 4.30.34.',
    solution: 'Fixed in 4.30.35: please update the app and recalculate the invoice again.',
  },
  ru: {
    report: 'Итог счёта равен 0 после пересчёта\nТак со всеми счетами за октябрь.',
    question: 'Каким браузером и какой версией приложения вы пользуетесь?',
    answer: 'Chrome 131, Квант Энерго 4.30.34.',
    solution: 'Исправлено в 4.30.35: обновите приложение и пересчитайте счёт ещё раз.',
  },
}

const inShadow = <T>(page: Page, body: string) =>
  page.evaluate(`(() => { const root = ${SHADOW}; ${body} })()`) as Promise<T>

describe('the widget’s looks and accessibility', () => {
  it.each(CASES)(
    'the form and the editor at $size.width×$size.height, $colorScheme, $lang: saved, and no serious axe violation',
    async ({ size, colorScheme, lang }) => {
      const page = await site.browser.newPage({ viewport: size, colorScheme })
      await page.goto(`${site.h.site.url}?lang=${lang}`)
      await widgetLoaded(page)
      const name = (view: string) =>
        join(SHOTS, `${view}-${size.width}x${size.height}-${colorScheme}-${lang}.png`)

      await inShadow(page, `root.querySelector('.launcher').click()`)
      await page.waitForFunction(`${SHADOW}.querySelector('.shot__preview img')?.complete`, null, {
        timeout: 20_000,
      })
      await page.screenshot({ path: name('form') })
      expect(await seriousViolations(page, 'snagbox-widget')).toEqual([])

      await inShadow(
        page,
        `[...root.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(EDIT[lang])}).click()`,
      )
      await page.waitForFunction(`${SHADOW}.querySelector('.editor__canvas')?.width > 0`, null, {
        timeout: 20_000,
      })
      await page.screenshot({ path: name('editor') })
      expect(await seriousViolations(page, 'snagbox-widget')).toEqual([])
      await page.close()
    },
  )

  it.each(CASES)(
    '“My requests” and a conversation at $size.width×$size.height, $colorScheme, $lang: saved, and no serious axe violation',
    async ({ size, colorScheme, lang }) => {
      const { h } = site
      const talk = TALK[lang]
      const page = await site.browser.newPage({ viewport: size, colorScheme })
      await page.goto(`${h.site.url}?lang=${lang}`)
      await widgetLoaded(page)
      const name = (view: string) =>
        join(SHOTS, `${view}-${size.width}x${size.height}-${colorScheme}-${lang}.png`)
      const until = (body: string) =>
        page.waitForFunction(`(() => { const root = ${SHADOW}; ${body} })()`, null, {
          timeout: 20_000,
        })

      // A request sent from the widget, a question, the reporter's answer, the solution.
      await inShadow(page, `root.querySelector('.launcher').click()`)
      await page.locator('snagbox-widget textarea#description').fill(talk.report)
      await inShadow(page, `root.querySelector('button[type="submit"]').click()`)
      await until(`return !!root.querySelector('.done__link')`)
      const statusUrl = await inShadow<string>(
        page,
        `return root.querySelector('.done__link').href`,
      )
      const reference = await inShadow<string>(
        page,
        `return root.querySelector('.done__reference').textContent`,
      )
      const post = async (path: string, body: unknown, auth = true) => {
        const res = await fetch(`${h.api.url}/api/v1/${path}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(auth ? { Authorization: `Bearer ${h.token}` } : {}),
          },
          body: JSON.stringify(body),
        })
        expect(res.status, path).toBeLessThan(300)
      }
      await post(`tickets/${reference}/replies`, {
        body: talk.question,
        status: 'waiting_on_reporter',
      })
      const token = statusUrl.slice(statusUrl.lastIndexOf('/') + 1)
      await post(`status/${token}/comments`, { body: talk.answer }, false)
      await post(`tickets/${reference}/replies`, { body: talk.solution, status: 'resolved' })
      await inShadow(page, `root.querySelector('.done .button--primary').click()`)
      await until(`return !root.querySelector('dialog')`)

      // The launcher opens "My requests" once it knows of the replies; the form's link always.
      await inShadow(page, `root.querySelector('.launcher').click()`)
      await until(`return !!root.querySelector('.requests, .form__header .link-button')`)
      await inShadow(page, `root.querySelector('.form__header .link-button')?.click()`)
      await until(`return !!root.querySelector('.request--unread')`)
      await page.screenshot({ path: name('requests') })
      expect(await seriousViolations(page, 'snagbox-widget')).toEqual([])

      await inShadow(page, `root.querySelector('[data-reference]').click()`)
      await until(
        `return !!root.querySelector('.solution') && root.querySelectorAll('.timeline .message').length === 3`,
      )
      await page.screenshot({ path: name('conversation') })
      expect(await seriousViolations(page, 'snagbox-widget')).toEqual([])
      await page.close()
    },
  )
})
