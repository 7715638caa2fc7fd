import { describe, expect, it, vi } from 'vitest'
import { createClient } from '../client.js'
import { collectEnvironment } from './collect.js'

// The user-agent parser is a part fetched on first use: here, one that cannot be (offline).
vi.mock('./user-agent.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module: user-agent.js')
})

const UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'

function page(userAgentData?: object): Window {
  return {
    navigator: { userAgent: UA, maxTouchPoints: 0, platform: 'Win32', userAgentData },
  } as unknown as Window
}

describe('collectEnvironment without its user-agent parser', () => {
  it('says what the client hints say, and keeps the raw user agent for the server', async () => {
    const env = await collectEnvironment({
      window: page({
        brands: [{ brand: 'Google Chrome', version: '124' }],
        mobile: false,
        platform: 'Windows',
        getHighEntropyValues: async () => ({
          platformVersion: '15.0.0',
          architecture: 'x86',
          bitness: '64',
          fullVersionList: [{ brand: 'Google Chrome', version: '124.0.6367.91' }],
        }),
      }),
    })
    expect(env.os).toEqual({
      name: 'Windows',
      version: '11',
      bitness: 64,
      architecture: 'x64',
      source: 'client-hints',
    })
    expect(env.browser).toEqual({ name: 'Chrome', version: '124.0.6367.91', bitness: 64 })
    expect(env.raw.userAgent).toBe(UA)
  })

  it('without client hints either: nothing is guessed, nothing is lost', async () => {
    const env = await collectEnvironment({ window: page() })
    expect(env.os).toEqual({
      name: null,
      version: null,
      bitness: null,
      architecture: null,
      source: 'user-agent',
    })
    expect(env.browser).toEqual({ name: null, version: null, bitness: null })
    expect(env.userAgent).toBe(UA)
  })
})

describe('prepare() without the user-agent parser', () => {
  const client = (environment = {}) =>
    createClient({
      endpoint: 'https://support.example.com',
      projectKey: 'pk_test',
      logs: false,
      outbox: false,
      environment,
    })

  it('says the parts are not at hand, and does not reject', async () => {
    const snag = client()
    expect(await snag.prepare({ screenshot: false })).toBe(false)
    snag.close()
  })

  it('does not even fetch it where the runtime tells the facts (Node, Electron)', async () => {
    const snag = client({ runtime: { platform: 'linux', release: '6.8.0', arch: 'x64' } })
    expect(await snag.prepare({ screenshot: false })).toBe(true)
    snag.close()
  })
})
