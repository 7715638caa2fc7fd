import type { ResolvedOptions } from '../options.js'
import { defaultStore } from '../transport/default-store.js'
import { createMemoryStore, type KeyedStore, type OutboxEntry } from '../transport/outbox-store.js'

/**
 * A request this client sent (or was shown for its signed-in user): its reference, its status
 * link — the reporter's credential, which holds the status token — and when it was made. In a
 * page, the JSON of one in `localStorage` under `snagbox:requests:<project key>:<reference>`.
 *
 * @example const mine: RememberedRequest = { id: 'DEMO-42', statusUrl: 'https://support.example.com/status/…', createdAt: '2026-11-24T10:00:00.000Z' }
 */
export interface RememberedRequest {
  /** The reference, `DEMO-42`. */
  id: string
  statusUrl: string
  createdAt: string
  /** The host's user (`setUser`'s id) it was sent or listed for: shown only while that user is set. */
  userId?: string
}

/** The id `setUser` set, as remembered requests keep it; none for an anonymous reporter. */
export function userIdOf(o: Pick<ResolvedOptions, 'user'>): string | undefined {
  const { id } = o.user
  return (typeof id === 'string' || typeof id === 'number') && id !== '' ? String(id) : undefined
}

/** What the requests add-on works with: the options, what the client remembers and queued. */
export interface RequestsContext {
  o: ResolvedOptions
  remembered: Promise<KeyedStore<RememberedRequest>>
  /** The reports waiting in the outbox, oldest first. */
  queued(): Promise<OutboxEntry[]>
  /** Set by the add-on while it follows replies: told when a request is remembered. */
  added?: () => void
  /** Set by the add-on while it follows replies: stops following (the client is closed). */
  stop?: () => void
}

/**
 * Where the requests of this client's project are remembered: the page's localStorage (so a
 * first glance can read them at once), files beside the outbox's in Node (`outbox.dir`), else
 * memory.
 */
export const rememberedStore = (o: ResolvedOptions) =>
  defaultStore<RememberedRequest>(
    o.outbox ? o.outbox.dir : undefined,
    `requests:${o.projectKey}`,
    true,
  ).then(
    (store) => store || createMemoryStore<RememberedRequest>(),
    () => createMemoryStore<RememberedRequest>(),
  )

/**
 * The remembered requests the reporter now at the keyboard may see: this browser's anonymous
 * ones and the current user's. Another user's (signed out, or someone else signed in on a shared
 * computer) are forgotten here, so they never show again on this browser.
 */
export async function visibleRequests(ctx: RequestsContext): Promise<RememberedRequest[]> {
  const store = await ctx.remembered
  const user = userIdOf(ctx.o)
  const kept = await store.list().catch((): RememberedRequest[] => [])
  const others = kept.filter((r) => r.userId !== undefined && r.userId !== user)
  await Promise.all(others.map((r) => store.delete(r.id).catch(() => {})))
  return kept.filter((r) => !others.includes(r))
}
