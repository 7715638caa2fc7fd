import { describe, expect, it } from 'vitest'
import { readClientHints } from './client-hints.js'

const low = { brands: [{ brand: 'Chromium', version: '124' }], mobile: false, platform: 'Windows' }

describe('readClientHints', () => {
  it('gives up on a browser that never answers, with the low-entropy values', async () => {
    const nav = { userAgentData: { ...low, getHighEntropyValues: () => new Promise(() => {}) } }
    const started = Date.now()
    const hints = await readClientHints(nav, 50)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(hints).toEqual(low)
  })

  it('survives a refusal, thrown or rejected', async () => {
    const thrown = {
      userAgentData: {
        ...low,
        getHighEntropyValues: () => {
          throw new Error('NotAllowedError')
        },
      },
    }
    const rejected = {
      userAgentData: {
        ...low,
        getHighEntropyValues: () => Promise.reject(new Error('NotAllowedError')),
      },
    }
    expect(await readClientHints(thrown, 50)).toEqual(low)
    expect(await readClientHints(rejected, 50)).toEqual(low)
  })

  it('asks for the hints that tell the OS version, CPU, bitness, WOW64, model and full versions', async () => {
    let asked: string[] = []
    const nav = {
      userAgentData: {
        ...low,
        getHighEntropyValues: async (names: string[]) => {
          asked = names
          return { platformVersion: '15.0.0', wow64: true }
        },
      },
    }
    expect(await readClientHints(nav, 50)).toEqual({
      ...low,
      platformVersion: '15.0.0',
      wow64: true,
    })
    expect(asked.sort()).toEqual([
      'architecture',
      'bitness',
      'fullVersionList',
      'model',
      'platformVersion',
      'wow64',
    ])
  })

  it('is null where the browser has no client hints (Firefox, Safari)', async () => {
    expect(await readClientHints({}, 50)).toBeNull()
    expect(await readClientHints(undefined, 50)).toBeNull()
  })
})
