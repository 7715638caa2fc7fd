import {
  REPORTER_REQUESTS_MAX,
  ROUTES,
  type ReporterRequests,
  type ReporterRequestsQuery,
  type TicketPayload,
} from '../contract/index.js'
import type { OutboxEntry } from '../transport/outbox-store.js'
import { advise } from '../advice/advise.js'
import { call, projectHeaders, signedIn, tokenOf } from './http.js'
import { visibleRequests, type RequestsContext } from './remembered.js'
import type { MyRequest, MyRequests } from './types.js'

/** `snag.myRequests()`: what the client remembers and has queued, as the server tells it now. */
export async function myRequests(ctx: RequestsContext): Promise<MyRequests> {
  const { o } = ctx
  const store = await ctx.remembered
  const [kept, waiting] = await Promise.all([
    visibleRequests(ctx),
    ctx.queued().catch((): OutboxEntry[] => []),
  ])
  kept.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const tokens = kept.slice(0, REPORTER_REQUESTS_MAX).map((r) => tokenOf(r.statusUrl))
  const user = signedIn(o)
  const ask = (query: ReporterRequestsQuery) =>
    call<ReporterRequests>(o, ROUTES.statusRequests, {
      method: 'POST',
      body: query,
      headers: projectHeaders(o),
    })
  let identity: MyRequests['identity'] = null
  let answer = tokens.length || user ? await ask({ tokens, ...(user && { user }) }) : null
  if (user && answer) {
    identity = answer.ok ? 'verified' : null
    if (!answer.ok && answer.error.code === 'forbidden') {
      identity = 'not_verified'
      await advise('not_verified', o)
      answer = tokens.length ? await ask({ tokens }) : null
    }
  }
  const sent = answer?.ok ? answer.value.items : []
  // A signed-in user's requests from other devices are remembered here too: listing them again
  // sends their tokens, and the server makes no new ones.
  const known = new Set(kept.map((r) => r.id))
  await Promise.all(
    sent
      .filter((r) => !known.has(r.reference))
      .map((r) =>
        store
          .put({
            id: r.reference,
            statusUrl: r.statusUrl,
            createdAt: r.createdAt,
            userId: user!.id,
          })
          .catch(() => {}),
      ),
  )
  const listed = new Set(sent.map((r) => r.reference))
  const done: MyRequest[] = [
    ...sent.map((r) => ({ state: 'sent' as const, ...r })),
    ...kept
      .filter((r) => !listed.has(r.id))
      .map((r) => ({
        state: 'remembered' as const,
        reference: r.id,
        statusUrl: r.statusUrl,
        createdAt: r.createdAt,
      })),
  ]
  const changed = (r: MyRequest) => ('updatedAt' in r ? r.updatedAt : r.createdAt)
  done.sort((a, b) => changed(b).localeCompare(changed(a)))
  const queued: MyRequest[] = waiting.reverse().map((entry) => ({
    state: 'queued',
    outboxId: entry.id,
    subject: subjectOf(entry.payload),
    createdAt: new Date(entry.createdAt).toISOString(),
  }))
  return {
    items: [...queued, ...done],
    identity,
    ...(answer && !answer.ok ? { error: answer.error } : {}),
  }
}

/** A queued report's subject, as the server will make it: given, or the description's first line. */
function subjectOf(payload: TicketPayload): string {
  return payload.subject?.trim() || (payload.description ?? '').trim().split('\n', 1)[0]!
}
