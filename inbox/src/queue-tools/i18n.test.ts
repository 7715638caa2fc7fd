import { afterEach, describe, expect, it } from 'vitest'
import { lang } from '../i18n/index.js'
import { SHORTCUTS } from '../keys.js'
import { qt } from './i18n.js'
import { toolsEn } from './messages-en.js'
import { toolsRu } from './messages-ru.js'

afterEach(() => void (lang.value = 'en'))

describe("the queue tools' languages", () => {
  it('has every string in Russian, none left empty or in English by mistake', () => {
    expect(Object.keys(toolsRu).sort()).toEqual(Object.keys(toolsEn).sort())
    const same = Object.entries(toolsRu).filter(
      ([key, text]) => text === toolsEn[key as keyof typeof toolsEn],
    )
    // Only what reads the same in both: the server's own words.
    expect(same.map(([key]) => key)).toEqual(['why.other'])
    expect(Object.values(toolsRu).every((text) => text.trim().length > 0)).toBe(true)
  })

  it('keeps the same placeholders in both languages', () => {
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [key, text] of Object.entries(toolsEn))
      expect(holes(toolsRu[key as keyof typeof toolsRu]), key).toEqual(holes(text))
  })

  it('describes every shortcut of the table, in both languages', () => {
    for (const s of SHORTCUTS) {
      const key = `help.${s.group}.${s.command}`
      expect(key in toolsEn, key).toBe(true)
    }
    lang.value = 'ru'
    expect(qt('bulk.apply', { n: 3 })).toBe('Применить к 3')
  })
})
