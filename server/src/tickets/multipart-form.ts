import type { Context } from 'hono'
import { ApiError } from '../errors.js'
import {
  MAX_MULTIPART_PARTS,
  multipartBoundary,
  multipartContentType,
  multipartPartsOver,
} from '../http/multipart-parts.js'

/**
 * A multipart body's parts, parsed only once what parsing costs is bounded: a boundary RFC 2046
 * allows, at most {@link MAX_MULTIPART_PARTS} parts (counted without parsing); the bytes were
 * capped while they were read.
 */
export async function readForm(c: Context, bytes: Buffer<ArrayBuffer>): Promise<FormData> {
  const boundary = multipartBoundary(c.req.header('content-type') ?? '')
  if (!boundary) {
    throw new ApiError(400, 'invalid_payload', 'The multipart body has no usable boundary', [
      { path: '', message: 'Content-Type must name a boundary of 1–70 plain characters' },
    ])
  }
  if (multipartPartsOver(bytes, boundary, MAX_MULTIPART_PARTS)) {
    throw new ApiError(
      413,
      'payload_too_large',
      `The multipart body has more than ${MAX_MULTIPART_PARTS} parts`,
      [{ path: '', message: `must have at most ${MAX_MULTIPART_PARTS} parts` }],
    )
  }
  try {
    return await new Response(bytes, {
      headers: { 'content-type': multipartContentType(boundary) },
    }).formData()
  } catch {
    throw new ApiError(400, 'invalid_payload', 'The multipart body could not be read', [
      { path: '', message: 'must be well-formed multipart/form-data' },
    ])
  }
}

/** A part's text: a field's value, or a file part's contents. */
export const partText = async (part: NonNullable<ReturnType<FormData['get']>>) =>
  typeof part === 'string' ? part : await part.text()
