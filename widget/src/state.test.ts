import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReportResult } from '@snagbox/sdk'
import {
  fakeClient,
  fakeShot,
  mountTestWidget,
  openDetails,
  SENT,
  sdkErrorFor,
  settle,
} from '../test/support.js'

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('opening and closing', () => {
  it('shows the form at once and captures the page behind it, leaving the widget out; the picture fills in', async () => {
    let finish!: () => void
    const { api, client, $ } = mountTestWidget(
      {},
      fakeClient(undefined, () => new Promise((resolve) => (finish = () => resolve(fakeShot())))),
    )
    api.open()
    await settle()
    expect($('dialog')).not.toBeNull()
    expect(client.log).toEqual(['capture'])
    expect($('.shot')!.textContent).toContain('Taking a screenshot')
    expect($('.shot__preview')).toBeNull()
    finish()
    await settle()
    expect($<HTMLImageElement>('.shot__preview img')!.src).toMatch(/^blob:/)
  })

  it('opened again, shows no picture of the earlier moment while it captures the page anew', async () => {
    let finish: (() => void) | undefined
    let captures = 0
    // The first capture is done at once, the second when the test says.
    const { api, client, $ } = mountTestWidget(
      {},
      fakeClient(undefined, () =>
        ++captures > 1
          ? new Promise((resolve) => (finish = () => resolve(fakeShot())))
          : Promise.resolve(fakeShot()),
      ),
    )
    api.open()
    await settle()
    expect($('.shot__preview img')).not.toBeNull()
    api.close()
    await settle()
    api.open()
    await settle()
    expect(client.log).toEqual(['capture', 'capture'])
    expect($('dialog')).not.toBeNull()
    expect($('.shot__preview')).toBeNull()
    expect($('.shot')!.textContent).toContain('Taking a screenshot')
    finish!()
    await settle()
    expect($('.shot__preview img')).not.toBeNull()
  })

  it('a report sent while the page is still being captured waits for its picture', async () => {
    let finish!: () => void
    const shot = fakeShot()
    const { api, client, type } = mountTestWidget(
      {},
      fakeClient(undefined, () => new Promise((resolve) => (finish = () => resolve(shot)))),
    )
    api.open()
    await settle()
    type('#description', 'Sent at once')
    const sent = api.widget.state.submit()
    await settle()
    expect(client.reports).toEqual([])
    finish()
    await sent
    expect(client.reports[0]!.screenshot).toBe(shot)
  })

  it('keeps a picture the reporter attached while the capture was under way', async () => {
    let finish: (() => void) | undefined
    // The capture waits to be finished; the attached picture's encoding does not.
    const { api, $ } = mountTestWidget(
      {},
      fakeClient(undefined, () =>
        finish
          ? Promise.resolve(fakeShot())
          : new Promise((resolve) => (finish = () => resolve(fakeShot()))),
      ),
    )
    api.open()
    await settle()
    await api.widget.state.attach(new File(['png'], 'mine.png', { type: 'image/png' }))
    finish!()
    await settle()
    expect(api.widget.state.shot.value?.origin).toBe('file')
    expect($('.shot')!.textContent).not.toContain('Taking a screenshot')
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
    expect($('dialog')).toBeNull()
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
    expect($('dialog form')).not.toBeNull()
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

describe('a queued report, delivered later', () => {
  const QUEUED: ReportResult = {
    status: 'queued',
    outboxId: 'o1',
    persisted: true,
    error: sdkErrorFor('network_error'),
  }
  const ticket = (reference: string) => ({
    id: reference,
    reference,
    status: 'new' as const,
    statusUrl: `https://support.example.com/status/t-${reference}`,
    createdAt: 'now',
  })

  it('tells the host its reference when the outbox delivers it, and shows it on the screen that waited for it', async () => {
    const client = fakeClient(QUEUED)
    const { api, $, send } = mountTestWidget({}, client)
    const submitted: unknown[] = []
    api.on('submitted', (event) => submitted.push(event))
    await send({ '#description': 'Broken on the train' })
    expect($('.done')!.textContent).toContain('Saved, not sent yet')

    client.deliver({ outboxId: 'o1', kind: 'sent', ticket: ticket('DEMO-8') })
    await settle()
    expect($('.done__reference')!.textContent).toBe('DEMO-8')
    expect($('.done')!.textContent).toContain('Your request has been sent')
    expect($<HTMLAnchorElement>('.done__link')!.href).toBe(
      'https://support.example.com/status/t-DEMO-8',
    )
    expect(submitted).toEqual([
      { status: 'queued', outboxId: 'o1' },
      {
        status: 'sent',
        reference: 'DEMO-8',
        statusUrl: 'https://support.example.com/status/t-DEMO-8',
        outboxId: 'o1',
      },
    ])
  })

  it('says so on the screen that waited for it when the server refuses it for good', async () => {
    const client = fakeClient(QUEUED)
    const { $, send } = mountTestWidget({}, client)
    await send({ '#description': 'Broken' })
    client.deliver({ outboxId: 'o1', kind: 'rejected', error: sdkErrorFor('origin_not_allowed') })
    await settle()
    expect($('.done')!.textContent).toContain('Your request was not sent')
    expect($('.done')!.textContent).toContain('This form is not set up for this site yet.')
    expect($('.done')!.textContent).not.toContain('will be sent automatically')
  })

  it('tells the host about a report an earlier page queued, without changing what the reporter sees', async () => {
    const client = fakeClient(QUEUED)
    const { api, $, send } = mountTestWidget({}, client)
    const submitted: unknown[] = []
    api.on('submitted', (event) => submitted.push(event))
    await send({ '#description': 'Broken' })
    client.deliver({ outboxId: 'from-yesterday', kind: 'sent', ticket: ticket('DEMO-3') })
    await settle()
    expect($('.done')!.textContent).toContain('Saved, not sent yet')
    expect(submitted.at(-1)).toMatchObject({ reference: 'DEMO-3', outboxId: 'from-yesterday' })
  })
})

describe('what will be sent', () => {
  const LOGS = [
    { level: 'error' as const, message: 'Refresh failed: token=eyJ.secret', timestamp: 't1' },
    { level: 'warn' as const, message: 'Slow answer from /api/invoices', timestamp: 't2' },
  ]

  it('shows the console logs, the host’s context and the organization, and sends none of what the reporter removed', async () => {
    const client = fakeClient()
    client.logs = LOGS
    const { api, root, $, type } = mountTestWidget({}, client)
    api.setUser({ name: 'Anna', organization: 'Kvant Energo' })
    api.setContext({ screen: 'billing', accountId: 'KE-000418-77' })
    api.open()
    await settle()
    const details = await openDetails(root)
    expect(details.textContent).toContain('Kvant Energo')
    expect(details.textContent).toContain('KE-000418-77')
    expect(details.textContent).toContain('Refresh failed: token=eyJ.secret')
    expect(details.textContent).toContain('Slow answer from /api/invoices')
    const raw = () => JSON.parse($('.details__raw pre')!.textContent!)
    expect(raw()).toMatchObject({
      reporter: { organization: 'Kvant Energo' },
      context: { screen: 'billing' },
      logs: LOGS,
    })

    const button = (label: string) =>
      [...root.querySelectorAll<HTMLButtonElement>('button')].find(
        (b) => b.getAttribute('aria-label') === label || b.textContent === label,
      )!
    button('Remove this line: Refresh failed: token=eyJ.secret').click()
    await settle()
    expect($('dialog')!.contains(root.activeElement)).toBe(true)
    button('Do not send this data').click()
    await settle()
    expect($('dialog')!.contains(root.activeElement)).toBe(true)
    expect(details.textContent).not.toContain('token=eyJ')
    expect(details.textContent).not.toContain('KE-000418-77')
    expect(raw().logs).toEqual([LOGS[1]])
    expect(raw().context).toBeUndefined()

    type('#description', 'Totals are wrong')
    await api.widget.state.submit()
    expect(client.reports[0]).toMatchObject({ logs: [LOGS[1]], context: false })
  })

  it('sends the logs and the context as they are when the reporter removed nothing', async () => {
    const client = fakeClient()
    client.logs = LOGS
    const { api, type } = mountTestWidget({}, client)
    api.open()
    await settle()
    type('#description', 'Totals are wrong')
    await api.widget.state.submit()
    expect(client.reports[0]!.logs).toBeUndefined()
    expect(client.reports[0]!.context).toBeUndefined()
  })
})

describe('a wrong argument', () => {
  it('to setUser is ignored with one warning, and the contact fields stay as they were', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { api, $ } = mountTestWidget()
    api.setUser({ name: 'Anna', email: 'anna@example.com' })
    api.open()
    await settle()
    api.setUser(42 as never)
    api.setUser('Boris' as never)
    await settle()
    expect($<HTMLInputElement>('#name')!.value).toBe('Anna')
    expect($<HTMLInputElement>('#email')!.value).toBe('anna@example.com')
    expect(warn).toHaveBeenCalledTimes(2)
    expect(String(warn.mock.calls[0]![0])).toContain('[snagbox] setUser')
    api.setUser(null)
    await settle()
    expect($<HTMLInputElement>('#name')!.value).toBe('')
  })
})
