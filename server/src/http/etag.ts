/**
 * The ETag of a ticket: its version, which every change bumps, and — once the ticket has e-mails —
 * a stamp of their delivery state (`"7.3-12-4"`), so a cached copy is not taken for the current
 * one after an e-mail was delivered. Only the version counts for `If-Match`: an e-mail delivered
 * meanwhile is no conflicting change.
 */
export const etagOf = (row: { version: number }, mailStamp: string | null = null) =>
  mailStamp ? `"${row.version}.${mailStamp}"` : `"${row.version}"`

/**
 * `If-Match: "7"` (or `W/"7"`, or `"7.<mail stamp>"`) → 7; absent or `*` → null; anything else →
 * NaN (never matches).
 */
export function parseIfMatch(header: string | undefined): number | null {
  if (!header || header.trim() === '*') return null
  // Compared as the opaque tag it is: "01" is not the "1" we gave out.
  const match = /^(?:W\/)?"(0|[1-9]\d{0,15})(?:\.\d{1,15}-\d{1,15}-\d{1,15})?"$/.exec(header.trim())
  return match ? Number(match[1]) : Number.NaN
}
