import { afterEach, describe, expect, it, vi } from 'vitest'
import { startLogBuffer, type LogBuffer } from './log-buffer.js'

const buffers: LogBuffer[] = []
afterEach(() => {
  buffers.splice(0).forEach((b) => b.stop())
  vi.restoreAllMocks()
})

function start(max = 10) {
  const buffer = startLogBuffer(max)
  buffers.push(buffer)
  return buffer
}

describe('startLogBuffer', () => {
  it('records console errors and warnings and still prints them', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const buffer = start()
    console.error('Save failed', { code: 500 })
    console.warn('slow')
    expect(printed).toHaveBeenCalledWith('Save failed', { code: 500 })
    expect(buffer.snapshot().map((e) => [e.level, e.message])).toEqual([['error', 'Save failed {"code":500}'], ['warn', 'slow']])
    expect(Date.parse(buffer.snapshot()[0]!.timestamp as string)).not.toBeNaN()
  })

  it('records uncaught errors and unhandled rejections of the window', () => {
    const buffer = start()
    window.dispatchEvent(new ErrorEvent('error', { error: new TypeError('x is undefined'), message: 'x is undefined' }))
    const rejection = new Event('unhandledrejection') as Event & { reason: unknown }
    rejection.reason = 'no network'
    window.dispatchEvent(rejection)
    expect(buffer.snapshot().map((e) => e.message.split('\n')[0])).toEqual(['TypeError: x is undefined', 'no network'])
  })

  it('keeps only the newest entries', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const buffer = start(3)
    for (let i = 0; i < 5; i++) console.warn(`w${i}`)
    expect(buffer.snapshot().map((e) => e.message)).toEqual(['w2', 'w3', 'w4'])
  })

  it('puts the console back when stopped', () => {
    const original = console.error
    start().stop()
    expect(console.error).toBe(original)
  })
})
