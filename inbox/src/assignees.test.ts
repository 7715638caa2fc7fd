import { describe, expect, it } from 'vitest'
import { assigneeIdFor, assignmentSides, filterAgents, pickerAgents } from './assignees.js'

const ann = { id: 'a-ann', name: 'Ann Agent' }
const bob = { id: 'b-bob', name: 'Bob Builder' }
const alex = { id: 'c-alex', name: 'Alex Morgan' }
const words = { nobody: 'Unassigned', unknown: 'Agent' }

describe('the assignee picker', () => {
  it('offers the signed-in agent first, then everyone else by name, each once', () => {
    const names = pickerAgents([alex, ann, bob], ann, bob).map((a) => a.name)
    expect(names).toEqual(['Ann Agent', 'Alex Morgan', 'Bob Builder'])
  })

  it('keeps the current assignee when the agent list is not there', () => {
    expect(pickerAgents(null, ann, bob)).toEqual([ann, bob])
    expect(pickerAgents(null, ann, null)).toEqual([ann])
    expect(pickerAgents([ann, alex], ann, ann)).toEqual([ann, alex])
  })

  it('sends "me" for oneself, null for nobody and the id for anyone else', () => {
    expect(assigneeIdFor('a-ann', 'a-ann')).toBe('me')
    expect(assigneeIdFor('', 'a-ann')).toBeNull()
    expect(assigneeIdFor('b-bob', 'a-ann')).toBe('b-bob')
  })
})

describe('the queue assignee filter', () => {
  it('lists the other agents by name, not the signed-in one ("me" stands for them)', () => {
    expect(filterAgents([bob, ann, alex], 'a-ann', '')).toEqual([alex, bob])
    expect(filterAgents(null, 'a-ann', 'me')).toEqual([])
  })

  it('keeps an agent the URL names even before the list knows them', () => {
    expect(filterAgents([bob], 'a-ann', 'z-gone')).toEqual([bob, { id: 'z-gone', name: 'z-gone' }])
    expect(filterAgents([bob], 'a-ann', 'b-bob')).toEqual([bob])
    expect(filterAgents([bob], 'a-ann', 'none')).toEqual([bob])
  })
})

describe('an assignment in the timeline', () => {
  it('names both sides from the names the server sent', () => {
    const d = { from: 'a-ann', to: 'b-bob', fromName: 'Ann Agent', toName: 'Bob Builder' }
    expect(assignmentSides(d, words)).toEqual({ from: 'Ann Agent', to: 'Bob Builder' })
  })

  it('says "Unassigned" for nobody on either side', () => {
    const taken = { from: null, to: 'a-ann', fromName: null, toName: 'Ann Agent' }
    expect(assignmentSides(taken, words)).toEqual({ from: 'Unassigned', to: 'Ann Agent' })
    const dropped = { from: 'a-ann', to: null, fromName: 'Ann Agent', toName: null }
    expect(assignmentSides(dropped, words)).toEqual({ from: 'Ann Agent', to: 'Unassigned' })
  })

  it('falls back to the agent list, then to "Agent" for someone no longer known', () => {
    const nameOf = (id: string) => (id === 'b-bob' ? 'Bob Builder' : undefined)
    const d = { from: 'x-deleted', to: 'b-bob' }
    expect(assignmentSides(d, { ...words, nameOf })).toEqual({ from: 'Agent', to: 'Bob Builder' })
  })
})
