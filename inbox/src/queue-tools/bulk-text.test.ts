import { afterEach, describe, expect, it } from 'vitest'
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
const refused = (reference: string, code: string, detail = 'refused') => ({
  reference,
  ok: false as const,
  code,
  detail,
})
const answer = (results: BulkAnswer['results']): BulkAnswer => ({
  done: results.filter((r) => r.ok).length,
  refused: results.filter((r) => !r.ok).length,
  results,
})

describe('the words of a bulk change', () => {
  it('counts what changed and names each refused ticket with the reason, from the status it was shown in', () => {
    const results = [
      refused('DEMO-1', 'illegal_transition', '"assign" is not allowed while the ticket is closed'),
      refused('DEMO-2', 'illegal_transition'),
      ...Array.from({ length: 18 }, (_, i) => ok(`DEMO-${i + 3}`)),
    ]
    const statuses: Record<string, string> = { 'DEMO-1': 'closed', 'DEMO-2': 'closed' }
    const notice = bulkNotice(answer(results), 'assign', (ref) => statuses[ref])
    expect(notice).toEqual({
      kind: 'warning',
      text: '18 of 20 changed, 2 refused:',
      items: ['DEMO-1 is closed: it can’t be assigned', 'DEMO-2 is closed: it can’t be assigned'],
    })
    lang.value = 'ru'
    expect(bulkNotice(answer(results), 'assign', (ref) => statuses[ref]).items![0]).toBe(
      'DEMO-1 (закрыта): назначить нельзя',
    )
  })

  it('says so when every ticket changed, and is an error when none did', () => {
    expect(bulkNotice(answer([ok('DEMO-1'), ok('DEMO-2')]), 'priority', () => 'new')).toEqual({
      kind: 'success',
      text: 'All 2 changed.',
    })
    const none = bulkNotice(
      answer([refused('DEMO-4', 'illegal_transition')]),
      'duplicate',
      () => 'waiting_on_reporter',
    )
    expect(none.kind).toBe('error')
    expect(none.items).toEqual(['DEMO-4 is waiting on reporter: it can’t be closed as a duplicate'])
  })

  it('words a change that changes nothing, a ticket out of reach, and falls back to the server', () => {
    const notice = bulkNotice(
      answer([
        refused('DEMO-1', 'no_change'),
        refused('DEMO-2', 'not_found', 'No ticket DEMO-2'),
        refused('DEMO-3', 'conflict', 'The link would make a loop: DEMO-3 → DEMO-9 → DEMO-3'),
        // A ticket the queue did not show: its status is not known here.
        refused(
          'DEMO-77',
          'illegal_transition',
          '"link" is not allowed while the ticket is closed',
        ),
      ]),
      'parent',
      (ref) => (ref === 'DEMO-77' ? undefined : 'new'),
    )
    expect(notice.items).toEqual([
      'DEMO-1: nothing to change, it is so already',
      'DEMO-2: no such ticket in your projects',
      'DEMO-3: The link would make a loop: DEMO-3 → DEMO-9 → DEMO-3',
      'DEMO-77: "link" is not allowed while the ticket is closed',
    ])
  })
})
