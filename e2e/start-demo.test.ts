/**
 * The README's first command, end to end: `npm start` (scripts/start.mjs on a fresh database)
 * serves the demo host app on its own origin, whose widget — loaded from the Snagbox server's
 * /widget.js — files a report with a screenshot that an agent then finds in the inbox.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../sdk/test/browser-harness.js'
import { launchChromium } from './chromium.js'

const root = fileURLToPath(new URL('..', import.meta.url))
let child: ChildProcess
let browser: Browser
let dir: string
let api: string
let demo: string
let mail: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snagbox-e2e-start-'))
  const [apiPort, demoPort, smtpPort, mailPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ]
  api = `http://127.0.0.1:${apiPort}`
  demo = `http://127.0.0.1:${demoPort}`
  mail = `http://127.0.0.1:${mailPort}/`
  child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      SNAGBOX_DB: join(dir, 'snagbox.db'),
      SNAGBOX_PORT: String(apiPort),
      SNAGBOX_DEMO_PORT: String(demoPort),
      SNAGBOX_DEMO_SMTP_PORT: String(smtpPort),
      SNAGBOX_DEMO_MAIL_PORT: String(mailPort),
      SNAGBOX_SMTP_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d
      if (out.includes('Demo project')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`start.mjs exited with ${code}: ${out}`)))
  })
  expect(out).toContain(`${demo}/`)
  expect(out).toContain(`${api}/inbox`)
  expect(out).toContain(mail)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  // It drains and closes its database on SIGTERM: gone before the next file starts.
  if (child?.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM')
    await once(child, 'exit')
  }
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('npm start', () => {
  it('runs a demo app whose widget files a report that shows up in the inbox', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const failures: string[] = []
    page.on('pageerror', (e) => failures.push(String(e)))
    page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`))
    await page.goto(`${demo}/`)
    await page.getByRole('button', { name: 'Report a problem' }).last().click()
    await page.getByRole('dialog').waitFor()
    await page
      .getByLabel(/What happened/)
      .fill('Demo: the energy report export fails with 0x80070005')
    await page.getByLabel('E-mail', { exact: true }).fill('anna@example.com')
    await page.getByRole('button', { name: 'Send' }).click()
    const reference = await page.getByText(/^DEMO-\d+$/).textContent({ timeout: 20_000 })
    expect(reference).toMatch(/^DEMO-\d+$/)
    expect(failures).toEqual([])

    const inbox = await browser.newPage({ viewport: { width: 1366, height: 850 } })
    await inbox.goto(`${api}/inbox`)
    await inbox.getByLabel(/e-mail/i).fill('demo@snagbox.local')
    await inbox.getByLabel(/password/i).fill('snagbox-demo')
    await inbox.keyboard.press('Enter')
    await inbox.getByText(reference!, { exact: true }).first().click()
    await inbox.getByText('Kvant Energo 4.30.34 (6255)').waitFor()
    const shot = inbox.getByRole('img', { name: /screenshot/i }).first()
    await shot.waitFor()
    expect(await shot.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(
      100,
    )

    // The reporter's e-mail lands in the demo's mail catcher, whose page a person can read.
    const mails = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await mails.goto(mail)
    const subject = `[${reference}] Your request is received`
    // Sent over SMTP by the server's mail sender, then shown by the catcher: seconds when busy.
    await expect
      .poll(
        async () => {
          await mails.reload()
          return mails.getByRole('link', { name: new RegExp(`^\\[${reference}\\]`) }).count()
        },
        { timeout: 15_000 },
      )
      .toBe(1)
    await mails.getByRole('link', { name: new RegExp(`^\\[${reference}\\]`) }).click()
    await mails
      .getByRole('heading', { name: new RegExp(subject.replace(/[[\]]/g, '\\$&')) })
      .waitFor()
    const statusLink = mails.getByRole('link', { name: new RegExp(`^${api}/status/`) })
    const href = await statusLink.getAttribute('href')
    const status = await browser.newPage()
    await status.goto(href!)
    await status.getByRole('heading', { name: new RegExp(reference!) }).waitFor()
    expect(await status.content()).toContain('a***@example.com')
  })
})
