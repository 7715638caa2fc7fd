import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AgentInfo } from '@snagbox/sdk/contract'
import { AGENTS_MAX_AGE_MS, loadAgents } from './agent-list.js'
import { agents } from './state.js'

const ann: AgentInfo = { id: 'a-ann', email: 'ann@example.com', name: 'Ann Agent', role: 'admin' }
const bob: AgentInfo = { id: 'b-bob', email: 'bob@example.com', name: 'Bob Builder', role: 'agent' }

afterEach(() => {
  agents.value = null
  vi.restoreAllMocks()
})

describe('the agent list', () => {
  it('loads once for concurrent callers and again only when it is old', async () => {
    const fetchList = vi.fn(async () => [ann, bob])
    await Promise.all([loadAgents(fetchList, 1_000), loadAgents(fetchList, 1_000)])
    expect(fetchList).toHaveBeenCalledOnce()
    expect(agents.value).toEqual([ann, bob])
    await loadAgents(fetchList, 1_000 + AGENTS_MAX_AGE_MS - 1)
    expect(fetchList).toHaveBeenCalledOnce()
    fetchList.mockResolvedValueOnce([ann])
    await loadAgents(fetchList, 1_000 + AGENTS_MAX_AGE_MS)
    expect(fetchList).toHaveBeenCalledTimes(2)
    expect(agents.value).toEqual([ann])
  })

  it('loads again after a sign-out cleared it, however young it was', async () => {
    const fetchList = vi.fn(async () => [ann])
    await loadAgents(fetchList, 10_000_000)
    agents.value = null
    await loadAgents(fetchList, 10_000_001)
    expect(fetchList).toHaveBeenCalledTimes(2)
  })

  it('keeps what it had when loading fails, and tries again next time', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    await loadAgents(async () => [ann, bob], 20_000_000)
    const failing = vi.fn(async (): Promise<AgentInfo[]> => {
      throw new Error('offline')
    })
    await loadAgents(failing, 20_000_000 + AGENTS_MAX_AGE_MS)
    expect(agents.value).toEqual([ann, bob])
    await loadAgents(failing, 20_000_000 + AGENTS_MAX_AGE_MS + 1)
    expect(failing).toHaveBeenCalledTimes(2)
  })
})
