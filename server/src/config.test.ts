import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '@snagbox/sdk/contract'
import { loadConfig } from './config.js'

describe('loadConfig', () => {
  it('has defaults that suit a real office', () => {
    const c = loadConfig()
    expect(c).toMatchObject({
      db: './data/snagbox.db',
      host: '127.0.0.1',
      port: 8787,
      publicUrl: 'http://127.0.0.1:8787',
      trustProxy: false,
    })
    expect(c.limits).toEqual(DEFAULT_LIMITS)
    expect(c.limits.bodyBytes).toBe(10 * 1024 * 1024)
    expect(c.rateLimit.perIp.limit).toBeGreaterThanOrEqual(100)
  })

  it('reads environment variables, and flags win over them', () => {
    const c = loadConfig(
      {
        SNAGBOX_PORT: '9000',
        SNAGBOX_MAX_BODY_BYTES: '2048',
        SNAGBOX_ALLOWED_ORIGINS: 'https://a.example, https://b.example/',
        SNAGBOX_RATE_LIMIT_WINDOW: '30',
      },
      {
        port: '9100',
        'max-description-chars': '500',
        'allowed-origin': ['https://c.example'],
        'public-url': 'https://help.example.com/',
      },
    )
    expect(c.port).toBe(9100)
    expect(c.limits.bodyBytes).toBe(2048)
    expect(c.limits.descriptionChars).toBe(500)
    expect(c.allowedOrigins).toEqual([
      'https://a.example',
      'https://b.example',
      'https://c.example',
    ])
    expect(c.publicUrl).toBe('https://help.example.com')
    expect(c.rateLimit.perIp.windowSeconds).toBe(30)
    expect(c.rateLimit.perProject.windowSeconds).toBe(30)
  })

  it('refuses nonsense with a message naming the setting', () => {
    expect(() => loadConfig({ SNAGBOX_MAX_BODY_BYTES: 'ten megabytes' })).toThrow(/bodyBytes/)
    expect(() => loadConfig({}, { port: '-1' })).toThrow(/port/)
    expect(() => loadConfig({ SNAGBOX_ALLOWED_ORIGINS: 'not a url' })).toThrow(/origin/)
  })
})

describe('rate-limit windows', () => {
  it('refuse a window of 0 seconds, which no limit could count in', () => {
    for (const name of [
      'SNAGBOX_RATE_LIMIT_WINDOW',
      'SNAGBOX_RATE_LIMIT_LOGIN_WINDOW',
      'SNAGBOX_RATE_LIMIT_REPORTER_WINDOW',
    ]) {
      expect(() => loadConfig({ [name]: '0' })).toThrow(/at least 1 second/)
    }
    expect(loadConfig({ SNAGBOX_RATE_LIMIT_WINDOW: '1' }).rateLimit.perIp.windowSeconds).toBe(1)
  })
})
