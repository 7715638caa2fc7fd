import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_LIMITS } from '../contract/index.js'
import { startLogBuffer, type LogBuffer } from './log-buffer.js'

let buffer: LogBuffer | undefined
afterEach(() => {
  buffer?.stop()
  vi.restoreAllMocks()
})

describe('the log buffer', () => {
  it('keeps the latest errors and warnings, and still prints them', () => {
    const printed = vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    buffer = startLogBuffer(2)
    console.warn('first')
    console.error('second', { code: 7 })
    console.warn('third')
    expect(buffer.snapshot().map((e) => e.message)).toEqual(['second {"code":7}', 'third'])
    expect(printed).toHaveBeenCalledTimes(2)
  })

  it("leaves out the screenshot renderer's and Snagbox's own messages", () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    buffer = startLogBuffer(10)
    console.warn('[snapdom] Text in inline/table-cell elements kept its natural width')
    console.warn('[snapDOM] Failed to fetch font resource:', 'x.woff2')
    console.error('[snagbox] This page (https://a.example) may not send reports to this project')
    console.warn('the host app is unhappy')
    expect(buffer.snapshot().map((e) => e.message)).toEqual(['the host app is unhappy'])
  })

  it("cuts a message at the contract's limit, which the buffer spells out", () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    buffer = startLogBuffer(10)
    console.error('x'.repeat(DEFAULT_LIMITS.logMessageChars + 10))
    expect(buffer.snapshot()[0]!.message).toHaveLength(DEFAULT_LIMITS.logMessageChars)
  })
})
