import { afterEach, describe, expect, it } from 'vitest'
import type { Status } from '@snagbox/sdk/contract'
import type { BulkAnswer } from '../api.js'
import { lang } from '../i18n/index.js'
import { bulkNotice } from './bulk-text.js'

afterEach(() => void (lang.value = 'en'))

const ok = (reference: string) => ({
  reference,
  ok: true as const,
  status: 'in_progress',
  version: 2,
})
const refused = (
  reference: string,
  code: string,
  status: Status | null = 'new',
  detail = 'refused',
) => ({ reference, ok: false as const, code, detail, status })
const answer = (results: BulkAnswer['results']): BulkAnswer => ({
  done: results.filter((r) => r.ok).length,
  refused: results.filter((r) => !r.ok).length,
  results,
})

describe('the words of a bulk change', () => {
  it('counts what changed and names each refused ticket with the reason, from the status it was refused in', () => {
    const results = [
      refused('DEMO-1', 'illegal_transition', 'closed', '"assign" is not allowed while closed'),
      refused('DEMO-2', 'illegal_transition', 'closed'),
      ...Array.from({ length: 18 }, (_, i) => ok(`DEMO-${i + 3}`)),
    ]
    const notice = bulkNotice(answer(results), 'assign')
    expect(notice).toEqual({
      kind: 'warning',
      text: '18 of 20 changed, 2 refused:',
      items: ['DEMO-1 is closed: it can’t be assigned', 'DEMO-2 is closed: it can’t be assigned'],
    })
    lang.value = 'ru'
    expect(bulkNotice(answer(results), 'assign').items![0]).toBe(
      'DEMO-1 (закрыта): назначить нельзя',
    )
  })

  it('says so when every ticket changed, and is an error when none did', () => {
    expect(bulkNotice(answer([ok('DEMO-1'), ok('DEMO-2')]), 'priority')).toEqual({
      kind: 'success',
      text: 'All 2 changed.',
    })
    const none = bulkNotice(
      answer([refused('DEMO-4', 'illegal_transition', 'waiting_on_reporter')]),
      'duplicate',
    )
    expect(none.kind).toBe('error')
    expect(none.items).toEqual(['DEMO-4 is waiting on reporter: it can’t be closed as a duplicate'])
  })

  it('words a change that changes nothing, a ticket out of reach, a missing target, and falls back to the server', () => {
    const notice = bulkNotice(
      answer([
        refused('DEMO-1', 'no_change'),
        refused('DEMO-2', 'not_found', null, 'No such ticket'),
        refused('DEMO-5', 'not_found', 'in_progress', 'No ticket DEMO-404'),
        refused(
          'DEMO-3',
          'conflict',
          'new',
          'The link would make a loop: DEMO-3 → DEMO-9 → DEMO-3',
        ),
      ]),
      'parent',
    )
    expect(notice.items).toEqual([
      'DEMO-1: nothing to change, it is so already',
      'DEMO-2: no such ticket in your projects',
      'DEMO-5: No ticket DEMO-404',
      'DEMO-3: The link would make a loop: DEMO-3 → DEMO-9 → DEMO-3',
    ])
  })
})
