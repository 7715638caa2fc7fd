import { ticketPaths, type ReporterTicket } from '../contract/index.js'
import { sdkError } from '../errors.js'
import type { ResolvedOptions } from '../options.js'
import { call, signedIn, tokenOf, type Answer } from './http.js'
import { myRequests } from './list.js'
import { visibleRequests, type RequestsContext } from './remembered.js'
import type { OpenRequest, RequestResult } from './types.js'

/**
 * `snag.request(reference)`: one of the requests this client remembers (or, for a signed-in
 * user, any of theirs), read now — which marks what support wrote as seen.
 */
export async function openRequest(ctx: RequestsContext, reference: string): Promise<RequestResult> {
  const wanted = String(reference).trim().toUpperCase()
  const find = async () => (await visibleRequests(ctx)).find((r) => r.id === wanted)
  let known = await find()
  // Another device's request of the signed-in user: listing remembers it here.
  if (!known && signedIn(ctx.o)) {
    await myRequests(ctx)
    known = await find()
  }
  if (!known)
    return {
      ok: false,
      error: sdkError('not_found', { message: `No request ${wanted} is known here` }),
    }
  return opened(ctx.o, known.statusUrl, () => call(ctx.o, path(known.statusUrl)))
}

const path = (statusUrl: string, rest = '') => ticketPaths.status(tokenOf(statusUrl), rest)

/** The request of an answer, with what the reporter can do on it. */
async function opened(
  o: ResolvedOptions,
  statusUrl: string,
  ask: () => Promise<Answer<ReporterTicket>>,
): Promise<RequestResult> {
  const answer = await ask()
  if (!answer.ok) return answer
  const ticket = answer.value
  const act = (rest: string, body?: unknown) =>
    opened(o, statusUrl, () =>
      call<ReporterTicket>(o, path(statusUrl, rest), { method: 'POST', body }),
    )
  const request: OpenRequest = {
    reference: ticket.reference,
    statusUrl,
    ticket,
    screenshotUrl: ticket.hasScreenshot ? `${o.endpoint}${path(statusUrl, '/screenshot')}` : null,
    refresh: () => opened(o, statusUrl, () => call(o, path(statusUrl))),
    comment: (body) => act('/comments', { body }),
    confirm: () => act('/confirm'),
    reopen: (reason) => act('/reopen', { reason }),
    withdraw: (reason) => act('/withdraw', reason ? { reason } : undefined),
  }
  return { ok: true, request }
}
