import { describe, expect, it } from 'vitest'
import { replyText } from './reply-text.js'

describe('replyText', () => {
  it('keeps the new words above the quoted history and its header', () => {
    const text = [
      'The printer is an HP LaserJet 1020.',
      '',
      'On Mon, 1 Dec 2025 at 10:00, Kvant support <support+3f@kvant.example>',
      'wrote:',
      '> Which printer is it?',
      '> --',
      '> Kvant support',
    ].join('\r\n')
    expect(replyText(text)).toBe('The printer is an HP LaserJet 1020.')
  })

  it('knows the headers of Russian mailers and of Outlook', () => {
    expect(
      replyText(
        'Спасибо, работает.\n\nпн, 1 дек. 2025 г. в 10:00, Kvant support <support@kvant.example>:\n> Готово',
      ),
    ).toBe('Спасибо, работает.')
    expect(
      replyText(
        'Still broken.\n\n________________________________\nFrom: Kvant support\nSent: Monday\nFixed?',
      ),
    ).toBe('Still broken.')
    expect(
      replyText(
        'Still broken.\n\nFrom: Kvant support <support@kvant.example>\nSent: Monday, 1 December\nTo: Anna\nFixed?',
      ),
    ).toBe('Still broken.')
    expect(replyText('Yes\n\n-----Original Message-----\nFixed?')).toBe('Yes')
  })

  it('drops the signature and a mobile mailer’s last line', () => {
    expect(replyText('It works.\n\n-- \nAnna Petrova\nAccounts')).toBe('It works.')
    expect(replyText('It works.\n\nSent from my iPhone')).toBe('It works.')
  })

  it('keeps answers written between the quoted lines', () => {
    const text =
      'On 01.12.2025 10:00, Kvant support wrote:\n> Which printer?\nThe HP one.\n> Which floor?\nThe second.'
    expect(replyText(text)).toBe('The HP one.\nThe second.')
  })

  it('takes time in proportion to the text, however hostile', () => {
    for (const hostile of [
      '\n'.repeat(20_000) + 'x',
      'Op schreef x\n'.repeat(1_500),
      'abc. skrev x\n'.repeat(1_500),
      'On ' + 'a '.repeat(50_000),
      '> a\nOn x wrote:\n'.repeat(5_000),
    ]) {
      const started = performance.now()
      replyText(hostile)
      expect(performance.now() - started).toBeLessThan(500)
    }
  })
})
