import { describe, expect, it } from 'vitest'
import { en as requestsEn } from './requests-en.js'
import { ru as requestsRu } from './requests-ru.js'
import { DICTIONARIES } from './dictionaries.js'
import { en } from './en.js'
import { LAUNCHER_MESSAGES } from './launcher.js'
import { createTranslate } from './translate.js'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe.each([
  ['the dialog', DICTIONARIES as Record<string, Record<string, string>>],
  ['the launcher', LAUNCHER_MESSAGES as Record<string, Record<string, string>>],
  ['“My requests”', { en: requestsEn, ru: requestsRu } as Record<string, Record<string, string>>],
])('the texts of %s', (_, dictionaries) => {
  const english = dictionaries.en!
  it.each(Object.entries(dictionaries))(
    '%s has every key of English, each non-empty with the same placeholders',
    (_, messages) => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort())
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), key).not.toBe('')
        expect(placeholders(text), key).toEqual(placeholders(english[key]!))
      }
    },
  )

  it('Russian is really translated, not a copy of English', () => {
    const same = Object.keys(english).filter((key) => dictionaries.ru![key] === english[key])
    expect(same).toEqual([])
  })
})

describe('translating', () => {
  it('fills placeholders and lets the host override any text, of either dictionary', () => {
    const overrides = { launcher: 'Написать в поддержку', title: 'Поддержка Квант Энерго' }
    expect(createTranslate(LAUNCHER_MESSAGES.ru, overrides)('launcher')).toBe(
      'Написать в поддержку',
    )
    const t = createTranslate(DICTIONARIES.ru, overrides)
    expect(t('title')).toBe('Поддержка Квант Энерго')
    expect(t('bits', { n: 64 })).toBe('64 бит')
    expect(createTranslate(en)('build', { build: '6255' })).toBe('build 6255')
  })

  it('keeps the dialog’s, the launcher’s and “My requests”’ keys apart: each part loads only its own, and a host’s text replaces one', () => {
    expect(Object.keys(en).filter((key) => key in LAUNCHER_MESSAGES.en)).toEqual([])
    expect(
      Object.keys(requestsEn).filter((key) => key in en || key in LAUNCHER_MESSAGES.en),
    ).toEqual([])
  })
})
