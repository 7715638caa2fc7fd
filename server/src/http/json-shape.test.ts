import { describe, expect, it } from 'vitest'
import { jsonShapeExcess } from './json-shape.js'

/** What the scanner must agree with: the values and keys, and the nesting, of the parsed value. */
function nodesOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.reduce((n: number, item) => n + nodesOf(item), 0)
  if (typeof value === 'object' && value !== null)
    return 1 + Object.values(value).reduce((n: number, item) => n + 1 + nodesOf(item), 0)
  return 1
}
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0
  return 1 + Math.max(0, ...Object.values(value).map(depthOf))
}

const DOCUMENTS = [
  '0',
  '-12.5e+3',
  'true',
  'null',
  '""',
  '"a \\" [ { , : ] } \\\\"',
  '"\\\\\\\\"',
  '"\\u005c\\"x"',
  '[]',
  '{}',
  '[[[]]]',
  '{"a":{"b":[1,"2",{"c":null}]}}',
  ' { "a" : [ 1 , 2 ] ,\n\t"b" : { } }\r\n',
  '{"":"","\\"":"\\\\","[":"]","{":"}"}',
  JSON.stringify({
    description: 'Export fails with error 0x80070005',
    environment: { os: { name: 'Windows', version: '11', bitness: 64 }, locale: 'ru-RU' },
    logs: Array.from({ length: 20 }, (_, i) => ({
      level: 'error',
      message: `e${i}`,
      timestamp: i,
    })),
    context: { nested: [[1, [2, [3]]], { deep: { deeper: true } }], text: 'a"b\\c' },
  }),
]

describe('jsonShapeExcess', () => {
  it.each(DOCUMENTS)('counts the values, keys and depth of %s as JSON.parse sees them', (text) => {
    const value = JSON.parse(text)
    const nodes = nodesOf(value)
    const depth = depthOf(value)
    expect(jsonShapeExcess(text, { nodes, depth })).toBeNull()
    expect(jsonShapeExcess(text, { nodes: nodes - 1, depth })).toBe('nodes')
    if (depth > 0) expect(jsonShapeExcess(text, { nodes, depth: depth - 1 })).toBe('depth')
  })

  it('takes 64 levels of nesting and refuses the 65th', () => {
    const nest = (levels: number) => '{"a":'.repeat(levels - 1) + '[1]' + '}'.repeat(levels - 1)
    expect(jsonShapeExcess(nest(64), { nodes: 1000, depth: 64 })).toBeNull()
    expect(jsonShapeExcess(nest(65), { nodes: 1000, depth: 64 })).toBe('depth')
  })

  it('counts a screenshot-sized string as one node', () => {
    const text = JSON.stringify({ screenshot: `data:image/png;base64,${'A'.repeat(8_000_000)}` })
    expect(jsonShapeExcess(text, { nodes: 3, depth: 1 })).toBeNull()
    expect(jsonShapeExcess(`[${text},${text}]`, { nodes: 6, depth: 2 })).toBe('nodes')
  })

  it('stops at the first limit passed, long before the end of a document of a million keys', () => {
    // Flat, as a decoded body is (a concatenated string would be flattened on the first read).
    const keys = Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":0`).join(',')
    const text = Buffer.from(`{${keys}}`).toString()
    // The fastest of a few runs: a pause for garbage collection is not the scanner's time.
    const fastest = (limits: { nodes: number; depth: number }, expected: string | null) =>
      Math.min(
        ...Array.from({ length: 3 }, () => {
          const started = performance.now()
          expect(jsonShapeExcess(text, limits)).toBe(expected)
          return performance.now() - started
        }),
      )
    const early = fastest({ nodes: 1000, depth: 64 }, 'nodes')
    const whole = fastest({ nodes: Infinity, depth: 64 }, null)
    // Counting the first thousand is a small part of counting them all.
    expect(early).toBeLessThan(whole / 10)
  })

  it('never throws on text that is not JSON, and is linear in it', () => {
    for (const text of ['', '{', ']]]][[[', '"unterminated', '"\\', '\\"', '{"a" 1 2 3}', 'NaN'])
      expect(() => jsonShapeExcess(text, { nodes: 10, depth: 10 })).not.toThrow()
    const backslashes = `"${'\\'.repeat(5_000_001)}"`.repeat(2)
    const started = performance.now()
    jsonShapeExcess(backslashes, { nodes: 10, depth: 10 })
    // Each backslash looked at once: a quadratic scan of these would take minutes.
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
