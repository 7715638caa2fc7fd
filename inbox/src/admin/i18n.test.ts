import type { AdminAgent } from '@snagbox/sdk/contract'
import { afterEach, describe, expect, it } from 'vitest'
import { lang } from '../i18n/index.js'
import { agentProjectsText, agentStateText } from './agent-text.js'
import { alabel, at } from './i18n.js'
import { adminEn } from './messages-en.js'
import { adminRu } from './messages-ru.js'

afterEach(() => void (lang.value = 'en'))

describe("the admin screens' languages", () => {
  it('has every string in Russian, none left empty or in English by mistake', () => {
    expect(Object.keys(adminRu).sort()).toEqual(Object.keys(adminEn).sort())
    const same = Object.entries(adminRu).filter(
      ([key, text]) => text === adminEn[key as keyof typeof adminEn],
    )
    expect(same).toEqual([])
    expect(Object.values(adminRu).every((text) => text.trim().length > 0)).toBe(true)
  })

  it('keeps the same placeholders in both languages', () => {
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [key, text] of Object.entries(adminEn))
      expect(holes(adminRu[key as keyof typeof adminRu]), key).toEqual(holes(text))
  })

  it('fills placeholders and labels API values, falling back to the value', () => {
    lang.value = 'ru'
    expect(at('tokens.revoked', { name: 'CI' })).toBe('Токен «CI» отозван.')
    expect(alabel('scope', 'read_write')).toBe('Чтение и запись')
    expect(alabel('scope', 'admin_only')).toBe('admin_only')
  })

  it("says where an agent stands: active, invited with the link's expiry, disabled", () => {
    const agent = { role: 'agent', projects: ['KVT', 'DEMO'] } as unknown as AdminAgent
    const now = Date.parse('2026-03-01T00:00:00Z')
    expect(agentStateText({ ...agent, state: 'active' }, now)).toBe('Active')
    expect(
      agentStateText({ ...agent, state: 'invited', inviteExpiresAt: '2026-03-02T00:00:00Z' }, now),
    ).toMatch(/^Invited; the link works until .*2026/)
    expect(
      agentStateText({ ...agent, state: 'invited', inviteExpiresAt: '2026-02-28T00:00:00Z' }, now),
    ).toBe('Invited; the link has expired')
    expect(agentStateText({ ...agent, state: 'disabled', disabledAt: null }, now)).toBe('Disabled')
    expect(agentProjectsText(agent)).toBe('DEMO, KVT')
    expect(agentProjectsText({ role: 'admin', projects: [] })).toBe('all')
    expect(agentProjectsText({ role: 'agent', projects: [] })).toBe('none')
  })
})
