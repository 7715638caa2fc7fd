import { afterEach, describe, expect, it, vi } from 'vitest'
import { mountTestWidget, settle, until } from '../../test/support.js'

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

const key = (target: EventTarget, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }),
  )

async function openFromLauncher(options = {}) {
  const w = mountTestWidget(options)
  w.$('.launcher')!.click()
  await settle()
  return w
}

/** The accessible name of a control: its label, aria-label, aria-labelledby, or its text. */
function nameOf(root: ShadowRoot, el: HTMLElement): string {
  const labelledBy = el.getAttribute('aria-labelledby')
  if (labelledBy) return root.getElementById(labelledBy)?.textContent ?? ''
  const label = (el.id && root.querySelector(`label[for="${el.id}"]`)) || el.closest('label')
  return (el.getAttribute('aria-label') ?? label?.textContent ?? el.textContent ?? '').trim()
}

describe('the dialog', () => {
  it('is a labelled modal dialog, shown with showModal() (the top layer), with the focus inside it', async () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal')
    const { root, $ } = await openFromLauncher()
    const dialog = $<HTMLDialogElement>('dialog')!
    expect(showModal.mock.contexts).toEqual([dialog])
    expect(dialog.open).toBe(true)
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe(
      'Report a problem',
    )
    expect(dialog.contains(root.activeElement)).toBe(true)
    expect((root.activeElement as HTMLInputElement).value).toBe('incident')
  })

  it('labels every control', async () => {
    const { root } = await openFromLauncher()
    const controls = [
      ...root.querySelectorAll<HTMLElement>(
        'input:not([type=file]),textarea,button,select,summary',
      ),
    ]
    expect(controls.length).toBeGreaterThan(12)
    for (const control of controls)
      expect(nameOf(root, control), control.outerHTML.slice(0, 80)).not.toBe('')
  })

  it('closes on Escape and gives the focus back to the launcher', async () => {
    const { root, $ } = await openFromLauncher()
    key(root.activeElement!, 'Escape')
    await settle()
    expect($('dialog')).toBeNull()
    expect(root.activeElement).toBe($('.launcher'))
  })

  it('keeps Tab inside: past the last control comes the first, and Shift+Tab goes back round', async () => {
    const { root, $ } = await openFromLauncher()
    const submit = $('button[type="submit"]')!
    submit.focus()
    key(submit, 'Tab')
    expect(root.activeElement).toBe($('.panel__close'))
    key(root.activeElement!, 'Tab', { shiftKey: true })
    expect(root.activeElement).toBe(submit)
  })

  it('opens from any page element with data-snagbox-open and returns the focus to it', async () => {
    const { root, $ } = mountTestWidget({ launcher: false })
    expect($('.launcher')).toBeNull()
    document.body.insertAdjacentHTML(
      'beforeend',
      '<a href="#help" data-snagbox-open><span>Report a problem</span></a>',
    )
    const link = document.querySelector<HTMLElement>('[data-snagbox-open]')!
    link.focus()
    link.querySelector('span')!.click()
    await settle()
    expect($('dialog')).not.toBeNull()
    key(root.activeElement!, 'Escape')
    await settle()
    expect(document.activeElement).toBe(link)
  })

  it('without showModal() in the browser, it is still shown, as a fixed layer above the page', async () => {
    vi.spyOn(HTMLDialogElement.prototype, 'showModal').mockImplementation(() => {
      throw new TypeError('showModal is not a function')
    })
    const { root, $ } = await openFromLauncher()
    expect($('dialog')!.hasAttribute('open')).toBe(true)
    expect($('dialog')!.contains(root.activeElement)).toBe(true)
    key(root.activeElement!, 'Escape')
    await settle()
    expect($('dialog')).toBeNull()
    expect(root.activeElement).toBe($('.launcher'))
  })

  it('a close request the keys did not make (a phone’s back gesture) leaves the view like Escape', async () => {
    const { root, $, api } = await openFromLauncher()
    api.widget.state.editShot()
    await until(() => $('.editor'), 'the editor')
    const cancel = new Event('cancel', { cancelable: true })
    $('dialog')!.dispatchEvent(cancel)
    await settle()
    // Back from the editor to the form, the dialog still open.
    expect(cancel.defaultPrevented).toBe(true)
    expect($('.editor')).toBeNull()
    expect($('dialog form')).not.toBeNull()
    expect($('dialog')!.contains(root.activeElement)).toBe(true)
  })

  it('closed by the browser on its own, the dialog is closed for the widget too, and opens again', async () => {
    const { $, api } = await openFromLauncher()
    const events: string[] = []
    api.on('close', () => events.push('close'))
    $('dialog')!.dispatchEvent(new Event('close'))
    await settle()
    expect($('dialog')).toBeNull()
    expect($('.launcher')!.getAttribute('aria-expanded')).toBe('false')
    expect(events).toEqual(['close'])
    api.open()
    await settle()
    expect($('dialog')).not.toBeNull()
  })

  it('on a phone, follows the visual viewport (what the on-screen keyboard leaves of the window)', async () => {
    const viewport = Object.assign(new EventTarget(), { height: 740, offsetTop: 0 })
    Object.defineProperty(window, 'visualViewport', { value: viewport, configurable: true })
    try {
      const { $ } = await openFromLauncher()
      const dialog = $('dialog')!
      expect(dialog.style.getPropertyValue('--snagbox-viewport-height')).toBe('740px')
      Object.assign(viewport, { height: 420, offsetTop: 12 })
      viewport.dispatchEvent(new Event('resize'))
      expect(dialog.style.getPropertyValue('--snagbox-viewport-height')).toBe('420px')
      expect(dialog.style.getPropertyValue('--snagbox-viewport-top')).toBe('12px')
    } finally {
      delete (window as { visualViewport?: unknown }).visualViewport
    }
  })
})

describe('the form’s checks', () => {
  it('refuses an empty description: marks the field, says why, announces it, and focuses the field', async () => {
    const { root, $ } = await openFromLauncher()
    $('button[type="submit"]')!.click()
    await settle()
    const description = $('#description')!
    expect(description.getAttribute('aria-invalid')).toBe('true')
    expect(description.getAttribute('aria-describedby')).toContain('description-error')
    expect($('#description-error')!.textContent).toBe('Please describe the problem.')
    expect($('[role="alert"]')!.textContent).toBe('Please correct the marked fields.')
    expect(root.activeElement).toBe(description)
  })

  it('refuses a malformed e-mail address but sends without one', async () => {
    const { api, client, $, type } = await openFromLauncher()
    type('#description', 'Broken')
    type('#email', 'anna at example')
    $('button[type="submit"]')!.click()
    await settle()
    expect($('#email-error')!.textContent).toBe('This does not look like an e-mail address.')
    expect(client.reports).toHaveLength(0)
    type('#email', '')
    await api.widget.state.submit()
    expect(client.reports).toHaveLength(1)
  })
})

describe('languages', () => {
  it('speaks Russian with lang ru', async () => {
    const { root, $ } = await openFromLauncher({ lang: 'ru' })
    expect(root.host.getAttribute('lang')).toBe('ru')
    expect($('.title')!.textContent).toBe('Сообщить о проблеме')
    expect($('label[for="description"]')!.textContent).toContain('Что случилось?')
    expect($('button[type="submit"]')!.textContent).toBe('Отправить')
  })
})

describe('the screenshot', () => {
  const button = (root: ShadowRoot, text: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.textContent?.trim() === text,
    )!

  it('keeps the focus in the dialog after “Remove screenshot”, and Escape still closes it', async () => {
    const { root, $ } = await openFromLauncher()
    const remove = button(root, 'Remove screenshot')
    remove.focus()
    remove.click()
    await settle()
    expect($('.shot__preview')).toBeNull()
    expect($('dialog')!.contains(root.activeElement)).toBe(true)
    key(root.activeElement!, 'Escape')
    await settle()
    expect($('dialog')).toBeNull()
  })

  it('keeps the marks editable until Send: the editor opens with them, and undoing them all gives the capture back', async () => {
    const { api, root } = await openFromLauncher()
    const state = api.widget.state
    const capture = state.shot.value!.input
    const marks = [
      {
        tool: 'redact' as const,
        points: [[10, 10] as [number, number], [90, 60] as [number, number]],
      },
    ]
    state.applyEdit(new Blob(['marked'], { type: 'image/png' }), marks)
    await settle()
    expect(state.shot.value!.input).not.toBe(capture)
    state.editShot()
    await until(() => root.querySelector('.editor'), 'the editor')
    const undo = button(root, 'Undo')
    expect(undo.disabled).toBe(false)
    undo.click()
    await settle()
    expect(button(root, 'Undo').disabled).toBe(true)
    button(root, 'Use this picture').click()
    await settle()
    expect(state.view.value).toBe('form')
    expect(state.shot.value!.marks).toEqual([])
    expect(state.shot.value!.input).toBe(capture)
  })
})
