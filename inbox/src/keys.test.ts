import { describe, expect, it } from 'vitest'
import { keyCommand, moveSelection, onKeys, runKey, SHORTCUTS } from './keys.js'

describe('the inbox keyboard', () => {
  it('moves with j/k and opens with Enter in the queue', () => {
    expect(keyCommand({ key: 'j', editing: false }, 'queue')).toBe('next')
    expect(keyCommand({ key: 'k', editing: false }, 'queue')).toBe('prev')
    expect(keyCommand({ key: 'Enter', editing: false }, 'queue')).toBe('open')
    expect(keyCommand({ key: '/', editing: false }, 'queue')).toBe('search')
    expect(keyCommand({ key: 'x', editing: false }, 'queue')).toBe('select')
    expect(keyCommand({ key: 'a', editing: false }, 'queue')).toBe('assign')
    expect(keyCommand({ key: '?', editing: false }, 'queue')).toBe('help')
    expect(keyCommand({ key: 'r', editing: false }, 'queue')).toBeNull()
    expect(keyCommand({ key: 'e', editing: false }, 'queue')).toBeNull()
  })

  it('replies, notes, resolves and assigns on a ticket, j/k in the list beside it, Escape back', () => {
    expect(keyCommand({ key: 'r', editing: false }, 'ticket')).toBe('reply')
    expect(keyCommand({ key: 'n', editing: false }, 'ticket')).toBe('note')
    expect(keyCommand({ key: 'e', editing: false }, 'ticket')).toBe('resolve')
    expect(keyCommand({ key: 'a', editing: false }, 'ticket')).toBe('assign')
    expect(keyCommand({ key: 'Escape', editing: false }, 'ticket')).toBe('back')
    expect(keyCommand({ key: 'j', editing: false }, 'ticket')).toBe('next')
    // The arrows scroll the ticket; they move in the queue only.
    expect(keyCommand({ key: 'ArrowDown', editing: false }, 'ticket')).toBeNull()
    expect(keyCommand({ key: 'x', editing: false }, 'ticket')).toBeNull()
  })

  it('leaves letters typed into a field, and shortcuts of the browser, alone', () => {
    expect(keyCommand({ key: 'r', editing: true }, 'ticket')).toBeNull()
    expect(keyCommand({ key: '/', editing: true }, 'queue')).toBeNull()
    expect(keyCommand({ key: 'j', editing: true }, 'queue')).toBeNull()
    expect(keyCommand({ key: 'r', ctrlKey: true, editing: false }, 'ticket')).toBeNull()
    expect(keyCommand({ key: 'Escape', editing: true }, 'ticket')).toBeNull()
    expect(keyCommand({ key: 'x', editing: true }, 'queue')).toBeNull()
    expect(keyCommand({ key: '?', editing: true }, 'ticket')).toBeNull()
  })

  it('gives each key one meaning per view', () => {
    for (const view of ['queue', 'ticket'] as const) {
      const keys = SHORTCUTS.filter((s) => s.group === view || s.group === 'any').flatMap(
        (s) => s.keys,
      )
      expect(new Set(keys).size).toBe(keys.length)
    }
  })

  it('runs the answer of the page registered last, and none once taken back', () => {
    const calls: string[] = []
    const offList = onKeys({ next: () => calls.push('list'), assign: () => calls.push('list') })
    const offTicket = onKeys({ assign: () => calls.push('ticket') })
    expect(runKey('assign')).toBe(true)
    expect(runKey('next')).toBe(true)
    expect(runKey('resolve')).toBe(false)
    offTicket()
    runKey('assign')
    offList()
    expect(runKey('next')).toBe(false)
    expect(calls).toEqual(['ticket', 'list', 'list'])
  })

  it('keeps the selection inside the list', () => {
    expect(moveSelection(-1, 'next', 3)).toBe(0)
    expect(moveSelection(0, 'prev', 3)).toBe(0)
    expect(moveSelection(1, 'next', 3)).toBe(2)
    expect(moveSelection(2, 'next', 3)).toBe(2)
    expect(moveSelection(0, 'next', 0)).toBe(-1)
  })
})
