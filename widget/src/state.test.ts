import { afterEach, describe, expect, it } from 'vitest'
import type { ReportResult } from '@snagbox/sdk'
import {
  fakeClient,
  fakeShot,
  mountTestWidget,
  SENT,
  sdkErrorFor,
  settle,
} from '../test/support.js'

afterEach(() => void (document.body.innerHTML = ''))

describe('opening and closing', () => {
  it('captures the page before the dialog exists, so the dialog is never in the picture', async () => {
    let dialogDuringCapture: unknown = 'not asked'
    const { api, $ } = mountTestWidget(
      {},
      fakeClient(undefined, async () => {
        dialogDuringCapture = $('[role="dialog"]')
        return fakeShot()
      }),
    )
    api.open()
    await settle()
    expect(dialogDuringCapture).toBeNull()
    expect($('[role="dialog"]')).not.toBeNull()
    expect($<HTMLImageElement>('.shot__preview img')!.src).toMatch(/^blob:/)
  })

  it('takes no screenshot when the host switched it off', async () => {
    const { api, client, $ } = mountTestWidget({ screenshot: false })
    api.open()
    await settle()
    expect(client.log).not.toContain('capture')
    expect($('.shot')!.textContent).toContain('No screenshot attached.')
  })

  it('keeps the draft when closed and reopened, and keeps a picture the reporter attached', async () => {
    const { api, client, $, type } = mountTestWidget()
    api.open()
    await settle()
    type('#description', 'Totals are wrong')
    api.widget.state.attach(new File(['png'], 'mine.png', { type: 'image/png' }))
    api.close()
    await settle()
    expect($('[role="dialog"]')).toBeNull()
    api.open()
    await settle()
    expect($<HTMLTextAreaElement>('#description')!.value).toBe('Totals are wrong')
    expect(api.widget.state.shot.value?.origin).toBe('file')
    expect(client.log.filter((l) => l === 'capture')).toHaveLength(1)
  })
})

describe('sending', () => {
  it('sends the form as the report: category, description, blocking, contact, the captured screenshot', async () => {
    const { api, client, $, type } = mountTestWidget()
    api.setUser({ name: 'Anna', organization: 'Kvant' })
    api.open()
    await settle()
    $<HTMLInputElement>('input[value="mass_incident"]')!.click()
    type('#description', '  Invoices page is empty  ')
    $<HTMLInputElement>('input[name="blocking"]')!.click()
    type('#phone', '+7 900 000-00-00')
    await api.widget.state.submit()
    expect(client.reports[0]).toMatchObject({
      category: 'mass_incident',
      description: 'Invoices page is empty',
      blocking: true,
      reporter: {
        name: 'Anna',
        organization: 'Kvant',
        phone: '+7 900 000-00-00',
        email: undefined,
      },
      screenshot: { ok: true, engine: 'fake' },
    })
  })

  it('on success shows the reference and the status link, empties the form and tells the host', async () => {
    const { api, $, send } = mountTestWidget()
    const submitted: unknown[] = []
    api.on('submitted', (event) => submitted.push(event))
    await send({ '#description': 'Broken' })
    expect($('.done__reference')!.textContent).toBe('DEMO-7')
    expect($<HTMLAnchorElement>('.done__link')!.href).toBe('https://support.example.com/status/tok')
    expect(submitted).toEqual([
      { status: 'sent', reference: 'DEMO-7', statusUrl: 'https://support.example.com/status/tok' },
    ])
    expect(api.widget.state.description.value).toBe('')
  })

  it('says where updates will be e-mailed when the server will', async () => {
    const { $, send } = mountTestWidget(
      {},
      fakeClient({ ...SENT, mailTo: 'a***@example.com' } as ReportResult),
    )
    await send({ '#description': 'Broken' })
    expect($('.done')!.textContent).toContain('We will e-mail you at a***@example.com')
    const { $: $2, send: send2 } = mountTestWidget()
    await send2({ '#description': 'Broken' })
    expect($2('.done')!.textContent).not.toContain('e-mail you')
  })

  it('says honestly that a queued report is not sent yet', async () => {
    const { $, send } = mountTestWidget(
      {},
      fakeClient({
        status: 'queued',
        outboxId: 'o1',
        persisted: true,
        error: sdkErrorFor('network_error'),
      }),
    )
    await send({ '#description': 'Broken' })
    expect($('.done')!.textContent).toContain('Saved, not sent yet')
    expect($('.done')!.textContent).toContain(
      'will be sent automatically when the connection is back',
    )
    expect($('.done__reference')).toBeNull()
  })

  it('puts the server’s field errors beside their fields and keeps every word typed', async () => {
    const rejected = {
      status: 'rejected' as const,
      error: sdkErrorFor('invalid_payload', [
        { path: 'reporter.phone', message: 'must be a phone number' },
        { path: 'context', message: 'is too large' },
      ]),
    }
    const { $, send } = mountTestWidget({}, fakeClient(rejected))
    await send({ '#description': 'My long careful description', '#phone': 'call me' })
    expect($('#phone-error')!.textContent).toBe('must be a phone number')
    expect($('#phone')!.getAttribute('aria-invalid')).toBe('true')
    expect($('[role="alert"].form__error')!.textContent).toBe(
      'Please correct the marked fields. context: is too large',
    )
    expect($<HTMLTextAreaElement>('#description')!.value).toBe('My long careful description')
    expect($<HTMLInputElement>('#phone')!.value).toBe('call me')
  })

  it('explains a failure it cannot place on a field, by its code', async () => {
    const { $, send } = mountTestWidget(
      { messages: { error_not_configured: 'Ask IT to add this site.' } },
      fakeClient({ status: 'rejected', error: sdkErrorFor('origin_not_allowed') }),
    )
    await send({ '#description': 'Broken' })
    expect($('.form__error')!.textContent).toBe('Ask IT to add this site.')
    expect($('[role="dialog"] form')).not.toBeNull()
  })
})

describe('the host’s user', () => {
  it('fills the contact fields, but never overwrites what the reporter typed', async () => {
    const { api, $, type } = mountTestWidget()
    api.setUser({ name: 'Anna', email: 'anna@example.com' })
    api.open()
    await settle()
    type('#name', 'Anna P.')
    api.setUser({ name: 'Boris', email: 'boris@example.com' })
    await settle()
    expect($<HTMLInputElement>('#name')!.value).toBe('Anna P.')
    expect($<HTMLInputElement>('#email')!.value).toBe('boris@example.com')
  })
})
