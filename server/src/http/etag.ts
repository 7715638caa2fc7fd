/** The ETag of a ticket: its version, which every change bumps. */
export const etagOf = (row: { version: number }) => `"${row.version}"`

/** `If-Match: "7"` (or `W/"7"`) → 7; absent or `*` → null; anything else → NaN (never matches). */
export function parseIfMatch(header: string | undefined): number | null {
  if (!header || header.trim() === '*') return null
  // Compared as the opaque tag it is: "01" is not the "1" we gave out.
  const match = /^(?:W\/)?"(0|[1-9]\d{0,15})"$/.exec(header.trim())
  return match ? Number(match[1]) : Number.NaN
}
