import type { Limits } from '@snagbox/sdk/contract'
import { ApiError } from '../errors.js'
import { jsonShapeExcess } from './json-shape.js'

export type JsonLimits = Pick<Limits, 'jsonNodes' | 'jsonDepth'>

/**
 * Parses a JSON body, or refuses it with a problem naming the limit it passed: more values and
 * keys than `jsonNodes` (413) or deeper than `jsonDepth` (400), both found before `JSON.parse`
 * runs, in time bounded by the limits rather than by the text; not JSON at all (400). `where`
 * names the body in the problem: `body`, or the multipart part it came in.
 *
 * @example
 * const payload = parseJsonBody(await c.req.text(), config.limits)
 */
export function parseJsonBody(text: string, limits: JsonLimits, where = 'body'): unknown {
  const path = where === 'body' ? '' : where
  const excess = jsonShapeExcess(text, { nodes: limits.jsonNodes, depth: limits.jsonDepth })
  if (excess === 'nodes') {
    throw new ApiError(
      413,
      'payload_too_large',
      `The ${where} holds more than ${limits.jsonNodes} JSON values and keys (the server's max-json-nodes)`,
      [{ path, message: `must hold at most ${limits.jsonNodes} values and keys` }],
    )
  }
  if (excess === 'depth') {
    throw new ApiError(
      400,
      'invalid_payload',
      `The ${where} is nested more than ${limits.jsonDepth} levels deep (the server's max-json-depth)`,
      [{ path, message: `must be nested at most ${limits.jsonDepth} levels deep` }],
    )
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new ApiError(
      400,
      'invalid_json',
      `The ${where} is not valid JSON: ${(err as Error).message}`,
      [{ path, message: 'must be valid JSON' }],
    )
  }
}
