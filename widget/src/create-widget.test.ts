import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWidget } from './index.js'
import { openDetails, settle } from '../test/support.js'

// The SDK's fetching of the capture ahead, counted (nothing is fetched in these tests).
const prepared = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../sdk/src/screenshot/capture-screenshot.js', async (original) => ({
  ...(await original<object>()),
  prepareScreenshot: async () => (prepared.count++, true),
}))

const OPTIONS = {
  key: 'pk_test',
  endpoint: 'https://support.example.com',
  lang: 'en',
  screenshot: false,
  app: { version: '4.31.0', build: '6302' },
}
const hosts = () => document.querySelectorAll('snagbox-widget')
const shadow = () => document.querySelector('snagbox-widget')!.shadowRoot!

afterEach(() => {
  document.body.replaceChildren()
  vi.restoreAllMocks()
})

describe('createWidget() of @snagbox/widget', () => {
  it('mounts the widget and returns the same API as window.Snagbox, without putting anything on window', async () => {
    const widget = createWidget(OPTIONS)
    expect(Object.keys(widget).sort()).toEqual([
      'close',
      'destroy',
      'getEnvironment',
      'on',
      'open',
      'setApp',
      'setContext',
      'setUser',
    ])
    expect('Snagbox' in window).toBe(false)
    expect(hosts()).toHaveLength(1)
    expect(shadow().querySelector('.launcher')?.textContent).toContain('Report a problem')

    const events: string[] = []
    widget.on('open', () => events.push('open'))
    widget.setUser({ name: 'Anna Petrova', email: 'anna@example.com' })
    widget.open()
    await settle()
    expect(shadow().querySelector('dialog')).not.toBeNull()
    expect((shadow().querySelector('#name') as HTMLInputElement).value).toBe('Anna Petrova')
    expect((await openDetails(shadow())).textContent).toContain('4.31.0')
    expect(events).toEqual(['open'])
    widget.close()
    await settle()
    expect(shadow().querySelector('dialog')).toBeNull()
    widget.destroy()
  })

  it('destroy() removes the widget and its page listener; later calls do nothing and never throw', async () => {
    const opener = document.body.appendChild(document.createElement('button'))
    opener.setAttribute('data-snagbox-open', '')
    const widget = createWidget(OPTIONS)
    const events: string[] = []
    widget.on('close', () => events.push('close'))
    opener.click()
    await settle()
    expect(shadow().querySelector('dialog')).not.toBeNull()

    widget.destroy()
    expect(hosts()).toHaveLength(0)
    expect(events).toEqual(['close'])
    opener.click()
    widget.open()
    widget.setUser({ name: 'x' })
    widget.destroy()
    await settle()
    expect(hosts()).toHaveLength(0)
    expect(await widget.getEnvironment()).toBeNull()
    expect(widget.on('open', () => {})).toBeTypeOf('function')
  })

  it('fetches the screenshot capture ahead when the pointer is over its button, unless switched off', () => {
    const widget = createWidget({ ...OPTIONS, screenshot: true })
    const before = prepared.count
    shadow().querySelector('.launcher')!.dispatchEvent(new PointerEvent('pointerenter'))
    expect(prepared.count).toBe(before + 1)
    widget.destroy()
    const off = createWidget(OPTIONS)
    shadow().querySelector('.launcher')!.dispatchEvent(new PointerEvent('pointerenter'))
    expect(prepared.count).toBe(before + 1)
    off.destroy()
  })

  it('two widgets are independent: destroying one leaves the other', () => {
    const a = createWidget(OPTIONS)
    const b = createWidget({ ...OPTIONS, position: 'bottom-left' })
    expect(hosts()).toHaveLength(2)
    a.destroy()
    expect(hosts()).toHaveLength(1)
    b.destroy()
    expect(hosts()).toHaveLength(0)
  })

  it('without key and endpoint it warns and mounts nothing instead of throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const widget = createWidget({ key: 'pk_test' } as never)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('needs { key, endpoint }'))
    expect(hosts()).toHaveLength(0)
    widget.open()
    expect(await widget.getEnvironment()).toBeNull()
    expect(() => createWidget(undefined as never).destroy()).not.toThrow()
  })
})
