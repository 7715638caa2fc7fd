import { afterEach, describe, expect, it, vi } from 'vitest'
import { withRequests } from '../test/requests.js'
import { ENVIRONMENT, fakeClient, settle, startTestFirstStage, until } from '../test/support.js'

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

const launcherOf = (w: ReturnType<typeof startTestFirstStage>) =>
  w.$<HTMLButtonElement>('.launcher')!

describe('the first stage', () => {
  it('shows the launcher and loads nothing until the reporter shows intent', async () => {
    const w = startTestFirstStage()
    expect(launcherOf(w).textContent).toBe('Report a problem')
    expect(launcherOf(w).getAttribute('aria-haspopup')).toBe('dialog')
    await settle()
    expect(w.attempts()).toBe(0)
    launcherOf(w).dispatchEvent(new PointerEvent('pointerenter'))
    expect(w.attempts()).toBe(1)
    // Asked once, however many signs of intent follow.
    launcherOf(w).dispatchEvent(new FocusEvent('focus'))
    expect(w.attempts()).toBe(1)
  })

  it('loads the dialog on focus on the launcher, and at the page’s idle moment', () => {
    const focused = startTestFirstStage()
    launcherOf(focused).dispatchEvent(new FocusEvent('focus'))
    expect(focused.attempts()).toBe(1)
    document.body.innerHTML = ''
    const idle = startTestFirstStage()
    expect(idle.attempts()).toBe(0)
    idle.idle()
    expect(idle.attempts()).toBe(1)
  })

  it('a click before the dialog arrived: the launcher is busy, then the form opens, and Escape gives the focus back', async () => {
    const w = startTestFirstStage()
    launcherOf(w).focus()
    launcherOf(w).click()
    expect(launcherOf(w).getAttribute('aria-busy')).toBe('true')
    expect(launcherOf(w).textContent).toContain('Preparing the form…')
    await w.arrive()
    expect(w.$('dialog')).not.toBeNull()
    expect(launcherOf(w).getAttribute('aria-busy')).toBe('false')
    expect(launcherOf(w).getAttribute('aria-expanded')).toBe('true')
    w.shell.root.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    )
    await settle()
    expect(w.$('dialog')).toBeNull()
    expect(launcherOf(w).getAttribute('aria-expanded')).toBe('false')
    expect(w.shell.root.activeElement).toBe(launcherOf(w))
  })

  it('a data-snagbox-open element of the page opens the form once the dialog has arrived', async () => {
    const w = startTestFirstStage({ launcher: false })
    expect(launcherOf(w)).toBeNull()
    document.body.insertAdjacentHTML('beforeend', '<button data-snagbox-open>Help</button>')
    document.querySelector<HTMLElement>('[data-snagbox-open]')!.click()
    expect(w.attempts()).toBe(1)
    await w.arrive()
    expect(w.$('dialog')).not.toBeNull()
  })

  it('open(\'requests\') before the dialog arrived, and a data-snagbox-open="requests" element, open “My requests”; plain open() the form', async () => {
    const client = fakeClient()
    withRequests(client).add('DEMO-1', 'Export fails')
    const w = startTestFirstStage({ launcher: false }, client)
    w.api.open('requests')
    expect(w.attempts()).toBe(1)
    await w.arrive()
    await until(() => w.$('[data-reference="DEMO-1"]'), 'my requests')
    w.api.close()
    await settle()

    document.body.insertAdjacentHTML(
      'beforeend',
      '<button data-snagbox-open="requests">My requests</button><a href="#" data-snagbox-open>Help</a>',
    )
    const mine = document.querySelector<HTMLElement>('[data-snagbox-open="requests"]')!
    mine.focus()
    mine.click()
    await until(() => w.$('[data-reference="DEMO-1"]'), 'my requests')
    w.shell.root.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    )
    await settle()
    expect(w.$('dialog')).toBeNull()
    expect(document.activeElement).toBe(mine)

    document.querySelector<HTMLElement>('a[data-snagbox-open]')!.click()
    await settle()
    expect(w.$('#snagbox-title-form')).not.toBeNull()
    w.api.close()
    w.api.open()
    await settle()
    expect(w.$('#snagbox-title-form')).not.toBeNull()
    w.api.close()
    await settle()

    // `="true"` and `="form"` mean the form too, quietly; another value is said in the console.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const value of ['true', 'form', 'reqests']) {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<a href="#" data-snagbox-open="${value}">Help</a>`,
      )
      document.querySelector<HTMLElement>(`[data-snagbox-open="${value}"]`)!.click()
      await settle()
      expect(w.$('#snagbox-title-form')).not.toBeNull()
      w.api.close()
      await settle()
    }
    // (Each widget of this file's tests hears the page's clicks: said once by each.)
    expect([...new Set(warn.mock.calls.map((c) => String(c[1])))]).toEqual(['reqests'])
  })

  it('close() before the dialog arrived calls the pending open off', async () => {
    const w = startTestFirstStage()
    w.api.open()
    w.api.close()
    expect(launcherOf(w).getAttribute('aria-busy')).toBe('false')
    await w.arrive()
    expect(w.$('dialog')).toBeNull()
  })

  it('listens at once, and getEnvironment() waits for the dialog part (which it loads)', async () => {
    const w = startTestFirstStage()
    const events: unknown[] = []
    w.api.on('open', () => events.push('open'))
    w.api.on('submitted', (e) => events.push(e))
    const environment = w.api.getEnvironment()
    expect(w.attempts()).toBe(1)
    await w.arrive()
    expect(await environment).toEqual(ENVIRONMENT)
    w.api.open()
    await settle()
    expect(events).toEqual(['open'])
  })

  it('says so when the dialog cannot be loaded, and the next click tries again', async () => {
    const w = startTestFirstStage()
    w.api.setUser({ name: 'Anna Petrova' })
    launcherOf(w).click()
    await w.fail()
    expect(launcherOf(w).textContent).toContain('The form did not load. Try again')
    expect(launcherOf(w).getAttribute('aria-busy')).toBe('false')
    expect(w.$('[role="status"]')!.textContent).toBe('The form did not load. Try again')
    expect(w.$('dialog')).toBeNull()
    launcherOf(w).click()
    expect(w.attempts()).toBe(2)
    expect(launcherOf(w).textContent).toContain('Preparing the form…')
    await w.arrive()
    expect(w.$('dialog')).not.toBeNull()
    // What the host set before is not lost with the failed attempt.
    expect(w.$<HTMLInputElement>('#name')!.value).toBe('Anna Petrova')
  })

  it('on intent, fetches the user-agent parser, the capture and its renderer ahead of the click', async () => {
    const w = startTestFirstStage()
    launcherOf(w).dispatchEvent(new PointerEvent('pointerenter'))
    await w.arrive()
    expect(w.client.log).toEqual(['prepare with screenshot'])
    expect(w.$('dialog')).toBeNull()
  })

  it('at the idle moment, fetches the user-agent parser but leaves the renderer', async () => {
    const w = startTestFirstStage()
    w.idle()
    await w.arrive()
    expect(w.client.log).toEqual(['prepare'])
  })

  it('fetches no renderer ahead when the host switched the screenshot off', async () => {
    const w = startTestFirstStage({ screenshot: false })
    launcherOf(w).dispatchEvent(new FocusEvent('focus'))
    await w.arrive()
    expect(w.client.log).toEqual(['prepare'])
  })

  it('a failed load at an idle moment changes nothing the reporter sees', async () => {
    const w = startTestFirstStage()
    w.idle()
    await w.fail()
    expect(launcherOf(w).textContent).toBe('Report a problem')
    expect(w.$('[role="status"]')!.textContent).toBe('')
  })
})

describe('the unread badge', () => {
  it('shows the count on the launcher, puts it in the button’s name, and announces it when it grows', () => {
    const { shell, $ } = startTestFirstStage()
    const badge = $('.launcher__badge')!
    expect(badge.hidden).toBe(true)
    shell.launcher!.setBadge(2)
    expect(badge.hidden).toBe(false)
    expect(badge.textContent).toBe('2')
    expect(badge.getAttribute('aria-hidden')).toBe('true')
    // Its name: the label, then (a block of its own, so spaced) the count in words.
    expect($('.launcher')!.textContent).toBe('Report a problemNew replies: 22')
    expect($('.launcher .visually-hidden')!.textContent).toBe('New replies: 2')
    expect($('[role="status"]')!.textContent).toBe('New replies: 2')
    shell.launcher!.setBadge(120)
    expect(badge.textContent).toBe('99+')
    expect($('[role="status"]')!.textContent).toBe('New replies: 120')
  })

  it('0 hides it, and a count that only falls is not announced again', () => {
    const { shell, $ } = startTestFirstStage({ lang: 'ru' })
    shell.launcher!.setBadge(3)
    shell.launcher!.setBadge(1)
    expect($('[role="status"]')!.textContent).toBe('Новых ответов: 3')
    expect($('.launcher .visually-hidden')!.textContent).toBe('Новых ответов: 1')
    shell.launcher!.setBadge(0)
    expect($('.launcher__badge')!.hidden).toBe(true)
    expect($('.launcher .visually-hidden')!.textContent).toBe('')
    shell.launcher!.setBadge(Number.NaN)
    expect($('.launcher__badge')!.hidden).toBe(true)
  })
})
