import { describe, expect, it } from 'vitest'
import { mailtoHref } from './mailto.js'

describe('the reporter card’s mailto link', () => {
  it('links an address, percent-encoded', () => {
    expect(mailtoHref('anna@example.com')).toBe('mailto:anna@example.com')
    expect(mailtoHref('ivanov@corp')).toBe('mailto:ivanov@corp')
    expect(mailtoHref('anna+bugs@example.com')).toBe('mailto:anna%2Bbugs@example.com')
    expect(mailtoHref('иван@пример.рф')).toBe(
      `mailto:${encodeURIComponent('иван')}@${encodeURIComponent('пример.рф')}`,
    )
  })

  it('never links text an older ticket holds that would add recipients, a subject or a body', () => {
    for (const text of [
      'a@x.test?bcc=all@example.com',
      'a@x.test?body=Click%20here',
      'a@x.test&cc=b@x.test',
      'a@x.test,b@x.test',
      'javascript:alert(1)//@x.test',
      'a@x.test#frag',
      'Anna <a@x.test>',
      'not an address',
      '',
      null,
      undefined,
    ]) {
      expect([text, mailtoHref(text)]).toEqual([text, null])
    }
  })
})
