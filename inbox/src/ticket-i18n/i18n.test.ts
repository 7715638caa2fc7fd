import { afterEach, describe, expect, it } from 'vitest'
import { lang } from '../i18n/index.js'
import { ticketEn } from './en.js'
import { listOf, tt } from './index.js'
import { ticketRu } from './ru.js'

afterEach(() => void (lang.value = 'en'))

describe("the ticket page's languages", () => {
  it('has every string in Russian, none left empty or in English by mistake', () => {
    expect(Object.keys(ticketRu).sort()).toEqual(Object.keys(ticketEn).sort())
    const same = Object.entries(ticketRu).filter(
      ([key, text]) => text === ticketEn[key as keyof typeof ticketEn],
    )
    expect(same).toEqual([])
    expect(Object.values(ticketRu).every((text) => text.trim().length > 0)).toBe(true)
  })

  it('keeps the same placeholders in both languages', () => {
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [key, text] of Object.entries(ticketEn))
      expect(holes(ticketRu[key as keyof typeof ticketRu]), key).toEqual(holes(text))
  })

  it('fills placeholders and joins names as the language does', () => {
    expect(tt('live.changed', { who: listOf(['the reporter', 'Alex Morgan']) })).toBe(
      'Changed by the reporter and Alex Morgan while you had it open: shown below, marked new.',
    )
    lang.value = 'ru'
    expect(listOf(['заявитель', 'Алексей'])).toBe('заявитель и Алексей')
    expect(tt('presence.typingOne', { name: 'Алексей' })).toBe('Алексей печатает…')
  })
})
