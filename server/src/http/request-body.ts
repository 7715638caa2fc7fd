import type { Context } from 'hono'
import { FREE_TEXT_CHARS, type FieldError } from '@snagbox/sdk/contract'
import { ApiError, invalid } from '../errors.js'
import { parseJsonBody, type JsonLimits } from './json-body.js'

/** Largest body of the agent and reporter APIs and forms (a reply, a PATCH, a split, a comment). */
export const MAX_BODY_BYTES = 256 * 1024

export const bodyTooLarge = (max = MAX_BODY_BYTES) =>
  new ApiError(413, 'payload_too_large', `The body is larger than ${max} bytes`)

/**
 * The JSON object body of a request, or a 400/413/415 problem. A body holding more values and keys,
 * or nested deeper, than `limits` allow is refused before it is parsed.
 */
export async function readJsonObject(
  c: Context,
  limits: JsonLimits,
): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? ''
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json')
  }
  const text = new TextDecoder().decode(await readBodyBytes(c, MAX_BODY_BYTES))
  const value = parseJsonBody(text, limits)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid([{ path: '', message: 'must be a JSON object' }])
  }
  return value as Record<string, unknown>
}

/**
 * The body's bytes, refused as soon as they pass `max`: a huge body is never held whole. A body
 * cut off on its way (the client left, or took longer than the server's body timeout and was
 * answered 408 and disconnected) is a 400, not a server error: nothing of it is used.
 */
export async function readBodyBytes(
  c: Context,
  max = Number.POSITIVE_INFINITY,
): Promise<Buffer<ArrayBuffer>> {
  if (Number(c.req.header('content-length')) > max) throw bodyTooLarge(max)
  const reader = c.req.raw.body?.getReader()
  if (!reader) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.byteLength
      if (size > max) throw bodyTooLarge(max)
      chunks.push(part.value)
    }
  } catch (err) {
    if (err instanceof ApiError) throw err
    throw new ApiError(400, 'invalid_payload', 'The body was cut off before all of it arrived')
  }
  return Buffer.concat(chunks)
}

/**
 * Reads fields of a JSON body with their checks, collecting every error before failing once.
 *
 * @example
 * const f = new Fields(body)
 * const text = f.text('body', { required: true, max: 20_000 })
 * f.done()
 */
export class Fields {
  private readonly errors: FieldError[] = []
  constructor(private readonly body: Record<string, unknown>) {}

  text(name: string, options: { required?: boolean; max?: number } = {}): string | undefined {
    const value = this.body[name]
    if (value === undefined || value === null) {
      if (options.required) this.errors.push({ path: name, message: 'is required' })
      return undefined
    }
    if (typeof value !== 'string') return this.fail(name, 'must be a string')
    const trimmed = value.replace(/\u0000/g, '').trim()
    if (options.required && !trimmed) return this.fail(name, 'must not be empty')
    const max = options.max ?? FREE_TEXT_CHARS
    if (trimmed.length > max) return this.fail(name, `must be at most ${max} characters`)
    return trimmed
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.body[name]
    if (value === undefined) return undefined
    if (!allowed.includes(value as T))
      return this.fail(name, `must be one of ${allowed.join(', ')}`)
    return value as T
  }

  /** Throws a 400 problem listing every bad field, if any. */
  done(): void {
    if (this.errors.length) throw invalid(this.errors)
  }

  private fail(path: string, message: string): undefined {
    this.errors.push({ path, message })
    return undefined
  }
}
