/**
 * What the tests of "My requests" share: the reporter's side of a support server in memory —
 * requests with their public timelines, support replying, the reporter's actions — answering as
 * the SDK's `myRequests()` and `request()` do. Not shipped.
 */
import type {
  MyRequest,
  MyRequests,
  OpenRequest,
  ReplyEvent,
  RequestResult,
  ReporterTicket,
  TimelineEntry,
} from '@snagbox/sdk'
import { isFromSupport, type Status } from '@snagbox/sdk/contract'
import { sdkErrorFor, type fakeClient } from './support.js'

interface Kept {
  ticket: ReporterTicket
  /** The last entry the reporter has seen. */
  seen: number
}

const ACTIONS: Record<Status, ReporterTicket['allowedActions']> = {
  new: ['comment', 'withdraw'],
  in_progress: ['comment', 'withdraw'],
  waiting_on_reporter: ['comment', 'withdraw'],
  resolved: ['comment', 'confirm', 'disagree', 'withdraw'],
  closed: [],
}

/**
 * Gives `client` (the widget tests' fake) a support server: `add()` a request, `reply()` as an
 * agent (heard live, as the SDK's stream tells it), `offline` to make it unreachable.
 */
export function withRequests(client: ReturnType<typeof fakeClient>) {
  const kept = new Map<string, Kept>()
  let id = 0
  // Each entry a second after the one before, all of them just now.
  let clock = Date.now() - 30_000
  const at = () => new Date((clock += 1000)).toISOString()
  const calls: string[] = []
  const queued: MyRequest[] = []

  const entry = (
    type: string,
    actor: TimelineEntry['actor'],
    data: Record<string, unknown>,
    createdAt = at(),
  ): TimelineEntry => ({ id: ++id, type, visibility: 'public', actor, data, createdAt })
  const agent = (name: string | null) => ({ kind: 'agent', id: null, name })
  const reporter = { kind: 'reporter', id: null, name: null }

  /** The status change a write makes, at the time of the write's first entry. */
  function move(k: Kept, to: Status, actor: TimelineEntry['actor']) {
    const from = k.ticket.status
    if (from === to) return
    const time = k.ticket.timeline.at(-1)!.createdAt
    k.ticket.timeline.push(entry('status_changed', actor, { from, to }, time))
    k.ticket.status = to
    k.ticket.allowedActions = ACTIONS[to]
  }
  const unread = (k: Kept) =>
    k.ticket.timeline.filter((e) => e.id > k.seen && isFromSupport(e)).length
  const summary = (k: Kept): Extract<MyRequest, { state: 'sent' }> => {
    // As the server tells it: the first entry of the last write.
    const { timeline } = k.ticket
    const last = timeline.find((e) => e.createdAt === timeline.at(-1)!.createdAt)!
    return {
      state: 'sent',
      reference: k.ticket.reference,
      subject: k.ticket.subject,
      status: k.ticket.status,
      closeReason: k.ticket.closeReason,
      statusText: k.ticket.status,
      createdAt: k.ticket.createdAt,
      updatedAt: last.createdAt,
      lastChange: {
        type: last.type,
        text: last.type,
        by: last.actor.kind === 'agent' ? 'support' : 'reporter',
        name: last.actor.name,
        excerpt: typeof last.data.body === 'string' ? last.data.body : null,
        at: last.createdAt,
      },
      unread: unread(k),
      token: `token-${k.ticket.reference}`,
      statusUrl: `https://support.example.com/status/token-${k.ticket.reference}`,
    }
  }

  const server = {
    calls,
    offline: false,
    /** A report in the outbox, not sent yet. */
    queue(subject: string) {
      queued.push({
        state: 'queued',
        outboxId: `outbox-${queued.length + 1}`,
        subject,
        createdAt: at(),
      })
    },
    add(reference: string, subject: string, status: Status = 'new') {
      const createdAt = at()
      const ticket: ReporterTicket = {
        reference,
        status: 'new',
        closeReason: null,
        category: 'incident',
        subject,
        description: `${subject}\nwith details`,
        createdAt,
        updatedAt: createdAt,
        resolvedAt: null,
        closedAt: null,
        autoCloseDueAt: null,
        duplicateOf: null,
        splitFrom: null,
        related: [],
        hasScreenshot: false,
        allowedActions: ACTIONS.new,
        timeline: [entry('created', reporter, {})],
      }
      const k = { ticket, seen: ticket.timeline[0]!.id }
      kept.set(reference, k)
      move(k, status, agent('Ann Agent'))
      k.seen = id
      return ticket
    },
    /** Support writes (a question, a solution, or just a reply); heard live as the stream tells it. */
    reply(
      reference: string,
      body: string,
      status?: 'waiting_on_reporter' | 'resolved',
      name = 'Ann Agent',
    ) {
      const k = kept.get(reference)!
      const reply = entry('public_reply', agent(name), { body, status: status ?? null })
      k.ticket.timeline.push(reply)
      if (status) move(k, status, agent(name))
      const { state: _, token: __, statusUrl: ___, ...request } = summary(k)
      const event: ReplyEvent = { reference, request, entries: [reply] }
      client.reply(event)
      return event
    },
    ticket: (reference: string) => kept.get(reference)!.ticket,
  }

  function opened(k: Kept): RequestResult {
    k.seen = id
    const act = (name: string, change: () => void): Promise<RequestResult> => {
      calls.push(`${name} ${k.ticket.reference}`)
      if (server.offline) return Promise.resolve({ ok: false, error: sdkErrorFor('network_error') })
      change()
      return Promise.resolve(opened(k))
    }
    const request: OpenRequest = {
      reference: k.ticket.reference,
      statusUrl: `https://support.example.com/status/token-${k.ticket.reference}`,
      ticket: structuredClone(k.ticket),
      screenshotUrl: null,
      refresh: () => act('refresh', () => {}),
      comment: (body) =>
        act('comment', () => {
          k.ticket.timeline.push(entry('reporter_comment', reporter, { body }))
          if (k.ticket.status === 'waiting_on_reporter') move(k, 'in_progress', reporter)
        }),
      confirm: () =>
        act('confirm', () => {
          k.ticket.timeline.push(entry('confirmed', reporter, {}))
          k.ticket.closeReason = 'confirmed'
          move(k, 'closed', reporter)
        }),
      reopen: (reason) =>
        act('reopen', () => {
          k.ticket.timeline.push(entry('reopened', reporter, { reason }))
          move(k, 'in_progress', reporter)
        }),
      withdraw: (reason) =>
        act('withdraw', () => {
          k.ticket.timeline.push(entry('withdrawn', reporter, { reason: reason ?? null }))
          k.ticket.closeReason = 'withdrawn'
          move(k, 'closed', reporter)
        }),
    }
    return { ok: true, request }
  }

  client.myRequests = async (): Promise<MyRequests> => {
    calls.push('list')
    const sent = [...kept.values()].sort((a, b) =>
      summary(b).updatedAt.localeCompare(summary(a).updatedAt),
    )
    if (server.offline)
      return {
        items: [
          ...queued,
          ...sent.map((k) => ({
            state: 'remembered' as const,
            reference: k.ticket.reference,
            statusUrl: `https://support.example.com/status/token-${k.ticket.reference}`,
            createdAt: k.ticket.createdAt,
          })),
        ],
        identity: null,
        error: sdkErrorFor('network_error'),
      }
    return { items: [...queued, ...sent.map(summary)], identity: null }
  }
  client.request = async (reference: string): Promise<RequestResult> => {
    calls.push(`open ${reference}`)
    if (server.offline) return { ok: false, error: sdkErrorFor('network_error') }
    const k = kept.get(reference)
    return k ? opened(k) : { ok: false, error: sdkErrorFor('not_found') }
  }
  return server
}
