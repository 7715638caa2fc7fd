import { afterEach, describe, expect, it } from 'vitest'
import type { TicketView } from '@snagbox/sdk/contract'
import { lang } from './i18n/index.js'
import { countChanges, viewName } from './views.js'

afterEach(() => void (lang.value = 'en'))

const view = (id: string, count: number, name: string | null = null): TicketView => ({
  id,
  kind: name ? 'mine' : 'standard',
  name,
  query: '',
  count,
  editable: !!name,
})

describe("the views' counts", () => {
  it('tells only the counts that changed, in the order of the sidebar', () => {
    const before = [view('new', 4), view('mine', 1), view('urgent', 2), view('v1', 3, 'Printers')]
    const after = [view('new', 5), view('mine', 1), view('urgent', 3), view('v1', 2, 'Printers')]
    expect(countChanges(before, after)).toBe('New: 5, Critical and blocking: 3, Printers: 2')
    expect(countChanges(after, after)).toBe('')
    lang.value = 'ru'
    expect(countChanges(before, after)).toBe('Новые: 5, Критичные и блокирующие: 3, Printers: 2')
  })

  it('takes a view saved or deleted meanwhile for no news of tickets', () => {
    expect(countChanges([view('new', 4)], [view('new', 4), view('v2', 9, 'Mine too')])).toBe('')
    expect(countChanges([view('new', 4), view('v2', 9, 'Gone')], [view('new', 4)])).toBe('')
  })

  it('names standard views in the inbox’s words and saved ones as written', () => {
    expect(viewName(view('awaiting_confirmation', 0))).toBe('Awaiting confirmation')
    expect(viewName(view('v1', 0, 'Team: printers'))).toBe('Team: printers')
  })
})
