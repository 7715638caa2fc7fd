import { createHash } from 'node:crypto'

/**
 * A ticket's answer as JSON and its ETag: `"<version>.<digest of the answer>"`. The version is
 * what every change bumps and what `If-Match` compares; the digest covers what an answer shows
 * that no change bumps — the clock (a first response that has become overdue), an e-mail
 * delivered, a linked ticket or the reporter's other requests changed, an agent renamed — so a
 * cached copy is never taken for the current one.
 *
 * @example
 * const { json, etag } = taggedJson(agentView(db, row, publicUrl, now))
 */
export function taggedJson(view: { version: number }): { json: string; etag: string } {
  const json = JSON.stringify(view)
  const digest = createHash('sha256').update(json).digest('base64url').slice(0, 22)
  return { json, etag: `"${view.version}.${digest}"` }
}

/**
 * `If-Match: "7"` (or `W/"7"`, or any `"7.<tag>"` we give out: a digest, or the e-mail stamp
 * `"7.3-12-4"` of earlier releases) → 7; absent or `*` → null; anything else → NaN (never
 * matches).
 */
export function parseIfMatch(header: string | undefined): number | null {
  if (!header || header.trim() === '*') return null
  // Compared as the opaque tag it is: "01" is not the "1" we gave out.
  const match = /^(?:W\/)?"(0|[1-9]\d{0,15})(?:\.[\w-]{1,47})?"$/.exec(header.trim())
  return match ? Number(match[1]) : Number.NaN
}

/** Whether `If-None-Match` (one tag, a list, or `*`) holds `etag`: then the answer is a 304. */
export function holdsEtag(header: string | undefined, etag: string): boolean {
  return !!header?.split(',').some((t) => {
    const tag = t.trim()
    return tag === '*' || tag.replace(/^W\//, '') === etag
  })
}
