import { describe, expect, it } from 'vitest'
import { isEmailAddress } from './text.js'

describe('the e-mail rule', () => {
  it('takes addresses people have, company-network hosts and international domains included', () => {
    for (const address of [
      'anna@example.com',
      'a.petrova+support@mail.example.co.uk',
      'ivanov@corp',
      'admin@localhost',
      'анна@пример.рф',
      "o'brien@example.ie",
    ]) {
      expect([address, isEmailAddress(address)]).toEqual([address, true])
    }
  })

  it('refuses what is not one address: spaces, no host, parameters, several addresses, markup', () => {
    for (const text of [
      'anna',
      'anna@',
      '@example.com',
      'anna @example.com',
      'a@x.test?bcc=all@x.test',
      'a@b.c&cc=d@e.f',
      'a@b,c@d',
      '<a@b.c>',
      'a@-corp',
      'a@corp.',
      'a@@b.c',
      '"a"@b.c',
    ]) {
      expect([text, isEmailAddress(text)]).toEqual([text, false])
    }
  })
})
