import type { Context } from 'hono'
import { MULTIPART, SCREENSHOT_DATA_URL, sniffImage, type Limits } from '@snagbox/sdk/contract'
import { ApiError } from '../errors.js'
import { parseJsonBody, type JsonLimits } from '../http/json-body.js'
import { MAX_MULTIPART_PARTS } from '../http/multipart-parts.js'
import { readBodyBytes } from '../http/request-body.js'
import { partText, readForm } from './multipart-form.js'
import type { Screenshot } from './store/create.js'

export interface IntakeBody {
  payload: unknown
  /** The screenshot's bytes as sent (multipart part or data URL), not yet checked. */
  screenshot: Uint8Array | null
}

/**
 * Reads `POST /api/v1/tickets` in either form of the contract: JSON with a data-URL screenshot, or
 * multipart with a `payload` JSON part and a `screenshot` file part. The body size was already
 * capped while streaming by the body limit in front of this; what parsing the body would cost is
 * bounded here, before it is parsed: the JSON's values, keys and depth by `limits`, the parts of a
 * multipart body by {@link MAX_MULTIPART_PARTS}.
 */
export async function readIntakeBody(c: Context, limits: JsonLimits): Promise<IntakeBody> {
  const type = (c.req.header('content-type') ?? '').toLowerCase()
  if (type.startsWith('application/json')) {
    const payload = parseJsonBody(new TextDecoder().decode(await readBodyBytes(c)), limits)
    return { payload, screenshot: dataUrlBytes(payload) }
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await readForm(c, await readBodyBytes(c))
    const part = form.get(MULTIPART.payload)
    if (part === null) {
      throw new ApiError(400, 'invalid_payload', 'The multipart body has no "payload" part', [
        { path: MULTIPART.payload, message: 'is required (the ticket as JSON)' },
      ])
    }
    const payload = parseJsonBody(await partText(part), limits, MULTIPART.payload)
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
  // What opening it costs the agent's browser, whatever the file's size: an image bomb is too large.
  if (info.width * info.height > limits.screenshotTotalPixels) {
    throw new ApiError(
      413,
      'payload_too_large',
      `The screenshot is ${info.width}×${info.height} = ${info.width * info.height} pixels; at most ${limits.screenshotTotalPixels} are accepted`,
      [
        {
          path: 'screenshot',
          message: `must have at most ${limits.screenshotTotalPixels} pixels (width × height)`,
        },
      ],
    )
  }
  return { ...info, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
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
