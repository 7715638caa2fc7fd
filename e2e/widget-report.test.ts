import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  focused,
  screenshotOf,
  SHADOW,
  stubScript,
  tabTo,
  ticket,
  widgetLoaded,
  useWidgetSite,
} from './widget-harness.js'

/** A host page: private fields, a page button that opens the form, the stub with calls before load. */
const hostPage = (q: URLSearchParams, { key, api }: { key: string; api: string }) =>
  q.has('example')
    ? examplePage(key, api)
    : `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kvant Energo · Invoices</title>
${stubScript(`Snagbox.setUser({ name: 'Anna Petrova', email: 'anna@kvant.example', organization: 'Kvant' })
window.submitted = []
Snagbox.on('submitted', function (e) { window.submitted.push(e) })`)}
<script async src="/widget.js" data-key="${key}" data-endpoint="${api}" data-app-name="Kvant Energo"
  data-app-version="4.30.34" data-app-build="6255" ${q.get('lang') ? `data-lang="${q.get('lang')}"` : ''}></script>
${q.has('twice') ? `<script async src="/widget.js" data-key="${key}" data-endpoint="${api}" data-lang="${q.get('lang')}"></script>` : ''}
<style>body{margin:0;font:16px sans-serif;background:rgb(255,255,255);color:#222} main{padding:24px}</style>
</head><body><main>
<h1>Invoices</h1>
<div id="brand" style="width:200px;height:80px;background:rgb(0,0,255)"></div>
<p><label>Password <input id="pw" type="password" value="hunter2-secret" style="width:220px;height:40px;background:rgb(255,255,0);border:0"></label></p>
<div id="iban" data-snagbox-mask style="width:300px;height:60px;background:rgb(255,0,0);color:#fff">DE89 3704 0044 0532 0130 00</div>
<p><button id="help" type="button" data-snagbox-open>Help</button></p>
</main></body></html>`

/** examples/plain-html as shipped, pointed at this test's servers instead of 127.0.0.1:8787. */
const examplePage = (key: string, api: string) =>
  readFileSync(new URL('../examples/plain-html/index.html', import.meta.url), 'utf8')
    .replace('http://127.0.0.1:8787/widget.js', '/widget.js')
    .replace('data-key="pk_demo_snagbox_local"', `data-key="${key}" data-endpoint="${api}"`)

const site = useWidgetSite(hostPage)

async function open(path = '/') {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(site.h.site.url + path)
  await widgetLoaded(page)
  return { page, errors }
}

const inShadow = <T>(page: Page, fn: string) =>
  page.evaluate(`(() => { const root = ${SHADOW}; ${fn} })()`) as Promise<T>

/** Decodes the server's screenshot in the page and measures it over the page's element boxes. */
function inspect(page: Page, shot: { type: string; base64: string }, ids: string[]) {
  return page.evaluate(
    async ({ shot, ids }) => {
      const bytes = Uint8Array.from(atob(shot.base64), (c) => c.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: shot.type }))
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
      ctx.drawImage(bitmap, 0, 0)
      const scale = bitmap.width / document.documentElement.clientWidth
      const measure = (r: DOMRect) => {
        const data = ctx.getImageData(
          Math.ceil((r.left + 3) * scale),
          Math.ceil((r.top + 3) * scale),
          Math.floor((r.width - 6) * scale),
          Math.floor((r.height - 6) * scale),
        ).data
        let black = 0
        let accent = 0
        for (let i = 0; i < data.length; i += 4) {
          if (data[i]! < 24 && data[i + 1]! < 24 && data[i + 2]! < 24) black++
          if (data[i]! < 80 && data[i + 1]! > 70 && data[i + 1]! < 130 && data[i + 2]! > 200)
            accent++
        }
        return { black: black / (data.length / 4), accent: accent / (data.length / 4) }
      }
      const launcher = document
        .querySelector('snagbox-widget')!
        .shadowRoot!.querySelector('.launcher')!
        .getBoundingClientRect()
      return {
        width: bitmap.width,
        boxes: Object.fromEntries(
          ids.map((id) => [id, measure(document.getElementById(id)!.getBoundingClientRect())]),
        ),
        launcher: measure(launcher),
      }
    },
    { shot, ids },
  )
}

describe('the widget on a host page, against the real Snagbox server', () => {
  it('a keyboard-only reporter files a blocking problem and the ticket arrives complete', async () => {
    const { page, errors } = await open()
    await page.screenshot({ path: '/tmp/widget-launcher.png' })
    await tabTo(page, '.launcher')
    await page.keyboard.press('Enter')
    await page.waitForFunction(`!!${SHADOW}.querySelector('dialog')`)
    expect(await focused(page)).toMatch(/^input radio/)
    expect(
      await inShadow(page, `return root.querySelector('dialog').contains(root.activeElement)`),
    ).toBe(true)
    // The stub's setUser, called before the script loaded, is in the form.
    expect(
      await inShadow(
        page,
        `return [root.querySelector('#name').value, root.querySelector('#email').value]`,
      ),
    ).toEqual(['Anna Petrova', 'anna@kvant.example'])

    await page.keyboard.press('Tab')
    expect(await focused(page)).toContain('#description')
    await page.keyboard.type('The invoice total is 0 after I press Recalculate.')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    await inShadow(page, `root.querySelector('details.details').open = true`)
    await page.waitForFunction(`${SHADOW}.querySelector('.details__raw pre')`)
    await page.screenshot({ path: '/tmp/widget-form-en.png' })
    const shown = JSON.parse(
      await inShadow<string>(page, `return root.querySelector('.details__raw pre').textContent`),
    )
    expect(shown.environment).toEqual(
      JSON.parse(
        JSON.stringify(await page.evaluate(() => (window as any).Snagbox.getEnvironment())),
      ),
    )

    await tabTo(page, 'button[type="submit"]')
    await page.keyboard.press('Enter')
    await page.waitForFunction(`${SHADOW}.querySelector('.done__reference')`, null, {
      timeout: 20_000,
    })
    const reference = await inShadow<string>(
      page,
      `return root.querySelector('.done__reference').textContent`,
    )
    expect(reference).toBe('KVT-1')
    expect(await focused(page)).toContain('Done')
    await page.screenshot({ path: '/tmp/widget-success.png' })
    const statusUrl = await inShadow<string>(page, `return root.querySelector('.done__link').href`)
    expect(statusUrl).toMatch(new RegExp(`^${site.h.api.url}/status/[\\w-]{20,}$`))
    expect(await page.evaluate(() => (window as any).submitted)).toEqual([
      { status: 'sent', reference: 'KVT-1', statusUrl },
    ])

    const t = await ticket(site.h, reference)
    expect(t).toMatchObject({
      reference: 'KVT-1',
      category: 'incident',
      priority: 'high',
      description: 'The invoice total is 0 after I press Recalculate.',
      reporter: { name: 'Anna Petrova', email: 'anna@kvant.example', organization: 'Kvant' },
      app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
      environment: {
        os: { name: 'Linux', bitness: 64 },
        browser: { name: expect.stringMatching(/Chrom/) },
        screen: { viewportWidth: 1280 },
      },
    })
    const pixels = await inspect(page, await screenshotOf(site.h, reference), [
      'brand',
      'pw',
      'iban',
    ])
    expect(pixels.boxes.pw!.black).toBeGreaterThan(0.95)
    expect(pixels.boxes.iban!.black).toBeGreaterThan(0.95)
    expect(pixels.boxes.brand!.black).toBeLessThan(0.05)
    // The widget is not in the picture: where its launcher was, the page's white background.
    expect(pixels.launcher.accent).toBeLessThan(0.01)
    expect(errors).toEqual([])
    await page.close()
  })

  it('closes on Escape and gives the focus back to what opened it: the launcher, or the page’s own button', async () => {
    const { page } = await open()
    await inShadow(page, `root.querySelector('.launcher').click()`)
    await page.waitForFunction(`${SHADOW}.querySelector('dialog')`)
    await page.keyboard.press('Escape')
    await page.waitForFunction(`!${SHADOW}.querySelector('dialog')`)
    expect(await focused(page)).toContain('.launcher')

    await page.focus('#help')
    await page.keyboard.press('Enter')
    await page.waitForFunction(`${SHADOW}.querySelector('dialog')`)
    await page.keyboard.press('Escape')
    await page.waitForFunction(`!${SHADOW}.querySelector('dialog')`)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('help')
    await page.close()
  })

  it('speaks Russian with data-lang="ru", and a second copy of the script adds nothing', async () => {
    const { page, errors } = await open('/?lang=ru&twice=1')
    expect(await page.evaluate(() => document.querySelectorAll('snagbox-widget').length)).toBe(1)
    expect(await inShadow(page, `return root.querySelector('.launcher').textContent`)).toBe(
      'Сообщить о проблеме',
    )
    await inShadow(page, `root.querySelector('.launcher').click()`)
    await page.waitForFunction(`${SHADOW}.querySelector('dialog')`)
    expect(await inShadow(page, `return root.querySelector('.title').textContent`)).toBe(
      'Сообщить о проблеме',
    )
    expect(
      await inShadow(page, `return root.querySelector('button[type="submit"]').textContent`),
    ).toBe('Отправить')
    await inShadow(page, `root.querySelector('button[type="submit"]').click()`)
    await page.waitForFunction(`${SHADOW}.querySelector('#description-error')`)
    expect(
      await inShadow(page, `return root.querySelector('#description-error').textContent`),
    ).toBe('Опишите, пожалуйста, проблему.')
    await page.screenshot({ path: '/tmp/widget-form-ru.png' })
    expect(errors).toEqual([])
    await page.close()
  })

  it('works on the example page: its own link opens the form, prefilled from the stub, in dark mode too', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await site.browser.newPage({
        viewport: { width: 1280, height: 860 },
        colorScheme,
      })
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      await page.goto(`${site.h.site.url}/?example`)
      await widgetLoaded(page)
      // The header's "My requests" opens the reporter's requests; "Report a problem" the form.
      await page.click('header [data-snagbox-open="requests"]')
      await page.waitForFunction(`${SHADOW}.querySelector('.requests__empty, .requests__list')`)
      await page.keyboard.press('Escape')
      await page.waitForFunction(`!${SHADOW}.querySelector('dialog')`)
      await page.click('header [data-snagbox-open=""]')
      await page.waitForFunction(`${SHADOW}.querySelector('#phone')`)
      expect(await inShadow(page, `return root.querySelector('#phone').value`)).toBe(
        '+7 912 555-01-23',
      )
      await page.screenshot({ path: `/tmp/widget-example-${colorScheme}.png` })
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
