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
  private errors: FieldError[] = []
  /** Before each field's name in an error: `notifications.` for a nested object's fields. */
  private prefix = ''
  constructor(private readonly body: Record<string, unknown>) {}

  /** Refuses every field not named: a misspelt setting must not be silently ignored. */
  only(names: readonly string[]): this {
    for (const name of Object.keys(this.body))
      if (!names.includes(name)) this.fail(name, 'is not a field of this request')
    return this
  }

  /** A string; trimmed (and NULs dropped) unless `trim: false`, as a password must stay. */
  text(
    name: string,
    options: { required?: boolean; max?: number; trim?: boolean } = {},
  ): string | undefined {
    const value = this.body[name]
    if (value === undefined || value === null) {
      if (options.required) this.fail(name, 'is required')
      return undefined
    }
    if (typeof value !== 'string') return this.fail(name, 'must be a string')
    const trimmed = options.trim === false ? value : value.replace(/\u0000/g, '').trim()
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

  /** An array of strings, each trimmed and non-empty. */
  texts(name: string, options: { maxItems: number; max: number }): string[] | undefined {
    const value = this.body[name]
    if (value === undefined) return undefined
    if (!Array.isArray(value) || value.length > options.maxItems)
      return this.fail(name, `must be an array of at most ${options.maxItems} strings`)
    const items: string[] = []
    value.forEach((item, i) => {
      if (typeof item !== 'string' || !item.trim() || item.length > options.max)
        this.fail(
          `${name}[${i}]`,
          `must be a non-empty string of at most ${options.max} characters`,
        )
      else items.push(item.trim())
    })
    return items.length === value.length ? items : undefined
  }

  /** A JSON object's fields, read with their own checks (errors named `name.field`). */
  object(name: string): Fields | undefined {
    const value = this.body[name]
    if (value === undefined) return undefined
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return this.fail(name, 'must be an object')
    const inner = new Fields(value as Record<string, unknown>)
    inner.errors = this.errors
    inner.prefix = `${this.prefix}${name}.`
    return inner
  }

  /** Whether the body gives the field as `null`. */
  isNull(name: string): boolean {
    return this.body[name] === null
  }

  flag(name: string): boolean | undefined {
    const value = this.body[name]
    if (value === undefined) return undefined
    if (typeof value !== 'boolean') return this.fail(name, 'must be true or false')
    return value
  }

  /** A whole number from `min` to `max`; `null` too when `nullable`. */
  whole(
    name: string,
    options: { min: number; max: number; nullable?: boolean },
  ): number | null | undefined {
    const value = this.body[name]
    if (value === undefined) return undefined
    if (value === null && options.nullable) return null
    if (
      !Number.isInteger(value) ||
      (value as number) < options.min ||
      (value as number) > options.max
    )
      return this.fail(
        name,
        `must be a whole number from ${options.min} to ${options.max}${options.nullable ? ', or null' : ''}`,
      )
    return value as number
  }

  /** A number above 0 (a fraction too) and at most `max`. */
  positive(name: string, options: { max: number }): number | undefined {
    const value = this.body[name]
    if (value === undefined) return undefined
    if (typeof value !== 'number' || !(value > 0) || value > options.max)
      return this.fail(name, `must be a number above 0 and at most ${options.max}`)
    return value
  }

  /** Throws a 400 problem listing every bad field, if any. */
  done(): void {
    if (this.errors.length) throw invalid(this.errors)
  }

  private fail(path: string, message: string): undefined {
    this.errors.push({ path: this.prefix + path, message })
    return undefined
  }
}
