import { Hono, type Context } from 'hono'
import {
  CATEGORIES,
  CLOSE_REASONS,
  FREE_TEXT_CHARS,
  PRIORITIES,
  REPLY_STATUSES,
  STATUSES,
  ticketPaths,
  type BulkAnswer,
  type Status,
} from '@snagbox/sdk/contract'
import { agentWorksIn } from '../auth/agent-projects.js'
import { requireAgent, type AgentActor, type AgentEnv } from '../auth/require-agent.js'
import type { AppDeps } from '../deps.js'
import { ApiError, invalid } from '../errors.js'
import { holdsEtag, parseIfMatch, taggedJson } from '../http/etag.js'
import { Fields, readJsonObject } from '../http/request-body.js'
import { agentTicket } from './agent-ticket.js'
import { decide } from './lifecycle/decide.js'
import { decideAll, decidePatch } from './lifecycle/patch.js'
import type { Action, Actor, Decision } from './lifecycle/types.js'
import { parseListQuery } from './list-query.js'
import { readReplyBody } from './reply-body.js'
import { attachmentResponse, screenshotResponse } from './screenshot-response.js'
import { listTickets } from './store/queue-page.js'
import { addAttachment, attachmentEntry } from './store/create.js'
import { resendMail } from './store/emails.js'
import { findTicketById, type TicketRow } from './store/read.js'
import { TicketError } from './store/errors.js'
import { ticketProblem } from './problems.js'
import { similarTickets } from './store/similar.js'
import { agentView } from './store/views.js'
import { applyDecision, splitTicket, type DecisionInput } from './store/write.js'

/** The most tickets one bulk change takes. */
const MAX_BULK = 200

/** The lifecycle actor of an agent request: a person, or the API token a bot uses. */
export function actorOf(agent: AgentActor): Actor {
  return agent.via === 'token'
    ? { kind: 'token', id: agent.tokenId, agentId: agent.id }
    : { kind: 'agent', id: agent.id }
}

/** The agent API under `/api/v1/tickets`: list, read, change, reply, note, split, link. */
export function agentTicketRoutes(deps: AppDeps) {
  const { db, config } = deps
  const app = new Hono<AgentEnv>()

  const load = (c: Context<AgentEnv>, ref: string): TicketRow =>
    agentTicket(db, c.get('agent'), ref)
  /** The ticket as the agent sees it, with its ETag; a 304 for a GET that holds this answer. */
  const answer = (c: Context, ticket: TicketRow, status: 200 | 201 = 200) => {
    const { json, etag } = taggedJson(agentView(db, ticket, config.publicUrl, deps.now()))
    c.header('ETag', etag)
    if (['GET', 'HEAD'].includes(c.req.method) && holdsEtag(c.req.header('if-none-match'), etag))
      return c.body(null, 304)
    return c.body(json, status, { 'Content-Type': 'application/json' })
  }
  const change = (
    c: Context<AgentEnv>,
    row: TicketRow,
    decision: (actor: Actor) => DecisionInput['decide'],
    write?: DecisionInput['write'],
  ) => {
    const ifMatch = parseIfMatch(c.req.header('if-match'))
    const actor = actorOf(c.get('agent'))
    return applyDecision(deps, {
      ticketId: row.id,
      actor,
      now: deps.now(),
      ifMatch,
      decide: decision(actor),
      ...(write ? { write } : {}),
    })
  }

  app.get('/', requireAgent(deps), (c) => {
    const parsed = parseListQuery(c.req.query())
    if ('errors' in parsed) throw invalid(parsed.errors)
    const { id, projects } = c.get('agent')
    return c.json(listTickets(db, parsed.query, { agentId: id, projects }, deps.now()))
  })

  app.get('/:ref', requireAgent(deps), (c) => answer(c, load(c, c.req.param('ref'))))

  app.get('/:ref/similar', requireAgent(deps), (c) =>
    c.json({ items: similarTickets(db, load(c, c.req.param('ref')), deps.now()) }),
  )

  app.get('/:ref/screenshot', requireAgent(deps), (c) =>
    screenshotResponse(c, db, load(c, c.req.param('ref'))),
  )

  // A file of a message (an e-mailed reply's image, an agent's reply's file): the timeline entry
  // names it in `attachments`.
  app.get('/:ref/attachments/:fileId', requireAgent(deps), (c) =>
    attachmentResponse(c, db, load(c, c.req.param('ref')), c.req.param('fileId'), 'agent'),
  )

  /** The fields of a PATCH, checked (every bad one named); the lifecycle decides the rest. */
  const patchOf = (c: Context<AgentEnv>, body: Record<string, unknown>) => {
    const f = new Fields(body)
    const patch = {
      priority: f.oneOf('priority', PRIORITIES),
      category: f.oneOf('category', CATEGORIES),
      status: f.oneOf('status', STATUSES),
      closeReason: f.oneOf('closeReason', CLOSE_REASONS),
      reason: f.text('reason', { max: FREE_TEXT_CHARS }),
      duplicateOf: f.text('duplicateOf', { max: 60 }),
      assigneeId: assigneeOf(body, c.get('agent').id),
    }
    return { f, patch }
  }
  const patchRow = (
    c: Context<AgentEnv>,
    row: TicketRow,
    patch: ReturnType<typeof patchOf>['patch'],
  ) => {
    // The same answer for an unknown id and an agent of other projects only: ids stay private.
    if (patch.assigneeId && !agentWorksIn(db, patch.assigneeId, row.projectId)) {
      throw invalid([{ path: 'assigneeId', message: "is not an agent of the ticket's project" }])
    }
    const duplicate = patch.duplicateOf ? load(c, patch.duplicateOf) : undefined
    if (duplicate?.id === row.id)
      throw invalid([{ path: 'duplicateOf', message: 'must be another ticket' }])
    const wanted = { ...patch, duplicateOf: duplicate?.id }
    return change(c, row, (actor) => (state, ctx) => decidePatch(state, wanted, actor, ctx))
  }

  app.patch('/:ref', requireAgent(deps), async (c) => {
    const row = load(c, c.req.param('ref'))
    const { f, patch } = patchOf(c, await readJsonObject(c, deps.config.limits))
    f.done()
    return answer(c, patchRow(c, row, patch))
  })

  // A reply, and with it the status it asks for and a priority (a saved reply's): one change, each
  // part under the lifecycle; a priority it already has is left out, as in a PATCH. Its files
  // are kept in the same transaction and named by its timeline entry.
  app.post('/:ref/replies', requireAgent(deps), async (c) => {
    const row = load(c, c.req.param('ref'))
    const { fields, files } = await readReplyBody(c, config.limits)
    const f = new Fields(fields)
    const body = f.text('body', { required: true, max: FREE_TEXT_CHARS })!
    const status = f.oneOf('status', REPLY_STATUSES)
    const priority = f.oneOf('priority', PRIORITIES)
    f.done()
    const reply: Action = { type: 'reply', body, ...(status ? { status } : {}) }
    const actions: Action[] = priority ? [reply, { type: 'set_priority', priority }] : [reply]
    const attachments = files.map(attachmentEntry)
    const now = deps.now()
    return answer(
      c,
      change(
        c,
        row,
        (actor) => (state, ctx) => withFiles(decideAll(state, actions, actor, ctx), attachments),
        files.length
          ? (tx) => files.forEach((file) => addAttachment(tx, row.id, file, now))
          : undefined,
      ),
      201,
    )
  })

  app.post('/:ref/notes', requireAgent(deps), async (c) => {
    const row = load(c, c.req.param('ref'))
    const f = new Fields(await readJsonObject(c, deps.config.limits))
    const body = f.text('body', { required: true, max: FREE_TEXT_CHARS })!
    f.done()
    return answer(
      c,
      change(c, row, (actor) => (state, ctx) => decide(state, { type: 'note', body }, actor, ctx)),
      201,
    )
  })

  app.post('/:ref/split', requireAgent(deps), async (c) => {
    const row = load(c, c.req.param('ref'))
    const f = new Fields(await readJsonObject(c, deps.config.limits))
    const subject = f.text('subject', { required: true, max: config.limits.subjectChars })!
    const description = f.text('description', {
      required: true,
      max: config.limits.descriptionChars,
    })!
    f.done()
    const split = splitTicket(deps, {
      ticketId: row.id,
      actor: actorOf(c.get('agent')),
      now: deps.now(),
      ifMatch: parseIfMatch(c.req.header('if-match')),
      subject,
      description,
    })
    // The new ticket's ETag, as a GET of it gives: the answer adds its status link once.
    const view = agentView(db, split.ticket, config.publicUrl, deps.now())
    c.header('ETag', taggedJson(view).etag)
    const statusUrl = `${config.publicUrl}${ticketPaths.statusPage(split.reporterToken)}`
    return c.json({ ...view, statusUrl }, 201)
  })

  // An e-mail of the ticket once more (a reporter who lost it, or one that failed): recorded
  // anew, with its own Message-ID, and sent by the background sender within seconds.
  app.post('/:ref/emails/:id/resend', requireAgent(deps), (c) => {
    const row = load(c, c.req.param('ref'))
    if (!config.mail.smtpUrl)
      throw new ApiError(409, 'conflict', 'This server sends no e-mail: start it with --smtp-url')
    const id = c.req.param('id')
    const resent = /^\d{1,15}$/.test(id)
      ? resendMail(db, row.id, Number(id), deps.now())
      : undefined
    if (!resent) throw new ApiError(404, 'not_found', `No e-mail ${id} of ${row.reference}`)
    return c.json(resent, 201)
  })

  /** A link's fields, checked: a duplicate (with a comment) or a mass incident's child. */
  const linkOf = (f: Fields) => {
    const link = {
      duplicateOf: f.text('duplicateOf', { max: 60 }),
      parent: f.text('parent', { max: 60 }),
      comment: f.text('comment', { max: FREE_TEXT_CHARS }),
    }
    return link
  }
  const linkRow = (c: Context<AgentEnv>, row: TicketRow, link: ReturnType<typeof linkOf>) => {
    const { duplicateOf, parent, comment } = link
    if (!duplicateOf === !parent) {
      throw invalid([
        {
          path: 'duplicateOf',
          message:
            'give either duplicateOf (close as its duplicate, with a comment) or parent (a mass incident)',
        },
      ])
    }
    const target = load(c, (duplicateOf ?? parent)!)
    if (target.id === row.id)
      throw invalid([
        { path: duplicateOf ? 'duplicateOf' : 'parent', message: 'must be another ticket' },
      ])
    if (parent && target.category !== 'mass_incident')
      throw invalid([{ path: 'parent', message: `${target.reference} is not a mass incident` }])
    const action: Action = duplicateOf
      ? { type: 'close', closeReason: 'duplicate', comment: comment ?? '', duplicateOf: target.id }
      : { type: 'link', parentId: target.id }
    return change(c, row, (actor) => (state, ctx) => decide(state, action, actor, ctx))
  }

  app.post('/:ref/link', requireAgent(deps), async (c) => {
    const row = load(c, c.req.param('ref'))
    const f = new Fields(await readJsonObject(c, deps.config.limits))
    const link = linkOf(f)
    f.done()
    return answer(c, linkRow(c, row, link))
  })

  // One change to many tickets: each obeys the lifecycle on its own, and the answer says, ticket
  // by ticket, which were changed and which were refused, and why. Nothing is all-or-nothing.
  app.post('/bulk', requireAgent(deps), async (c) => {
    const body = await readJsonObject(c, deps.config.limits)
    const { references, ...rest } = body
    const { f, patch } = patchOf(c, rest)
    const link = linkOf(f)
    f.only([
      'priority',
      'category',
      'status',
      'closeReason',
      'reason',
      'duplicateOf',
      'assigneeId',
      'parent',
      'comment',
    ])
    const refs =
      Array.isArray(references) &&
      references.length >= 1 &&
      references.length <= MAX_BULK &&
      references.every((r) => typeof r === 'string' && r.length <= 60)
        ? [...new Set(references as string[])]
        : undefined
    if (!refs)
      throw invalid([
        { path: 'references', message: `must be 1 to ${MAX_BULK} ticket references or ids` },
      ])
    f.done()
    const linking =
      link.parent !== undefined || (link.duplicateOf !== undefined && patch.status === undefined)
    if (!linking && !Object.values(patch).some((v) => v !== undefined))
      throw invalid([{ path: '', message: 'say what to change' }])
    const results = refs.map((ref): BulkAnswer['results'][number] => {
      let row: TicketRow | undefined
      try {
        row = load(c, ref)
        const done = linking ? linkRow(c, row, link) : patchRow(c, row, patch)
        return {
          reference: done.reference,
          ok: true,
          status: done.status,
          version: done.version,
        }
      } catch (err) {
        const problem =
          err instanceof TicketError
            ? ticketProblem(err.problem)
            : err instanceof ApiError
              ? err
              : undefined
        if (!problem) throw err
        // Its status now, as the refused write left it — not the one a queue showed a while ago.
        const status = row ? (findTicketById(db, row.id)!.status as Status) : null
        return { reference: ref, ok: false, code: problem.code, detail: problem.detail, status }
      }
    })
    const answer: BulkAnswer = {
      done: results.filter((r) => r.ok).length,
      refused: results.filter((r) => !r.ok).length,
      results,
    }
    return c.json(answer)
  })

  return app
}

/** A reply's decision with its files named in its `public_reply` entry. */
function withFiles(decision: Decision, attachments: Record<string, unknown>[]): Decision {
  if (!decision.ok || !attachments.length) return decision
  const events = decision.events.map((e) =>
    e.type === 'public_reply' ? { ...e, data: { ...e.data, attachments } } : e,
  )
  return { ...decision, events }
}

/** `assigneeId`: an agent id, `me`, or `null` to unassign; absent when not given. */
function assigneeOf(body: Record<string, unknown>, me: string): string | null | undefined {
  const value = body.assigneeId
  if (value === undefined) return undefined
  if (value === null) return null
  if (typeof value !== 'string' || value.length > 60)
    throw invalid([{ path: 'assigneeId', message: 'must be an agent id, "me" or null' }])
  return value === 'me' ? me : value
}
