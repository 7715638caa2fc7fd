import { describe, expect, it } from 'vitest'
import { en } from './en.js'
import { createTranslate, LANGUAGES, pickLanguage } from './index.js'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the widget texts', () => {
  it.each(Object.entries(LANGUAGES))('%s has every key of English, each non-empty with the same placeholders', (_, messages) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort())
    for (const [key, text] of Object.entries(messages)) {
      expect(text.trim(), key).not.toBe('')
      expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]))
    }
  })

  it('Russian is really translated, not a copy of English', () => {
    const same = Object.keys(en).filter((key) => LANGUAGES.ru[key as keyof typeof en] === en[key as keyof typeof en])
    expect(same).toEqual([])
  })

  it('picks the host’s language, else the first browser language it has, else English', () => {
    expect(pickLanguage('ru', ['en-US'])).toBe('ru')
    expect(pickLanguage(undefined, ['de-DE', 'ru-RU', 'en'])).toBe('ru')
    expect(pickLanguage('RU-ru', [])).toBe('ru')
    expect(pickLanguage('fr', ['de'])).toBe('en')
  })

  it('fills placeholders and lets the host override any text', () => {
    const t = createTranslate('ru', { launcher: 'Написать в поддержку' })
    expect(t('launcher')).toBe('Написать в поддержку')
    expect(t('bits', { n: 64 })).toBe('64 бит')
    expect(createTranslate('en')('build', { build: '6255' })).toBe('build 6255')
  })
})
