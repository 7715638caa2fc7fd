import { describe, expect, it } from 'vitest'
import { automaticReason } from './automatic.js'
import { parseMessage } from './parse.js'

const OWN = new Set(['support@kvant.example'])
const message = (head: string, from = 'Anna <anna@example.com>') =>
  parseMessage(new TextEncoder().encode(`From: ${from}\r\nSubject: Hi\r\n${head}\r\n\r\nHello\r\n`))

describe('automaticReason', () => {
  it.each([
    ['Auto-Submitted: auto-replied', 'auto-submitted: auto-replied'],
    ['X-Autorespond: vacation', 'auto-reply'],
    ['Precedence: bulk', 'precedence: bulk'],
    ['Precedence: junk', 'precedence: junk'],
    ['List-Id: <users.lists.example.org>', 'mailing list'],
    ['Return-Path: <>', 'bounce (empty Return-Path)'],
    ['Content-Type: multipart/report; report-type=delivery-status; boundary=x', 'delivery report'],
  ])('tells %s', async (head, reason) => {
    expect(automaticReason(await message(head), OWN)).toBe(reason)
  })

  it('tells mail daemons and our own addresses, plus-addressed or not', async () => {
    expect(automaticReason(await message('X: 1', 'MAILER-DAEMON@mx.example.com'), OWN)).toBe(
      'mailer daemon',
    )
    expect(automaticReason(await message('X: 1', 'support+0a@kvant.example'), OWN)).toBe(
      'our own address',
    )
  })

  it('lets a person’s message through, also one that says Auto-Submitted: no', async () => {
    expect(automaticReason(await message('Auto-Submitted: no'), OWN)).toBeNull()
    expect(automaticReason(await message('Precedence: normal'), OWN)).toBeNull()
  })
})
