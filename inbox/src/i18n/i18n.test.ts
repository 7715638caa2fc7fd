import { describe, expect, it } from 'vitest'
import { en } from './en.js'
import { dateLocale, initialLanguage, label, lang, t } from './index.js'
import { ru } from './ru.js'

describe('the inbox languages', () => {
  it('takes the saved choice, else the first language of the browser it speaks', () => {
    expect(initialLanguage('ru', ['en-US'])).toBe('ru')
    expect(initialLanguage(null, ['de-DE', 'ru-RU', 'en'])).toBe('ru')
    expect(initialLanguage(null, ['en-GB'])).toBe('en')
    expect(initialLanguage('fr', ['fr-FR'])).toBe('en')
  })

  it('has every string in Russian, none left empty or in English by mistake', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort())
    const same = Object.entries(ru).filter(([key, text]) => text === en[key as keyof typeof en])
    // Only what is the same in both: the "User agent" header.
    expect(same.map(([key]) => key)).toEqual(['env.userAgent'])
    expect(Object.values(ru).every((text) => text.trim().length > 0)).toBe(true)
  })

  it('fills placeholders and labels API values, falling back to the value itself', () => {
    lang.value = 'ru'
    expect(t('bits', { n: 32 })).toBe('32 бит')
    expect(label('status', 'waiting_on_reporter')).toBe('Ждёт ответа заявителя')
    expect(label('status', 'something_new')).toBe('something_new')
    lang.value = 'en'
    expect(label('priority', 'critical')).toBe('Critical')
  })

  it("writes dates in the inbox's language, in the browser's own variant of it when it has one", () => {
    expect(dateLocale('ru', ['en-US'])).toBe('ru')
    expect(dateLocale('en', ['ru-RU', 'en-GB'])).toBe('en-GB')
    expect(dateLocale('en', [])).toBe('en')
  })
})
