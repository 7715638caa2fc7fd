/**
 * Parts a multipart body may have before it is refused unparsed. The intake's contract has two
 * (`payload` and `screenshot`), an agent's reply up to eleven (`payload` and ten `files`); the
 * rest is room for a newer client. Parsing costs per part: ten megabytes of one-byte parts
 * (190,000 of them) take `formData()` 0.4 to 0.5 s of the event loop.
 */
export const MAX_MULTIPART_PARTS = 16

/**
 * The boundary of a multipart content type, or `null` when there is none or it is not one RFC
 * 2046 allows (1–70 of its characters, no quotes or backslashes). The body is then parsed with
 * exactly this boundary (`multipartContentType`), so the part count below and the parser can
 * never read the header differently.
 */
export function multipartBoundary(contentType: string): string | null {
  const match = BOUNDARY.exec(contentType)
  const boundary = match ? (match[1] ?? match[2]!) : null
  return boundary && BCHARS.test(boundary) ? boundary : null
}

/** The content type to parse a body with: multipart with the boundary we read, quoted. */
export const multipartContentType = (boundary: string) =>
  `multipart/form-data; boundary="${boundary}"`

/**
 * Whether a multipart body has more than `max` parts, counted by its boundary without parsing
 * it (`Buffer.indexOf`, stopping at the first delimiter past the limit).
 *
 * @example
 * if (multipartPartsOver(bytes, boundary, MAX_MULTIPART_PARTS)) …
 */
export function multipartPartsOver(body: Uint8Array, boundary: string, max: number): boolean {
  const delimiter = Buffer.from(`\r\n--${boundary}`)
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

const BOUNDARY = /;\s*boundary=(?:"([^"]*)"|([^;\s]+))/i
const BCHARS = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/
