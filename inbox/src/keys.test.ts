import { describe, expect, it } from 'vitest'
import { keyCommand, moveSelection } from './keys.js'

describe('the inbox keyboard', () => {
  it('moves with j/k and opens with Enter in the queue', () => {
    expect(keyCommand({ key: 'j', editing: false }, 'queue')).toBe('next')
    expect(keyCommand({ key: 'k', editing: false }, 'queue')).toBe('prev')
    expect(keyCommand({ key: 'Enter', editing: false }, 'queue')).toBe('open')
    expect(keyCommand({ key: '/', editing: false }, 'queue')).toBe('search')
    expect(keyCommand({ key: 'r', editing: false }, 'queue')).toBeNull()
  })

  it('replies with r and goes back with Escape on a ticket', () => {
    expect(keyCommand({ key: 'r', editing: false }, 'ticket')).toBe('reply')
    expect(keyCommand({ key: 'Escape', editing: false }, 'ticket')).toBe('back')
    expect(keyCommand({ key: 'j', editing: false }, 'ticket')).toBeNull()
  })

  it('leaves letters typed into a field, and shortcuts of the browser, alone', () => {
    expect(keyCommand({ key: 'r', editing: true }, 'ticket')).toBeNull()
    expect(keyCommand({ key: '/', editing: true }, 'queue')).toBeNull()
    expect(keyCommand({ key: 'j', editing: true }, 'queue')).toBeNull()
    expect(keyCommand({ key: 'r', ctrlKey: true, editing: false }, 'ticket')).toBeNull()
    expect(keyCommand({ key: 'Escape', editing: true }, 'ticket')).toBeNull()
  })

  it('keeps the selection inside the list', () => {
    expect(moveSelection(-1, 'next', 3)).toBe(0)
    expect(moveSelection(0, 'prev', 3)).toBe(0)
    expect(moveSelection(1, 'next', 3)).toBe(2)
    expect(moveSelection(2, 'next', 3)).toBe(2)
    expect(moveSelection(0, 'next', 0)).toBe(-1)
  })
})
