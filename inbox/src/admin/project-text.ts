import type { AdminProject } from '@snagbox/sdk/contract'
import { at } from './i18n.js'

const SHOWN_HOLIDAYS = 3

/**
 * A project's working days as its row says them, a line each: the time zone, when a solution
 * closes itself, the days off (the first few; all of them in `title`).
 *
 * @example
 * workingDaysText(project) // ['Europe/Moscow', 'auto-close after 5 working days', 'holidays: 2027-01-07']
 */
export function workingDaysText(project: AdminProject): string[] {
  const days = project.holidays
  const shown = days.slice(0, SHOWN_HOLIDAYS).join(', ')
  return [
    project.timeZone,
    at('projects.autoCloseIn', { n: project.autoCloseDays }),
    !days.length
      ? at('projects.noHolidays')
      : days.length > SHOWN_HOLIDAYS
        ? at('projects.holidaysMore', { days: shown, n: days.length - SHOWN_HOLIDAYS })
        : at('projects.holidays', { days: shown }),
  ]
}

/** `imaps://support:***@imap.example.com/INBOX` → `imap.example.com/INBOX (support)`: no password. */
export function mailboxText(url: string): string {
  try {
    const parsed = new URL(url)
    const path = parsed.pathname === '/' ? '' : decodeURIComponent(parsed.pathname)
    return `${parsed.host}${path} (${decodeURIComponent(parsed.username)})`
  } catch {
    return url
  }
}

/** Whom its e-mails come from and which mailbox is read, as two short lines. */
export const projectMailText = (project: AdminProject): [string, string] => [
  at('projects.sender', { from: project.mailFrom ?? at('projects.serverSender') }),
  at('projects.mailbox', {
    box: project.imapUrl ? mailboxText(project.imapUrl) : at('projects.noMailbox'),
  }),
]
