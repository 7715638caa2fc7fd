import type { AdminAgent, AdminProject, AuditEvent } from '@snagbox/sdk/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { lang, when } from '../i18n/index.js'
import { auditAction, auditActor, auditDetails, auditNames, auditTarget } from './audit-text.js'

const ann = { id: 'a1', name: 'Ann Admin', email: 'ann@example.com' } as AdminAgent
const bob = { id: 'a2', name: 'Bob', email: 'bob@example.com' } as AdminAgent
const demo = { id: 'p1', name: 'Demo', prefix: 'DEMO' } as AdminProject
const names = auditNames([ann, bob], [demo])

const event = (e: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  action: 'agent.update',
  actor: { kind: 'agent', id: 'a1' },
  target: null,
  address: null,
  data: {},
  createdAt: '2026-01-01T00:00:00Z',
  ...e,
})

afterEach(() => void (lang.value = 'en'))

describe('the audit trail in words', () => {
  it('says every action the server records, in both languages', () => {
    expect(auditAction('agent.disable')).toBe('Agent disabled')
    expect(auditAction('auth.login_failed')).toBe('Failed sign-in')
    expect(auditAction('token.revoke')).toBe('API token revoked')
    lang.value = 'ru'
    expect(auditAction('agent.invite_accepted')).toBe('Одноразовая ссылка использована')
    // One this inbox doesn't know yet stays readable as it is.
    expect(auditAction('webhook.create')).toBe('webhook.create')
  })

  it('names who did it: an agent, the command line, a token, or nobody known', () => {
    expect(auditActor({ kind: 'agent', id: 'a1' }, names)).toBe('Ann Admin')
    expect(auditActor({ kind: 'agent', id: 'gone' }, names)).toBe('gone')
    expect(auditActor({ kind: 'cli', id: 'root' }, names)).toBe('cli:root')
    expect(auditActor({ kind: 'cli', id: null }, names)).toBe('cli')
    expect(auditActor({ kind: 'token', id: '0123456789abcdef' }, names)).toBe('API token 01234567')
    expect(auditActor({ kind: 'anonymous', id: null }, names)).toBe('anonymous')
  })

  it('names the target: agents and projects by name, tokens by theirs, a login as typed', () => {
    expect(auditTarget(event({ target: 'a2' }), names)).toBe('Bob (bob@example.com)')
    expect(auditTarget(event({ action: 'project.update', target: 'p1' }), names)).toBe(
      'DEMO (Demo)',
    )
    expect(
      auditTarget(
        event({ action: 'token.create', target: 't9', data: { agentId: 'a2', name: 'CI' } }),
        names,
      ),
    ).toBe('token "CI" · Bob')
    expect(
      auditTarget(event({ action: 'auth.login_failed', target: 'Eve@Example.com' }), names),
    ).toBe('Eve@Example.com')
    // Not among the lists (made since): what the entry itself says.
    expect(
      auditTarget(
        event({ action: 'project.create', target: 'p7', data: { prefix: 'NEW' } }),
        names,
      ),
    ).toBe('NEW')
    expect(auditTarget(event({ target: null }), names)).toBe('')
  })

  it('writes the data in words: what each value is, names for ids, dates as the inbox does', () => {
    expect(
      auditDetails(
        {
          email: 'bob@example.com',
          projects: ['DEMO', 'KVT'],
          sessionsEnded: 2,
          expiresAt: null,
          agentId: 'a2',
        },
        names,
      ),
    ).toBe(
      'e-mail: bob@example.com; projects: DEMO, KVT; sessions ended: 2; expires: never; agent: Bob',
    )
    // An ISO time as every other date of the inbox, never as the server wrote it.
    const expires = '2027-03-01T11:42:57.486Z'
    const said = auditDetails({ expiresAt: expires }, names)
    expect(said).toBe(`expires: ${when(expires)}`)
    expect(said).not.toContain('T11:42')
    expect(
      auditDetails({ reason: 'wrong_password', role: 'admin', scope: 'read_write' }, names),
    ).toBe('reason: wrong password; role: Admin; scope: Read and write')
    expect(
      auditDetails({ prefix: 'DEMO', changed: ['timeZone', 'imapUrl', 'webhooks'] }, names),
    ).toBe('prefix: DEMO; changed: Time zone, Support mailbox, webhooks')
    expect(auditDetails({ notifications: { newTickets: 'all', activity: false } }, names)).toBe(
      "e-mails: new tickets: Every one, reporter's answers: off",
    )
    lang.value = 'ru'
    expect(auditDetails({ agentId: 'a2', sessionsEnded: 1 }, names)).toBe(
      'сотрудник: Bob; завершено сеансов: 1',
    )
    expect(auditDetails({ notifications: { activity: true } }, names)).toBe(
      'письма: ответы заявителя: вкл.',
    )
    lang.value = 'en'
    // What this inbox doesn't know yet stays readable as it is.
    expect(auditDetails({ changedBy: { name: 'x' } }, names)).toBe('changedBy: {"name":"x"}')
    expect(auditDetails({ note: 'x'.repeat(200) }, names)).toHaveLength('note: '.length + 80)
    expect(auditDetails({}, names)).toBe('')
  })
})
