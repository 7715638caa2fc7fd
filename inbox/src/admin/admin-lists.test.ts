import { describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '../api.js'
import { adminList } from './admin-lists.js'

describe('a list the admin screens share', () => {
  it('loads once for calls made meanwhile, and puts what a write answered in place', async () => {
    const fetchAll = vi.fn(async () => [
      { id: 'a', name: 'Ann' },
      { id: 'b', name: 'Bob' },
    ])
    const list = adminList(fetchAll)
    await Promise.all([list.load(), list.load()])
    expect(fetchAll).toHaveBeenCalledOnce()
    list.put({ id: 'b', name: 'Robert' })
    list.put({ id: 'c', name: 'Cleo' })
    expect(list.state.value.items).toEqual([
      { id: 'a', name: 'Ann' },
      { id: 'b', name: 'Robert' },
      { id: 'c', name: 'Cleo' },
    ])
  })

  it('keeps what it had when a reload fails, and says why', async () => {
    const answers: (() => Promise<{ id: string }[]>)[] = [
      async () => [{ id: 'a' }],
      async () => {
        throw new ApiProblem(403, 'forbidden', 'Admins only')
      },
    ]
    const list = adminList(() => answers.shift()!())
    await list.load()
    await list.load()
    expect(list.state.value.items).toEqual([{ id: 'a' }])
    expect(list.state.value.error).toMatchObject({ status: 403 })
  })
})
