/** How much structure a JSON text may hold before it is parsed. */
export interface JsonShapeLimits {
  /** Values and object keys, each counting one. */
  nodes: number
  /** Arrays and objects nested in one another. */
  depth: number
}

/**
 * The first of the limits a JSON text passes, or `null` when it keeps within both. One pass over
 * the text that stops where a limit is passed, so a document of a million keys is refused in the
 * time it takes to count the first fifty thousand; a string (a screenshot's data URL) is one
 * node, skipped at `indexOf` speed. Only valid JSON is counted exactly: anything else is left to
 * `JSON.parse`, which stops at its first error, before it could pass a limit counted here.
 *
 * @example
 * jsonShapeExcess('{"a":[1,2]}', { nodes: 4, depth: 64 }) // 'nodes': {, "a", [, 1 and 2 are five
 */
export function jsonShapeExcess(text: string, limits: JsonShapeLimits): 'nodes' | 'depth' | null {
  let nodes = 0
  let depth = 0
  const end = text.length
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === SPACE || c === TAB || c === LF || c === CR || c === COMMA || c === COLON) continue
    if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--
      continue
    }
    if (++nodes > limits.nodes) return 'nodes'
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limits.depth) return 'depth'
    } else if (c === QUOTE) {
      i = closingQuote(text, i)
    } else {
      // A number, `true`, `false` or `null`: one node up to the next delimiter.
      while (i + 1 < end && !isDelimiter(text.charCodeAt(i + 1))) i++
    }
  }
  return null
}

/** The index of the quote that closes the string opened at `open` (the text's end if none). */
function closingQuote(text: string, open: number): number {
  let i = open
  for (;;) {
    i = text.indexOf('"', i + 1)
    if (i < 0) return text.length
    let backslashes = 0
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return i
  }
}

function isDelimiter(c: number): boolean {
  return (
    c === COMMA ||
    c === COLON ||
    c === CLOSE_OBJECT ||
    c === CLOSE_ARRAY ||
    c === OPEN_OBJECT ||
    c === OPEN_ARRAY ||
    c === QUOTE ||
    c === SPACE ||
    c === TAB ||
    c === LF ||
    c === CR
  )
}

const SPACE = 0x20
const TAB = 0x09
const LF = 0x0a
const CR = 0x0d
const COMMA = 0x2c
const COLON = 0x3a
const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
