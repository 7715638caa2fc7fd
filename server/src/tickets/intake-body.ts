import type { Context } from 'hono'
import { MULTIPART, SCREENSHOT_DATA_URL, sniffImage, type Limits } from '@snagbox/sdk/contract'
import { ApiError } from '../errors.js'
import type { Screenshot } from './store/create.js'

export interface IntakeBody {
  payload: unknown
  /** The screenshot's bytes as sent (multipart part or data URL), not yet checked. */
  screenshot: Uint8Array | null
}

/**
 * Reads `POST /api/v1/tickets` in either form of the contract: JSON with a data-URL screenshot, or
 * multipart with a `payload` JSON part and a `screenshot` file part. The body size was already
 * capped while streaming by the body limit in front of this.
 */
export async function readIntakeBody(c: Context): Promise<IntakeBody> {
  const type = (c.req.header('content-type') ?? '').toLowerCase()
  if (type.startsWith('application/json')) {
    const payload = parseJson(await c.req.text(), 'body')
    return { payload, screenshot: dataUrlBytes(payload) }
  }
  if (type.startsWith('multipart/form-data')) {
    let form: FormData
    try {
      form = await c.req.raw.formData()
    } catch {
      throw new ApiError(400, 'invalid_payload', 'The multipart body could not be read', [
        { path: '', message: 'must be well-formed multipart/form-data' },
      ])
    }
    const part = form.get(MULTIPART.payload)
    if (part === null) {
      throw new ApiError(400, 'invalid_payload', 'The multipart body has no "payload" part', [
        { path: MULTIPART.payload, message: 'is required (the ticket as JSON)' },
      ])
    }
    const payload = parseJson(
      typeof part === 'string' ? part : await part.text(),
      MULTIPART.payload,
    )
    const file = form.get(MULTIPART.screenshot)
    if (file !== null && typeof file === 'string') {
      throw new ApiError(400, 'invalid_payload', 'The "screenshot" part must be a file', [
        { path: MULTIPART.screenshot, message: 'must be a file part' },
      ])
    }
    if (file && isObject(payload) && payload.screenshot !== undefined) {
      throw new ApiError(
        400,
        'invalid_payload',
        'Send the screenshot once: as a file part or in the payload',
        [
          {
            path: 'screenshot',
            message: 'must not be sent both as a file part and in the payload',
          },
        ],
      )
    }
    const screenshot = file ? new Uint8Array(await file.arrayBuffer()) : dataUrlBytes(payload)
    return { payload, screenshot: screenshot && screenshot.length === 0 ? null : screenshot }
  }
  throw new ApiError(
    415,
    'unsupported_media_type',
    `Send application/json or multipart/form-data, not "${type || 'no content type'}"`,
  )
}

/** Checks the screenshot is what it claims by its magic bytes, and within the limits. */
export function checkScreenshot(bytes: Uint8Array, limits: Limits): Screenshot {
  if (bytes.length > limits.screenshotBytes) {
    throw new ApiError(
      413,
      'payload_too_large',
      `The screenshot is ${bytes.length} bytes; at most ${limits.screenshotBytes} are accepted`,
      [{ path: 'screenshot', message: `must be at most ${limits.screenshotBytes} bytes` }],
    )
  }
  const info = sniffImage(bytes)
  if (!info) {
    throw new ApiError(415, 'invalid_image', 'The screenshot is not a PNG, JPEG or WebP image', [
      { path: 'screenshot', message: 'must be a PNG, JPEG or WebP image' },
    ])
  }
  if (info.width > limits.screenshotPixels || info.height > limits.screenshotPixels) {
    throw new ApiError(
      415,
      'invalid_image',
      `The screenshot is ${info.width}×${info.height}; at most ${limits.screenshotPixels} pixels a side are accepted`,
      [
        {
          path: 'screenshot',
          message: `must be at most ${limits.screenshotPixels} pixels wide and high`,
        },
      ],
    )
  }
  return { ...info, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
}

/** Deeper than any real payload; far shallower than what overflows the stack of `JSON.stringify`. */
const MAX_DEPTH = 64

function parseJson(text: string, where: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new ApiError(
      400,
      'invalid_json',
      `The ${where} is not valid JSON: ${(err as Error).message}`,
      [{ path: where === 'body' ? '' : where, message: 'must be valid JSON' }],
    )
  }
  if (tooDeep(value, MAX_DEPTH)) {
    throw new ApiError(
      400,
      'invalid_payload',
      `The ${where} is nested more than ${MAX_DEPTH} levels deep`,
      [
        {
          path: where === 'body' ? '' : where,
          message: `must be nested at most ${MAX_DEPTH} levels deep`,
        },
      ],
    )
  }
  return value
}

function tooDeep(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (levels === 0) return true
  for (const item of Object.values(value)) if (tooDeep(item, levels - 1)) return true
  return false
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** The bytes of a `data:image/…;base64,` screenshot; a malformed one is left to the validator. */
function dataUrlBytes(payload: unknown): Uint8Array | null {
  if (!isObject(payload) || typeof payload.screenshot !== 'string') return null
  const match = SCREENSHOT_DATA_URL.exec(payload.screenshot)
  if (!match) return null
  const base64 = payload.screenshot.slice(match[0].length)
  if (!BASE64.test(base64)) {
    throw new ApiError(400, 'invalid_payload', 'The screenshot data URL is not valid base64', [
      { path: 'screenshot', message: 'must be valid base64' },
    ])
  }
  return Buffer.from(base64, 'base64')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
