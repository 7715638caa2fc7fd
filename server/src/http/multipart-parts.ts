/**
 * Parts a multipart body may have before it is refused unparsed. The intake's contract has two
 * (`payload` and `screenshot`); the rest is room for a newer client. Parsing costs per part: ten
 * megabytes of one-byte parts (190,000 of them) take `formData()` 0.4 to 0.5 s of the event loop.
 */
export const MAX_MULTIPART_PARTS = 16

/**
 * Whether a multipart body has more than `max` parts, counted by its boundary without parsing
 * it (`Buffer.indexOf`, stopping at the first delimiter past the limit). A content type without a
 * boundary counts nothing: the parser refuses that body anyway.
 *
 * @example
 * if (multipartPartsOver(bytes, c.req.header('content-type') ?? '', MAX_MULTIPART_PARTS)) …
 */
export function multipartPartsOver(body: Uint8Array, contentType: string, max: number): boolean {
  const match = BOUNDARY.exec(contentType)
  if (!match) return false
  const delimiter = Buffer.from(`\r\n--${match[1] ?? match[2]}`)
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  // n parts have n + 1 delimiters, the last one closing the body; the first may open the body
  // without the line break before it.
  let delimiters = bytes.subarray(0, delimiter.length - 2).equals(delimiter.subarray(2)) ? 1 : 0
  for (
    let i = bytes.indexOf(delimiter);
    i >= 0;
    i = bytes.indexOf(delimiter, i + delimiter.length)
  ) {
    if (++delimiters > max + 1) return true
  }
  return false
}

const BOUNDARY = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i
