/**
 * The inbox's admin screens as an admin uses them, in a real Chromium against a real server: an
 * agent added with a one-time link sets a password with it and works in its project; an API
 * token made and revoked in the screens holds and stops; disabling the agent takes its open tab
 * back to the sign-in page; a project made and changed takes tickets; the audit trail says it
 * all; and an agent who is not an admin gets none of it.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../sdk/test/browser-harness.js'
import {
  createAgent,
  createProject,
  loadConfig,
  openDatabase,
  startServer,
  type Db,
  type RunningServer,
} from '../server/src/index.js'
import { launchChromium } from './chromium.js'

const SHOTS = '/tmp/e2e-admin-shots'
const ADMIN = { email: 'ada@example.com', name: 'Ada Admin', password: 'correct horse battery' }
const PLAIN = { email: 'pat@example.com', name: 'Pat Plain', password: 'plain agent password' }
const BOB = { email: 'bob@example.com', name: 'Bob Invited', password: 'bobs new password 1' }
const TOKEN_NAME = 'CI reader'
const PROJECT = {
  name: 'Nova Retail',
  prefix: 'NOVA',
  origin: 'https://shop.nova.example',
  timeZone: 'Europe/Moscow',
  holiday: '2027-01-07',
}

let browser: Browser
let db: Db
let dir: string
let server: RunningServer
let keys: { KVT: string; OTH: string }
let admin: BrowserContext
let adminPage: Page
let bob: BrowserContext
let bobPage: Page
/** What the admin screens showed once: the one-time link, the API token's secret. */
let link: string
let secret: string
let newKey: string

async function file(key: string, description: string, origin?: string): Promise<Response> {
  return fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Snagbox-Key': key,
      ...(origin ? { Origin: origin } : {}),
    },
    body: JSON.stringify({ description }),
  })
}

/** An API call with a bearer token, as a script or a bot would make it. */
const withToken = (token: string, path: string, init: { method?: string; json?: unknown } = {}) =>
  fetch(server.url + path, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${token}`,
      ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  })

const rows = (p: Page) =>
  p
    .locator('.queue-table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reference')))

/** A fresh browser profile: another person at another computer. */
async function person(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  // Elements appear within moments or not at all: fail in seconds, not in Playwright's 30.
  context.setDefaultTimeout(10_000)
  return { context, page: await context.newPage() }
}

async function signIn(p: Page, who: { email: string; password: string }) {
  await p.goto(`${server.url}/inbox`)
  await p.getByLabel('E-mail').fill(who.email)
  await p.getByLabel('Password').fill(who.password)
  await p.getByRole('button', { name: 'Sign in' }).click()
  await p.getByRole('heading', { name: 'Queue' }).waitFor()
}

/** Opens an admin tab from the header's Admin link and the tabs, as a person clicks there. */
async function adminTab(p: Page, tab: 'Agents' | 'Projects' | 'Audit trail') {
  if ((await p.locator('section.admin').count()) === 0)
    await p.getByRole('link', { name: 'Admin', exact: true }).click()
  await p
    .getByRole('navigation', { name: 'Admin sections' })
    .getByRole('link', { name: tab })
    .click()
  await p.getByRole('heading', { name: tab, level: 2 }).waitFor()
}

/** The confirm dialog's answer; the dialog is modal, so it must be gone afterwards. */
async function confirm(p: Page, title: string, button: string) {
  const dialog = p.getByRole('dialog', { name: title })
  await dialog.waitFor()
  await dialog.getByRole('button', { name: button }).click()
  await dialog.waitFor({ state: 'detached' })
}

const agentRow = (p: Page, email: string) => p.locator(`.admin-agents tr[data-email="${email}"]`)
const projectRow = (p: Page, prefix: string) =>
  p.locator(`.admin-projects tr[data-prefix="${prefix}"]`)
const cells = (row: Locator) => row.locator('td').allTextContents()
/** The whole page, from its top: scrolled down, the sticky header would land in the middle. */
async function shot(p: Page, name: string) {
  await p.evaluate(() => window.scrollTo(0, 0))
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true })
  dir = await mkdtemp(join(tmpdir(), 'snagbox-e2e-admin-'))
  db = openDatabase(join(dir, 'snagbox.db'))
  keys = {
    KVT: createProject(db, { name: 'Kvant Energo', prefix: 'KVT' }).key,
    OTH: createProject(db, { name: 'Other customer', prefix: 'OTH' }).key,
  }
  await createAgent(db, { ...ADMIN, role: 'admin' })
  await createAgent(db, { ...PLAIN, projects: ['KVT'] })
  const port = await freePort()
  // Streams re-check their credential every second (a disable in this process ends them at once
  // anyway, through the credential-ends feed).
  const config = loadConfig(
    {},
    { port: String(port), host: '127.0.0.1', 'stream-check-seconds': '1' },
  )
  server = await startServer(db, config)
  for (const [key, description] of [
    [keys.KVT, 'Export fails with error 0x80070005'],
    [keys.OTH, 'Confidential: the other customer cannot print invoices'],
  ] as const) {
    const res = await file(key, description)
    if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${await res.text()}`)
  }
  browser = await launchChromium()
  ;({ context: admin, page: adminPage } = await person())
  ;({ context: bob, page: bobPage } = await person())
})

afterAll(async () => {
  await browser?.close()
  await server?.close(0)
  db?.$client.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the admin screens of the inbox', () => {
  it('add an agent with a one-time link, shown once', async () => {
    const p = adminPage
    await signIn(p, ADMIN)
    await adminTab(p, 'Agents')
    await agentRow(p, ADMIN.email).waitFor()
    await p.getByRole('button', { name: 'Add agent' }).click()
    const form = p.getByRole('form', { name: 'Add agent' })
    await form.getByLabel('E-mail').fill(BOB.email)
    await form.getByLabel('Name', { exact: true }).fill(BOB.name)
    await form.getByLabel('Role').selectOption('agent')
    await form.getByRole('checkbox', { name: /^KVT/ }).check()
    await form.getByRole('radio', { name: 'Send a one-time link' }).check()
    await form.getByRole('button', { name: 'Add the agent' }).click()

    const shown = p.getByLabel(`One-time link for ${BOB.name}`)
    await shown.waitFor()
    link = await shown.inputValue()
    expect(link).toMatch(new RegExp(`^${server.url}/inbox/invite#sbi_`))
    expect(await shown.getAttribute('readonly')).not.toBeNull()
    await p.getByText(`${BOB.name} was added.`).waitFor()
    await p.getByText(`Shown this once: send it to ${BOB.name}`).waitFor()
    // The new agent is in the table, invited, in KVT only.
    const [name, email, role, projects, state] = await cells(agentRow(p, BOB.email))
    expect([name, email, role, projects]).toEqual([BOB.name, BOB.email, 'Agent', 'KVT'])
    expect(state).toMatch(/^Invited; the link works until /)
    await shot(p, 'agents-link-shown')
  })

  it('open the link in another browser: set a password, work in KVT only, link used up', async () => {
    const p = bobPage
    await p.goto(link)
    await p.getByText(`Set a password for ${BOB.name} (${BOB.email}).`).waitFor()
    await shot(p, 'invite-page')
    await p.getByLabel('New password').fill(BOB.password)
    await p.getByLabel('Repeat the password').fill(BOB.password)
    await p.getByRole('button', { name: 'Set the password and sign in' }).click()
    await p.getByRole('heading', { name: 'Queue' }).waitFor()
    // Signed in as Bob, and the token left the address.
    expect(await p.locator('.whoami').textContent()).toContain(BOB.name)
    expect(p.url()).not.toContain('sbi_')
    expect(p.url()).not.toContain('/invite')
    await expect.poll(() => rows(p), { timeout: 5_000 }).toEqual(['KVT-1'])
    expect(await p.content()).not.toContain('Confidential')
    expect(await p.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0)

    // The same link again, in another tab: used up.
    const again = await bob.newPage()
    await again.goto(link)
    await again.getByText('This link is not valid any more; ask an admin for a new one.').waitFor()
    await again.getByRole('link', { name: 'Go to the sign-in page' }).waitFor()
    await again.close()
  })

  it('make a read token for the agent: it reads, may not write, and stops when revoked', async () => {
    const p = adminPage
    await agentRow(p, BOB.email)
      .getByRole('button', { name: `Manage ${BOB.name}` })
      .click()
    const panel = p.getByRole('region', { name: `Settings of ${BOB.name}` })
    await panel.getByText('No API tokens.').waitFor()
    const form = panel.getByRole('form', { name: 'New API token' })
    await form.getByLabel('Name', { exact: true }).fill(TOKEN_NAME)
    await form.getByLabel('Scope').selectOption('read')
    await form.getByRole('button', { name: 'Create token' }).click()
    const shown = panel.getByLabel(`The token ${TOKEN_NAME}`)
    await shown.waitFor()
    secret = await shown.inputValue()
    expect(secret.length).toBeGreaterThan(20)
    await panel.getByText('Copy it now: it is not shown again.').waitFor()
    const tokenRow = panel.locator('.admin-tokens tbody tr')
    await expect.poll(() => tokenRow.count()).toBe(1)
    const [name, scope, state, , expires] = await cells(tokenRow)
    expect([name, scope, state]).toEqual([TOKEN_NAME, 'Read', 'Active'])
    expect(expires).not.toBe('never') // 90 days by default
    await shot(p, 'tokens-secret-shown')

    const me = await withToken(secret, '/api/v1/me')
    expect(me.status).toBe(200)
    expect(JSON.stringify(await me.json())).toContain(BOB.email)
    const write = await withToken(secret, '/api/v1/tickets/KVT-1/notes', {
      method: 'POST',
      json: { body: 'a read token may not write this' },
    })
    expect(write.status).toBe(403)

    await panel.getByRole('button', { name: `Revoke ${TOKEN_NAME}` }).click()
    await confirm(p, `Revoke the token ${TOKEN_NAME}?`, 'Revoke the token')
    await panel.getByText(`The token ${TOKEN_NAME} was revoked.`).waitFor()
    await expect.poll(() => tokenRow.getAttribute('data-state')).toBe('revoked')
    expect(await panel.getByRole('button', { name: `Revoke ${TOKEN_NAME}` }).count()).toBe(0)
    expect((await withToken(secret, '/api/v1/me')).status).toBe(401)
  })

  it('disable the agent: its open tab goes back to the sign-in page by itself', async () => {
    const p = adminPage
    await expect
      .poll(() => bobPage.locator('[data-live]').getAttribute('data-live'), { timeout: 10_000 })
      .toBe('live')
    // Set in Bob's tab now: still there afterwards means the page was not reloaded.
    await bobPage.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))

    const panel = p.getByRole('region', { name: `Settings of ${BOB.name}` })
    await panel.getByRole('button', { name: 'Disable', exact: true }).click()
    await confirm(p, `Disable ${BOB.name}?`, 'Disable the agent')
    await panel.getByText(`${BOB.name} is disabled`).waitFor()
    await expect.poll(() => agentRow(p, BOB.email).getAttribute('data-state')).toBe('disabled')
    await panel.getByRole('button', { name: 'Enable', exact: true }).waitFor()

    // By itself and soon, not on the next reload; a busy machine may take seconds over it.
    await bobPage.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 })
    expect(await bobPage.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    )
    expect(await bobPage.content()).not.toContain('Export fails')
  })

  it('create a project, change it, refuse a wrong time zone; it takes tickets', async () => {
    const p = adminPage
    await adminTab(p, 'Projects')
    await projectRow(p, 'KVT').waitFor()
    await p.getByRole('button', { name: 'New project' }).click()
    const form = p.getByRole('form', { name: 'New project' })
    await form.getByLabel('Name', { exact: true }).fill(PROJECT.name)
    await form.getByLabel('Prefix').fill(PROJECT.prefix)
    await form.getByLabel('Origins').fill(PROJECT.origin)
    await form.getByLabel('Time zone').fill(PROJECT.timeZone)
    await form.getByLabel('Holidays').fill(PROJECT.holiday)
    expect(await form.getByLabel('Auto-close after (working days)').inputValue()).toBe('5')
    await form.getByRole('button', { name: 'Create the project' }).click()
    await p.getByText(`The project ${PROJECT.name} (${PROJECT.prefix}) was created.`).waitFor()

    const row = projectRow(p, PROJECT.prefix)
    await row.waitFor()
    newKey = (await row.locator('code').textContent()) ?? ''
    expect(newKey).toMatch(/^pk_/)
    // Name and prefix in one cell, the zone, auto-close and holidays in another (one a line).
    const lines = (cell: number) =>
      row
        .locator('td')
        .nth(cell)
        .locator('.cell-line')
        .evaluateAll((spans) => spans.map((s) => s.textContent))
    expect(await lines(0)).toEqual([PROJECT.name, PROJECT.prefix])
    expect(await lines(2)).toEqual([PROJECT.origin])
    expect(await lines(3)).toEqual([
      PROJECT.timeZone,
      'auto-close after 5 working days',
      `holidays: ${PROJECT.holiday}`,
    ])
    expect((await cells(row))[4]).toBe('Critical')
    expect(await lines(5)).toEqual(["from: the server's sender", 'mailbox: none'])
    await p.getByRole('button', { name: 'Cancel' }).click()
    await shot(p, 'projects-light')

    await row.getByRole('button', { name: `Edit ${PROJECT.name}` }).click()
    const edit = p.getByRole('form', { name: `Settings of ${PROJECT.name}` })
    expect(await edit.getByLabel('Public key').inputValue()).toBe(newKey)
    await edit.getByLabel('Auto-close after (working days)').fill('3')
    await edit.getByRole('button', { name: 'Save' }).click()
    await p.getByText(`The project ${PROJECT.name} was saved.`).waitFor()
    await expect.poll(async () => (await lines(3))[1]).toBe('auto-close after 3 working days')

    const zoneInput = edit.getByLabel('Time zone')
    await zoneInput.fill('Mars/Olympus_Mons')
    await edit.getByRole('button', { name: 'Save' }).click()
    // The server's words, beside the field and tied to it for a screen reader.
    const zoneError = edit
      .locator('.field', { has: p.getByLabel('Time zone') })
      .locator('.field-error')
    await zoneError.waitFor()
    expect(await zoneError.textContent()).toBe('is not a known IANA time zone')
    expect(await zoneInput.getAttribute('aria-invalid')).toBe('true')
    expect((await zoneInput.getAttribute('aria-describedby'))?.split(' ')).toContain(
      await zoneError.getAttribute('id'),
    )
    // And the form's own message, beside the form (not at the top of the page).
    const editCard = p.locator('.admin-form', { has: edit })
    await editCard.getByRole('alert').filter({ hasText: 'Check the marked fields.' }).waitFor()
    // The refusal left the project as it was.
    expect((await lines(3))[0]).toBe(PROJECT.timeZone)

    await p.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
    await shot(p, 'projects-dark')
    await p.getByRole('combobox', { name: 'Theme' }).selectOption('light')

    const res = await file(newKey, 'The new shop cannot take payments', PROJECT.origin)
    expect(res.status).toBe(201)
    expect(((await res.json()) as { reference: string }).reference).toBe(`${PROJECT.prefix}-1`)
    // An origin the project does not list is refused.
    expect((await file(newKey, 'From elsewhere', 'https://evil.example')).status).toBe(403)
  })

  it('the audit trail says what the admin did, by name', async () => {
    const p = adminPage
    await adminTab(p, 'Audit trail')
    await p.getByText('That is the whole trail.').waitFor()
    await shot(p, 'audit')
    const trail = await p.locator('.admin-audit tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const [, words, who, target] = [...tr.querySelectorAll('td')].map((td) => td.textContent)
        return { action: tr.getAttribute('data-action'), words, who, target }
      }),
    )
    const agent = `${BOB.name} (${BOB.email})`
    const project = `${PROJECT.prefix} (${PROJECT.name})`
    const token = `token "${TOKEN_NAME}" · ${BOB.name}`
    for (const entry of [
      { action: 'agent.create', words: 'Agent added', target: agent },
      { action: 'agent.invite', words: 'One-time link made', target: agent },
      { action: 'token.create', words: 'API token created', target: token },
      { action: 'token.revoke', words: 'API token revoked', target: token },
      { action: 'agent.disable', words: 'Agent disabled', target: agent },
      { action: 'project.create', words: 'Project created', target: project },
      { action: 'project.update', words: 'Project changed', target: project },
    ])
      expect(trail).toContainEqual({ ...entry, who: ADMIN.name })
    // Newest first: the project changed after the agent was added.
    const at = (action: string) =>
      trail.findIndex((e) => e.action === action && e.who === ADMIN.name)
    expect(at('project.update')).toBeLessThan(at('agent.create'))
    // The failed time zone change changed nothing, so it is not in the trail.
    expect(trail.filter((e) => e.action === 'project.update')).toHaveLength(1)

    // Back on the agents screen, the link and the secret shown once are gone for good.
    await adminTab(p, 'Agents')
    await agentRow(p, BOB.email).waitFor()
    expect((await cells(agentRow(p, BOB.email)))[4]).toMatch(/^Disabled since /)
    expect(await p.getByLabel(`One-time link for ${BOB.name}`).count()).toBe(0)
    expect(await p.content()).not.toContain(link.split('#')[1])
    expect(await p.content()).not.toContain(secret)
  })

  it('an agent who is no admin sees no Admin link and is refused the screens', async () => {
    const { context, page: p } = await person()
    const chunks: string[] = []
    p.on('request', (r) => r.url().includes('/inbox/assets/') && chunks.push(r.url()))
    await signIn(p, PLAIN)
    expect(await p.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0)
    await p.goto(`${server.url}/inbox/admin`)
    await p.getByText('Only admins can open this page.').waitFor()
    expect(await p.getByRole('navigation', { name: 'Admin sections' }).count()).toBe(0)
    expect(await p.locator('.admin-agents').count()).toBe(0)
    // Its screens were not even downloaded.
    expect(chunks.filter((url) => /Admin/.test(url))).toEqual([])
    await context.close()
  })
})
