import { describe, expect, it } from 'vitest'
import { en } from './en.js'
import { createTranslate, DICTIONARIES } from './translate.js'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the widget texts', () => {
  it.each(Object.entries(DICTIONARIES))(
    '%s has every key of English, each non-empty with the same placeholders',
    (_, messages) => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort())
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), key).not.toBe('')
        expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]))
      }
    },
  )

  it('Russian is really translated, not a copy of English', () => {
    const same = Object.keys(en).filter(
      (key) => DICTIONARIES.ru[key as keyof typeof en] === en[key as keyof typeof en],
    )
    expect(same).toEqual([])
  })

  it('fills placeholders and lets the host override any text', () => {
    const t = createTranslate('ru', { launcher: 'Написать в поддержку' })
    expect(t('launcher')).toBe('Написать в поддержку')
    expect(t('bits', { n: 64 })).toBe('64 бит')
    expect(createTranslate('en')('build', { build: '6255' })).toBe('build 6255')
  })
})
