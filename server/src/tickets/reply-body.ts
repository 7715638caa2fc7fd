import { randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import { MULTIPART, REPLY_FILES_MAX, sniffImage, type Limits } from '@snagbox/sdk/contract'
import { ApiError, invalid } from '../errors.js'
import { parseJsonBody } from '../http/json-body.js'
import { readBodyBytes, readJsonObject } from '../http/request-body.js'
import { checkScreenshot } from './intake-body.js'
import { partText, readForm } from './multipart-form.js'
import type { StoredFile } from './store/create.js'

/** Where a reply's files go in a multipart body: any number of parts of this name. */
export const FILES_PART = 'files'

/** A file of a reply, checked, with its new id and the name it came with. */
export interface ReplyFile extends StoredFile {
  name: string
}

/**
 * The body of a reply: JSON (`{ body, status?, priority? }`), or multipart with that JSON in a
 * `payload` part and up to {@link REPLY_FILES_MAX} `files` parts, each at most the screenshot's
 * size. A file that really is a PNG, JPEG or WebP (by its bytes, not by what it claims) is kept
 * as that image, checked as a screenshot is; any other as `application/octet-stream`, only ever
 * served as a download.
 */
export async function readReplyBody(
  c: Context,
  limits: Limits,
): Promise<{ fields: Record<string, unknown>; files: ReplyFile[] }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase()
  if (!type.startsWith('multipart/form-data'))
    return { fields: await readJsonObject(c, limits), files: [] }
  const form = await readForm(c, await readBodyBytes(c, limits.bodyBytes))
  const part = form.get(MULTIPART.payload)
  const fields =
    part === null ? null : parseJsonBody(await partText(part), limits, MULTIPART.payload)
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    throw invalid([{ path: MULTIPART.payload, message: 'is required: the reply as a JSON object' }])
  const parts = form.getAll(FILES_PART)
  if (parts.length > REPLY_FILES_MAX)
    throw new ApiError(
      413,
      'payload_too_large',
      `A reply carries at most ${REPLY_FILES_MAX} files`,
      [{ path: FILES_PART, message: `must be at most ${REPLY_FILES_MAX} files` }],
    )
  const files: ReplyFile[] = []
  for (const [i, file] of parts.entries()) {
    const path = `${FILES_PART}[${i}]`
    if (typeof file === 'string') throw invalid([{ path, message: 'must be a file part' }])
    if (file.size > limits.screenshotBytes)
      throw new ApiError(
        413,
        'payload_too_large',
        `${file.name || path} is larger than ${limits.screenshotBytes} bytes`,
        [{ path, message: `must be at most ${limits.screenshotBytes} bytes` }],
      )
    if (file.size === 0) throw invalid([{ path, message: 'is empty' }])
    const bytes = new Uint8Array(await file.arrayBuffer())
    const image = sniffImage(bytes) ? checkScreenshot(bytes, limits) : null
    files.push({
      id: randomUUID(),
      name: fileName(file.name),
      type: image?.type ?? 'application/octet-stream',
      width: image?.width ?? 0,
      height: image?.height ?? 0,
      data: Buffer.from(bytes),
    })
  }
  return { fields: fields as Record<string, unknown>, files }
}

/** A file's name as it may be shown and sent back: no folders, no control characters, short. */
function fileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200)
  return clean || 'file'
}
