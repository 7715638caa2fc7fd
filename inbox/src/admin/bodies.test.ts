import type { AdminAgent, AdminProject } from '@snagbox/sdk/contract'
import { describe, expect, it } from 'vitest'
import {
  agentChanges,
  dateList,
  keepsMaskedPassword,
  lines,
  NEW_PROJECT,
  newAgentBody,
  newProjectBody,
  newTokenBody,
  projectChanges,
  projectForm,
} from './bodies.js'

const bob: AdminAgent = {
  id: 'a2',
  email: 'bob@example.com',
  name: 'Bob',
  role: 'agent',
  projects: ['DEMO', 'KVT'],
  state: 'active',
  disabledAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  inviteExpiresAt: null,
  notifications: { newTickets: 'urgent', activity: true },
}

const demo: AdminProject = {
  id: 'p1',
  name: 'Demo',
  prefix: 'DEMO',
  key: 'pk_demo',
  allowedOrigins: ['https://app.example.com'],
  autoCloseDays: 5,
  timeZone: 'Europe/Berlin',
  holidays: ['2026-01-01', '2026-12-25'],
  massIncidentPriority: 'critical',
  mailFrom: null,
  imapUrl: null,
  hasIdentitySecret: false,
  workingHours: { start: '09:00', end: '18:00' },
  firstResponseHours: { critical: 1, high: 4, normal: 8, low: 16 },
}

describe('the admin forms as request bodies', () => {
  it('takes origins one a line and holidays by lines or commas, blanks left out', () => {
    expect(lines(' https://a.example.com \r\n\n  https://b.example.com\n ')).toEqual([
      'https://a.example.com',
      'https://b.example.com',
    ])
    expect(dateList('2026-01-01, 2026-01-07;2026-03-08\n 2026-05-01 ,')).toEqual([
      '2026-01-01',
      '2026-01-07',
      '2026-03-08',
      '2026-05-01',
    ])
    expect(lines('')).toEqual([])
    expect(dateList(' \n ')).toEqual([])
  })

  it('adds an agent with a one-time link unless a password is set', () => {
    const form = {
      email: ' bob@example.com ',
      name: ' Bob ',
      role: 'agent' as const,
      projects: ['DEMO'],
      access: 'link' as const,
      // Typed, then the admin went back to the link: not sent.
      password: 'forgotten here',
    }
    expect(newAgentBody(form)).toEqual({
      email: 'bob@example.com',
      name: 'Bob',
      role: 'agent',
      projects: ['DEMO'],
    })
    expect(newAgentBody({ ...form, access: 'password', password: ' spaces count ' })).toMatchObject(
      { password: ' spaces count ' },
    )
  })

  it("sends only an agent's changes, projects compared as a set", () => {
    expect(agentChanges(bob, { name: 'Bob ', role: 'agent', projects: ['KVT', 'DEMO'] })).toEqual(
      {},
    )
    expect(agentChanges(bob, { name: 'Robert', role: 'admin', projects: ['KVT'] })).toEqual({
      name: 'Robert',
      role: 'admin',
      projects: ['KVT'],
    })
  })

  it("sends an agent's e-mail settings only when, and as far as, they changed", () => {
    const same = { name: 'Bob', role: 'agent' as const, projects: bob.projects }
    expect(agentChanges(bob, { ...same, notifications: { ...bob.notifications } })).toEqual({})
    expect(
      agentChanges(bob, { ...same, notifications: { newTickets: 'none', activity: true } }),
    ).toEqual({ notifications: { newTickets: 'none' } })
    expect(
      agentChanges(bob, {
        ...same,
        name: 'Robert',
        notifications: { newTickets: 'all', activity: false },
      }),
    ).toEqual({ name: 'Robert', notifications: { newTickets: 'all', activity: false } })
  })

  it('makes a token that expires after the days given, the default, or never', () => {
    const form = { name: ' CI bot ', scope: 'read' as const, days: '30', never: false }
    expect(newTokenBody(form)).toEqual({ name: 'CI bot', scope: 'read', expiresInDays: 30 })
    expect(newTokenBody({ ...form, days: ' ' })).toEqual({ name: 'CI bot', scope: 'read' })
    expect(newTokenBody({ ...form, never: true })).toEqual({
      name: 'CI bot',
      scope: 'read',
      expiresInDays: null,
    })
  })

  it('creates a project from the form, with the defaults the form starts with', () => {
    expect(
      newProjectBody({
        ...NEW_PROJECT,
        name: ' Kvant ',
        prefix: ' kvt ',
        origins: 'https://kvant.example.com\n',
        holidays: '2026-01-01, 2026-01-02',
      }),
    ).toEqual({
      name: 'Kvant',
      prefix: 'KVT',
      origins: ['https://kvant.example.com'],
      autoCloseDays: 5,
      timeZone: 'UTC',
      holidays: ['2026-01-01', '2026-01-02'],
      massIncidentPriority: 'critical',
    })
    // Emptied fields: no origins, UTC, and the server's default days.
    expect(
      newProjectBody({ ...NEW_PROJECT, name: 'X', prefix: 'X', autoCloseDays: '', timeZone: ' ' }),
    ).toEqual({
      name: 'X',
      prefix: 'X',
      origins: [],
      timeZone: 'UTC',
      holidays: [],
      massIncidentPriority: 'critical',
    })
  })

  it("sends only a project's changed settings", () => {
    const form = projectForm(demo)
    expect(form.origins).toBe('https://app.example.com')
    expect(form.holidays).toBe('2026-01-01\n2026-12-25')
    expect(projectChanges(demo, form)).toEqual({})
    // The same holidays written another way are no change.
    expect(projectChanges(demo, { ...form, holidays: '2026-12-25, 2026-01-01' })).toEqual({})
    expect(
      projectChanges(demo, {
        ...form,
        autoCloseDays: '3',
        origins: `${form.origins}\nhttps://b.example.com`,
        massIncidentPriority: 'high',
      }),
    ).toEqual({
      autoCloseDays: 3,
      origins: ['https://app.example.com', 'https://b.example.com'],
      massIncidentPriority: 'high',
    })
  })

  it("creates a project with its sender and mailbox, or the server's sender and none", () => {
    const form = { ...NEW_PROJECT, name: 'Kvant', prefix: 'KVT' }
    expect(newProjectBody(form)).not.toHaveProperty('mailFrom')
    expect(newProjectBody({ ...form, mailFrom: '  ', imapUrl: ' ' })).not.toHaveProperty('imapUrl')
    expect(
      newProjectBody({
        ...form,
        mailFrom: ' "Kvant support" <support@kvant.example> ',
        imapUrl: ' imaps://support:s3cret@imap.kvant.example/INBOX ',
      }),
    ).toMatchObject({
      mailFrom: '"Kvant support" <support@kvant.example>',
      imapUrl: 'imaps://support:s3cret@imap.kvant.example/INBOX',
    })
  })

  it('keeps the stored mailbox password unless the admin changed the mailbox', () => {
    const masked = 'imaps://support:***@imap.kvant.example/INBOX'
    const kvant = { ...demo, mailFrom: 'support@kvant.example', imapUrl: masked }
    const form = projectForm(kvant)
    expect([form.mailFrom, form.imapUrl]).toEqual(['support@kvant.example', masked])
    // As shown, *** and all: not sent, so the password stays what it is.
    expect(projectChanges(kvant, { ...form, name: 'Kvant' })).toEqual({ name: 'Kvant' })
    expect(keepsMaskedPassword(kvant, form)).toBe(false)
    // Emptied: back to the server's sender, and no mailbox.
    expect(projectChanges(kvant, { ...form, mailFrom: ' ', imapUrl: '' })).toEqual({
      mailFrom: null,
      imapUrl: null,
    })
    // A new password typed: sent.
    const typed = 'imaps://support:n3w@imap.kvant.example/INBOX'
    expect(projectChanges(kvant, { ...form, imapUrl: typed })).toEqual({ imapUrl: typed })
    expect(keepsMaskedPassword(kvant, { ...form, imapUrl: typed })).toBe(false)
    // Another host with the *** left in: it would become the password, so it is refused.
    const moved = { ...form, imapUrl: 'imaps://support:***@imap2.kvant.example/INBOX' }
    expect(keepsMaskedPassword(kvant, moved)).toBe(true)
    // The settings of a project without a mailbox as before.
    expect(projectChanges(demo, projectForm(demo))).toEqual({})
    expect(projectChanges(demo, { ...projectForm(demo), mailFrom: 'a@kvant.example' })).toEqual({
      mailFrom: 'a@kvant.example',
    })
  })
})
