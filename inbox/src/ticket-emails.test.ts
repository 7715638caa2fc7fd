import type { TicketEmail, TimelineEntry } from '@snagbox/sdk/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { lang, when } from './i18n/index.js'
import { canResend, emailKind, emailState, timelineItems } from './ticket-emails.js'

const entry = (id: number, createdAt: string): TimelineEntry => ({
  id,
  type: 'status_changed',
  visibility: 'public',
  actor: { kind: 'agent', id: 'a1', name: 'Ann' },
  data: {},
  createdAt,
})

const mail = (e: Partial<TicketEmail>): TicketEmail => ({
  id: 1,
  kind: 'reply',
  audience: 'reporter',
  to: 'bob@example.com',
  subject: '[DEMO-1] Export fails',
  state: 'pending',
  attempts: 0,
  lastError: null,
  sentAt: null,
  createdAt: '2026-03-02T10:00:00.000Z',
  eventId: null,
  ...e,
})

afterEach(() => void (lang.value = 'en'))

describe("a ticket's e-mails in the inbox", () => {
  it('says every kind the server sends in words, in both languages', () => {
    const kinds = [
      'received',
      'reply',
      'question',
      'resolved',
      'reminder',
      'closed',
      'reopened',
      'split',
      'new_ticket',
      'activity',
    ]
    const en = kinds.map(emailKind)
    expect(en).toEqual([
      'Received',
      'Reply',
      'Question',
      'Solution',
      'Reminder',
      'Closed',
      'Reopened',
      'Split',
      'New ticket',
      'Reporter activity',
    ])
    lang.value = 'ru'
    const ru = kinds.map(emailKind)
    expect(ru[3]).toBe('Решение')
    expect(ru[9]).toBe('Ответ заявителя')
    // Every one said differently in Russian, none left as the raw kind.
    ru.forEach((words, i) => expect(words).not.toBe(en[i]))
    ru.forEach((words, i) => expect(words).not.toBe(kinds[i]))
    // One this inbox doesn't know yet stays readable as it is.
    expect(emailKind('webhook_digest')).toBe('webhook_digest')
  })

  it('says whether it arrived: when it was sent, waiting, retried after an error, given up on', () => {
    const sentAt = '2026-03-02T10:00:04.000Z'
    expect(emailState(mail({ state: 'sent', attempts: 1, sentAt }))).toBe(
      `sent ${when(sentAt, 'time')}`,
    )
    // Sent days later (the SMTP server was down): the date too.
    const late = '2026-03-05T09:00:00.000Z'
    expect(emailState(mail({ state: 'sent', attempts: 9, sentAt: late }))).toBe(
      `sent ${when(late)}`,
    )
    expect(emailState(mail({}))).toBe('waiting to be sent')
    const refused = '550 5.1.1 mailbox unavailable'
    expect(emailState(mail({ attempts: 2, lastError: 'connect ECONNREFUSED' }))).toBe(
      'attempt 2 failed, trying again: connect ECONNREFUSED',
    )
    expect(emailState(mail({ state: 'failed', attempts: 1, lastError: refused }))).toBe(
      `failed after attempt 1: ${refused}`,
    )
    lang.value = 'ru'
    expect(emailState(mail({ state: 'failed', attempts: 3, lastError: refused }))).toBe(
      `не отправлено, попытка 3: ${refused}`,
    )
    expect(emailState(mail({}))).toBe('ждёт отправки')
  })

  it('offers to send again what was sent or given up on, not what is still on its way', () => {
    expect(canResend(mail({ state: 'sent' }))).toBe(true)
    expect(canResend(mail({ state: 'failed' }))).toBe(true)
    expect(canResend(mail({ state: 'pending', attempts: 3 }))).toBe(false)
  })

  it('puts each e-mail under its event, oldest first, and one of no event where it was made', () => {
    const created = entry(1, '2026-03-01T09:00:00.000Z')
    const resolved = entry(2, '2026-03-02T10:00:00.000Z')
    const closed = entry(3, '2026-03-06T10:00:00.000Z')
    // Newest first, as the API lists them.
    const emails = [
      mail({ id: 5, kind: 'closed', eventId: 3, createdAt: closed.createdAt }),
      mail({ id: 4, kind: 'reminder', eventId: null, createdAt: '2026-03-05T10:00:00.000Z' }),
      mail({ id: 3, kind: 'resolved', eventId: 2, createdAt: resolved.createdAt }),
      mail({ id: 2, kind: 'new_ticket', eventId: 1, createdAt: created.createdAt }),
      mail({ id: 1, kind: 'received', eventId: 1, createdAt: created.createdAt }),
    ]
    const items = timelineItems([created, resolved, closed], emails)
    expect(items.map((item) => [item.entry?.id ?? null, item.emails.map((m) => m.id)])).toEqual([
      [1, [1, 2]],
      [2, [3]],
      [null, [4]],
      [3, [5]],
    ])
    // An event the timeline doesn't show, and no timeline at all: still listed, by time.
    const stray = mail({ id: 9, eventId: 77, createdAt: '2026-03-09T00:00:00.000Z' })
    expect(timelineItems([created], [stray]).map((item) => item.entry?.id ?? null)).toEqual([
      1,
      null,
    ])
    expect(timelineItems([], [])).toEqual([])
  })
})
