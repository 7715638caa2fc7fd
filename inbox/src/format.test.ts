import { describe, expect, it } from 'vitest'
import { ageLabel, appLabel, environmentRows, environmentText, logTime, osLabel } from './format.js'

const t = (key: 'bits' | 'env.unknown', values: Record<string, string | number> = {}) =>
  key === 'bits' ? `${values.n}-bit` : 'unknown'

describe('formatting for support', () => {
  it('names the OS with its version and bitness, leaving out what is not known', () => {
    expect(osLabel({ name: 'Windows', version: '11', bitness: 64 }, t)).toBe('Windows 11 · 64-bit')
    expect(osLabel({ name: 'Windows', version: null, bitness: 32 }, t)).toBe('Windows · 32-bit')
    expect(osLabel({ name: 'Linux', version: null, bitness: null }, t)).toBe('Linux')
    expect(osLabel({}, t)).toBe('')
  })

  it('shows the version with its build', () => {
    expect(appLabel({ version: '4.30.34', build: '6255' })).toBe('4.30.34 (6255)')
    expect(appLabel({ version: '4.30.34' })).toBe('4.30.34')
    expect(appLabel({ build: '6255' })).toBe('? (6255)')
    expect(appLabel({})).toBe('')
  })

  it('says how old a ticket is in the largest unit that fits', () => {
    const now = Date.parse('2026-11-24T12:00:00Z')
    expect(ageLabel('2026-11-24T11:59:15Z', now)).toBe('45s')
    expect(ageLabel('2026-11-24T11:48:00Z', now)).toBe('12m')
    expect(ageLabel('2026-11-23T09:00:00Z', now)).toBe('27h')
    expect(ageLabel('2026-11-19T12:00:00Z', now)).toBe('5d')
    expect(ageLabel('2026-09-01T12:00:00Z', now, (u) => ` ${u}`)).toBe('12 w')
    expect(ageLabel('2026-11-24T12:00:05Z', now)).toBe('0s')
  })

  it('puts the regulation\'s facts first and says "unknown" instead of hiding a missing one', () => {
    const rows = environmentRows(
      {
        app: { name: 'Kvant Energo', version: '4.30.34', build: '6255' },
        environment: {
          os: {
            name: 'Windows',
            version: '11',
            bitness: 64,
            architecture: 'x64',
            source: 'client-hints',
          },
          browser: { name: 'Chrome', version: '131', bitness: 32 },
        },
      },
      t,
    )
    const facts = rows.filter((r) => r.key_fact).map((r) => [r.key, r.value])
    expect(facts).toEqual([
      ['env.os', 'Windows 11'],
      ['env.bitness', '64-bit'],
      ['env.app', 'Kvant Energo'],
      ['env.version', '4.30.34'],
      ['env.build', '6255'],
    ])
    expect(rows.find((r) => r.key === 'env.browserBitness')!.value).toBe('32-bit')
    expect(rows.find((r) => r.key === 'env.timezone')!.value).toBe('unknown')
    expect(environmentText(rows.slice(0, 2), (k) => k.slice(4))).toBe(
      'os: Windows 11\nbitness: 64-bit',
    )
  })

  it('copes with a ticket sent without any environment', () => {
    const rows = environmentRows({ app: {}, environment: {} }, t)
    expect(rows.find((r) => r.key === 'env.os')!.value).toBe('unknown')
    expect(rows.find((r) => r.key === 'env.bitness')!.value).toBe('unknown')
  })

  it("reads a log entry's time as sent (ISO or epoch ms), none for the contract's 0", () => {
    expect(logTime('2026-11-24T09:58:12.000Z')).toBe('2026-11-24T09:58:12.000Z')
    expect(logTime(Date.UTC(2026, 10, 24, 9, 58, 12))).toBe('2026-11-24T09:58:12.000Z')
    expect(logTime(0)).toBeNull()
    expect(logTime(undefined)).toBeNull()
    expect(logTime('yesterday')).toBeNull()
  })
})
