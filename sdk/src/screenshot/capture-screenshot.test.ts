import { describe, expect, it, vi } from 'vitest'
import { prepareScreenshot } from './capture-screenshot.js'
import type { ScreenshotEngine } from './types.js'

// The renderer is a module of its own: which renderers were fetched, and that none drew.
const fetched = vi.hoisted(() => [] as string[])
vi.mock('@zumer/snapdom', () => {
  fetched.push('snapdom')
  return { snapdom: () => Promise.reject(new Error('a preparation must not draw')) }
})

const engineWith = (prepare: () => Promise<unknown>) => {
  const drawn: unknown[] = []
  const engine: ScreenshotEngine = {
    name: 'own',
    prepare,
    render: async (request) => (drawn.push(request), Promise.reject(new Error('not now'))),
  }
  return { engine, drawn }
}

describe('prepareScreenshot', () => {
  it('fetches the default renderer without capturing, and says when it is at hand', async () => {
    expect(fetched).toEqual([])
    expect(await prepareScreenshot()).toBe(true)
    expect(fetched).toEqual(['snapdom'])
  })

  it("readies an engine of the host's own through its prepare(), drawing nothing", async () => {
    const prepare = vi.fn(async () => {})
    const { engine, drawn } = engineWith(prepare)
    expect(await prepareScreenshot({ engine })).toBe(true)
    expect(prepare).toHaveBeenCalledOnce()
    expect(drawn).toEqual([])
  })

  it('answers false, never rejecting, when the renderer cannot be fetched now', async () => {
    const { engine } = engineWith(() => Promise.reject(new TypeError('Failed to fetch')))
    expect(await prepareScreenshot({ engine })).toBe(false)
  })
})
