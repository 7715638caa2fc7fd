import type { AdminProject } from '@snagbox/sdk/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { lang } from '../i18n/index.js'
import { mailboxText, projectMailText, workingDaysText } from './project-text.js'

const kvant = {
  timeZone: 'Europe/Moscow',
  autoCloseDays: 5,
  holidays: ['2027-01-07'],
  mailFrom: '"Kvant support" <support@kvant.example>',
  imapUrl: 'imaps://support:***@imap.kvant.example:993/INBOX',
} as AdminProject

afterEach(() => void (lang.value = 'en'))

describe("a project's row in few words", () => {
  it('says its working days in one cell: the zone, the auto-close, the days off', () => {
    expect(workingDaysText(kvant)).toEqual([
      'Europe/Moscow',
      'auto-close after 5 working days',
      'holidays: 2027-01-07',
    ])
    const many = ['2027-01-01', '2027-01-02', '2027-01-07', '2027-02-23', '2027-03-08']
    expect(workingDaysText({ ...kvant, holidays: many })[2]).toBe(
      'holidays: 2027-01-01, 2027-01-02, 2027-01-07 and 2 more',
    )
    expect(workingDaysText({ ...kvant, holidays: [] })[2]).toBe('no holidays')
    lang.value = 'ru'
    expect(workingDaysText(kvant)[1]).toBe('автозакрытие через 5 раб. дн.')
  })

  it('names the sender and the mailbox, never the password', () => {
    expect(projectMailText(kvant)).toEqual([
      'from: "Kvant support" <support@kvant.example>',
      'mailbox: imap.kvant.example:993/INBOX (support)',
    ])
    expect(projectMailText({ ...kvant, mailFrom: null, imapUrl: null })).toEqual([
      "from: the server's sender",
      'mailbox: none',
    ])
    expect(mailboxText('imap://help%40kvant.example:pw@mail.kvant.example/')).toBe(
      'mail.kvant.example (help@kvant.example)',
    )
    expect(mailboxText('not a url')).toBe('not a url')
  })
})
