import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from './limits.js'
import { validateTicketPayload } from './validate.js'

describe('validateTicketPayload', () => {
  it('applies the defaults of the contract', () => {
    const result = validateTicketPayload({ description: '  First line\nsecond line  ' })
    expect(result).toEqual({
      ok: true,
      value: {
        category: 'incident',
        blocking: false,
        subject: 'First line',
        description: 'First line\nsecond line',
        reporter: {},
        app: {},
        environment: {},
        context: {},
        logs: [],
        screenshot: null,
      },
    })
  })

  it('cuts a long first line to a subject that fits', () => {
    const result = validateTicketPayload({ description: 'a'.repeat(500) })
    expect(result.ok && result.value.subject).toHaveLength(DEFAULT_LIMITS.subjectChars)
    expect(result.ok && result.value.subject.endsWith('…')).toBe(true)
  })

  it('drops unknown fields so an older server accepts a newer client', () => {
    const result = validateTicketPayload({
      description: 'x',
      futureField: { a: 1 },
      reporter: { name: 'A', shoeSize: 44 },
    })
    expect(result.ok).toBe(true)
    expect(result.ok && result.value).not.toHaveProperty('futureField')
    expect(result.ok && result.value.reporter).toEqual({ name: 'A' })
  })

  it('takes null for optional fields', () => {
    expect(
      validateTicketPayload({
        description: 'x',
        reporter: null,
        logs: null,
        screenshot: null,
        subject: null,
      }).ok,
    ).toBe(true)
  })

  it('names each bad field with its path', () => {
    const result = validateTicketPayload({
      description: 'x',
      reporter: { email: 5 },
      environment: {
        os: { architecture: 'mips', source: 'guess' },
        screen: { width: 'wide' },
        locale: 7,
      },
      logs: [
        { level: 'log', message: 'ok' },
        'nope',
        { level: 'info', message: 'x', timestamp: 'yesterday' },
      ],
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual([
      'reporter.email',
      'environment.os.architecture',
      'environment.os.source',
      'environment.screen.width',
      'environment.locale',
      'logs[1]',
      'logs[2].timestamp',
    ])
  })

  it('honours the limits it is given', () => {
    const limits = { ...DEFAULT_LIMITS, descriptionChars: 5, logEntries: 1 }
    const result = validateTicketPayload(
      { description: 'too long', logs: [{ message: 'a' }, { message: 'b' }] },
      limits,
    )
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual([
      'must be at most 5 characters',
      'must have at most 1 entries',
    ])
  })

  it('reports a context nested too deeply to measure instead of throwing', () => {
    let deep: Record<string, unknown> = {}
    for (let i = 0; i < 100_000; i++) deep = { a: deep }
    const result = validateTicketPayload({ description: 'x', context: deep })
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['context'])
  })

  it('rejects what is not an object', () => {
    for (const input of [null, 'text', 42, [], true]) {
      expect(validateTicketPayload(input)).toEqual({
        ok: false,
        errors: [{ path: '', message: 'must be a JSON object' }],
      })
    }
  })
})

describe("validateTicketPayload: the report's signed-in user", () => {
  it('takes the id and signature apart from the contact fields, and never refuses the report for them', () => {
    const signature = 'AB'.repeat(32)
    const ok = validateTicketPayload({
      description: 'x',
      reporter: { name: 'Anna', id: 'user-42', signature: ` ${signature} ` },
    })
    expect(ok.ok && ok.value.reporter).toEqual({ name: 'Anna' })
    expect(ok.ok && ok.value.user).toEqual({ id: 'user-42', signature: 'ab'.repeat(32) })
    const numeric = validateTicketPayload({ description: 'x', reporter: { id: 42, signature } })
    expect(numeric.ok && numeric.value.user?.id).toBe('42')
    for (const reporter of [
      { id: { $ne: 1 }, signature },
      { id: 1.5, signature },
      { id: 'x'.repeat(201), signature },
      { id: 'u', signature: 42 },
      { id: 'u', signature: 'x'.repeat(201) },
      { signature },
    ]) {
      const result = validateTicketPayload({ description: 'x', reporter })
      expect(result.ok, JSON.stringify(reporter)).toBe(true)
      const user = result.ok ? result.value.user : undefined
      expect(user && (user.id === '' || user.signature === ''), JSON.stringify(reporter)).toBe(true)
    }
    // No user named: none, and the payload is as before.
    const none = validateTicketPayload({ description: 'x', reporter: { name: 'Anna' } })
    expect(none.ok && none.value).not.toHaveProperty('user')
  })
})
