import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Status, ValidTicketPayload } from '@snagbox/sdk/contract'
import type { Tx } from '../../db/client.js'
import { tickets } from '../../db/schema.js'

/**
 * The request as the server understood it, hashed: the validated payload as canonical JSON (so
 * JSON or multipart, key order and whitespace make no difference) and the screenshot's bytes (so a
 * data URL and a file part of the same image are the same request).
 *
 * @example
 * requestFingerprint(result.value, screenshot ? sha256Hex(screenshot.data) : null)
 */
export function requestFingerprint(
  payload: ValidTicketPayload,
  screenshotSha256: string | null,
): string {
  // The data URL is left out: its bytes are in the screenshot's hash, whichever form sent them.
  const { screenshot: _dataUrl, ...fields } = payload
  return createHash('sha256')
    .update(canonicalJson({ payload: fields, screenshot: screenshotSha256 }))
    .digest('hex')
}

/**
 * JSON with every object's keys sorted. Written out as text, never rebuilt as objects: a
 * `__proto__` key from the wire stays a key instead of becoming a prototype.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
    return `{${members.join(',')}}`
  }
  return JSON.stringify(value)
}

export type KeyMatch =
  /** No live ticket holds the key: create one with it. */
  | { kind: 'new' }
  /** The same request again: answer with its ticket. */
  | { kind: 'replay'; ticket: { id: string; reference: string; status: Status; createdAt: string } }
  /** The key belongs to a different request: refuse, and write nothing. */
  | { kind: 'reused' }

/**
 * What an `Idempotency-Key` means for a new request, inside the intake's transaction. A key is
 * bound to the request it first came with for `lifetimeHours`; after that it matches nothing and
 * the old ticket lets go of it (`(project_id, idempotency_key)` is unique), in the same
 * transaction as the ticket that takes it over.
 */
export function matchIdempotencyKey(
  tx: Tx,
  input: { projectId: string; key: string; fingerprint: string; now: Date; lifetimeHours: number },
): KeyMatch {
  const existing = tx
    .select({
      id: tickets.id,
      reference: tickets.reference,
      status: tickets.status,
      createdAt: tickets.createdAt,
      fingerprint: tickets.idempotencyFingerprint,
    })
    .from(tickets)
    .where(and(eq(tickets.projectId, input.projectId), eq(tickets.idempotencyKey, input.key)))
    .get()
  if (!existing) return { kind: 'new' }
  const expired =
    input.now.getTime() - Date.parse(existing.createdAt) >= input.lifetimeHours * 3_600_000
  // A ticket created before keys were bound to their request has no fingerprint, so nothing can
  // tell its retry from a stranger who learnt the key (the README's example once used a fixed
  // one). Its key is let go as if it had expired: the request gets a ticket of its own and no
  // credential of the old one. The worst case is a duplicate of a report whose answer was lost
  // across the upgrade; refusing would lose that report's answer instead, and binding the key to
  // the first replay would hand the old ticket to whoever replays first.
  if (expired || existing.fingerprint === null) {
    tx.update(tickets)
      .set({ idempotencyKey: null, idempotencyFingerprint: null })
      .where(eq(tickets.id, existing.id))
      .run()
    return { kind: 'new' }
  }
  if (existing.fingerprint !== input.fingerprint) return { kind: 'reused' }
  const { fingerprint: _, ...ticket } = existing
  return { kind: 'replay', ticket: { ...ticket, status: ticket.status as Status } }
}
