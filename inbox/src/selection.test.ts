import { describe, expect, it } from 'vitest'
import { allPicked, keepShown, pick, pickAll } from './selection.js'

const ROWS = ['DEMO-1', 'DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5', 'DEMO-6']
const sorted = (set: Set<string>) => [...set].sort()

describe('picking rows of the queue', () => {
  it('checks and unchecks one row at a time', () => {
    const one = pick(new Set(), ROWS, 'DEMO-3')
    expect(sorted(one)).toEqual(['DEMO-3'])
    expect(sorted(pick(one, ROWS, 'DEMO-3'))).toEqual([])
  })

  it('checks every row between the anchor and a shift-clicked one, either way up', () => {
    const start = new Set(['DEMO-2'])
    expect(sorted(pick(start, ROWS, 'DEMO-5', { anchor: 'DEMO-2', range: true }))).toEqual([
      'DEMO-2',
      'DEMO-3',
      'DEMO-4',
      'DEMO-5',
    ])
    expect(
      sorted(pick(new Set(['DEMO-5']), ROWS, 'DEMO-3', { anchor: 'DEMO-5', range: true })),
    ).toEqual(['DEMO-3', 'DEMO-4', 'DEMO-5'])
  })

  it('unchecks the range when the shift-clicked row was checked, and leaves the rest', () => {
    const all = new Set(ROWS)
    expect(sorted(pick(all, ROWS, 'DEMO-4', { anchor: 'DEMO-2', range: true }))).toEqual([
      'DEMO-1',
      'DEMO-5',
      'DEMO-6',
    ])
  })

  it('takes a shift-click with no anchor, or an anchor gone from the list, as one row', () => {
    expect(sorted(pick(new Set(), ROWS, 'DEMO-4', { anchor: null, range: true }))).toEqual([
      'DEMO-4',
    ])
    expect(sorted(pick(new Set(), ROWS, 'DEMO-4', { anchor: 'DEMO-99', range: true }))).toEqual([
      'DEMO-4',
    ])
    // Without shift the anchor does not matter.
    expect(sorted(pick(new Set(), ROWS, 'DEMO-4', { anchor: 'DEMO-1' }))).toEqual(['DEMO-4'])
  })

  it('checks the whole page with the header box, and clears it when all were checked', () => {
    const some = new Set(['DEMO-1', 'OTHER-9'])
    const page = pickAll(some, ROWS)
    expect(page.size).toBe(7)
    expect(allPicked(page, ROWS)).toBe(true)
    expect(sorted(pickAll(page, ROWS))).toEqual([])
    expect(allPicked(new Set(), [])).toBe(false)
  })

  it('forgets rows that left the list', () => {
    expect(sorted(keepShown(new Set(['DEMO-1', 'DEMO-9']), ROWS))).toEqual(['DEMO-1'])
  })
})
