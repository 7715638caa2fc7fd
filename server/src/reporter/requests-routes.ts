import { Hono, type Context } from 'hono'
import {
  HEADERS,
  LANGUAGES,
  REPORTER_REQUESTS_MAX,
  ticketPaths,
  type ReporterRequest,
  type ReporterRequests,
} from '@snagbox/sdk/contract'
import type { AppDeps } from '../deps.js'
import { ApiError, invalid } from '../errors.js'
import { Fields, readJsonObject } from '../http/request-body.js'
import { verifiedIdentity } from '../projects/identity.js'
import { findProjectByKey, type Project } from '../projects/store.js'
import { timeline, type TicketRow } from '../tickets/store/read.js'
import {
  keepReporterToken,
  ticketsOfTokens,
  ticketsOfUser,
} from '../tickets/store/reporter-requests.js'
import { checkOrigin } from './cors.js'
import { pickLang } from './i18n.js'
import { countReporterRead } from './read-limit.js'
import { requestSummary } from './request-summary.js'
import { requestStream, type StreamBounds } from './stream.js'

/** Longest status token looked up (they are 43 characters). */
const TOKEN_CHARS = 100

/**
 * `POST /requests` (several of a reporter's requests at once: by their status tokens, or a
 * verified user's from any device) and `GET /events` (what support writes on them, live), under
 * `/api/v1/status`. Both name their project by its key and answer only its allowed origins.
 * `streamBounds`: how many streams may be open at once (by default 100 an address, 10,000 in all).
 */
export function reporterRequestsRoutes(deps: AppDeps, streamBounds?: StreamBounds) {
  const { db, config } = deps
  const app = new Hono()

  /** The project of a key, for a page it allows; counted against the address first. */
  const projectFor = (c: Context, key: string | undefined): Project => {
    countReporterRead(deps, c)
    const project = key ? findProjectByKey(db, key) : undefined
    if (!project)
      throw new ApiError(
        401,
        'unknown_project_key',
        key ? 'No project has this key' : `The ${HEADERS.projectKey} header is missing`,
      )
    checkOrigin(c, deps, project.allowedOrigins)
    return project
  }
  /** Each ticket once, with the first token given for it; other projects' tokens left out. */
  const ofProject = (project: Project, tokens: string[]) => {
    const found = new Map<string, { token: string; ticket: TicketRow }>()
    for (const hit of ticketsOfTokens(db, tokens))
      if (hit.ticket.projectId === project.id && !found.has(hit.ticket.id))
        found.set(hit.ticket.id, hit)
    return found
  }

  app.post('/requests', async (c) => {
    const project = projectFor(c, c.req.header(HEADERS.projectKey))
    const f = new Fields(await readJsonObject(c, config.limits)).only(['tokens', 'user', 'lang'])
    const tokens = f.texts('tokens', { maxItems: REPORTER_REQUESTS_MAX, max: TOKEN_CHARS }) ?? []
    const u = f.object('user')?.only(['id', 'signature'])
    const id = u?.text('id', { required: true, max: config.limits.shortTextChars, trim: false })
    const signature = u?.text('signature', { required: true, max: 200 })
    const asked = f.oneOf('lang', LANGUAGES)
    f.done()
    // Checked before anything of the user is read: a wrong signature learns nothing, not even
    // whether the user has requests.
    const identity =
      id !== undefined && signature !== undefined
        ? verifiedIdentity(db, project.id, { id, signature: signature.toLowerCase() })
        : null
    if (u && !identity)
      throw new ApiError(
        403,
        'forbidden',
        "The user's signature is not valid for this project (or it verifies no identities): nothing is listed for them",
      )
    const found = ofProject(project, tokens)
    if (identity) {
      for (const ticket of ticketsOfUser(db, project.id, identity.userId, REPORTER_REQUESTS_MAX)) {
        if (found.has(ticket.id)) continue
        // A status link for this device: made from the secret, so listing again makes no new one.
        const token = identity.statusToken(ticket.id)
        keepReporterToken(db, ticket.id, token, deps.now())
        found.set(ticket.id, { token, ticket })
      }
    }
    const lang = pickLang(asked, c.req.header('accept-language'))
    const items: ReporterRequest[] = [...found.values()]
      .map(({ token, ticket }) => ({
        ...requestSummary(ticket, timeline(db, ticket.id, 'reporter'), lang),
        token,
        statusUrl: `${config.publicUrl}${ticketPaths.statusPage(token)}`,
      }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    c.header('Cache-Control', 'no-store')
    return c.json({
      items,
      lang,
      identity: identity ? 'verified' : null,
    } satisfies ReporterRequests)
  })

  app.get('/events', (c) => {
    // HEAD drops the body: a stream opened for it would never be read, nor ever closed.
    if (c.req.method === 'HEAD') return c.body(null, 200, { 'Content-Type': 'text/event-stream' })
    // The key as a header, or in the query for an EventSource, which sends no headers.
    const project = projectFor(c, c.req.header(HEADERS.projectKey) ?? c.req.query('key'))
    const tokens = c.req.queries('token') ?? []
    if (
      !tokens.length ||
      tokens.length > REPORTER_REQUESTS_MAX ||
      tokens.some((t) => t.length > TOKEN_CHARS)
    )
      throw invalid([
        {
          path: 'token',
          message: `must be 1 to ${REPORTER_REQUESTS_MAX} status tokens of at most ${TOKEN_CHARS} characters`,
        },
      ])
    const found = ofProject(project, tokens)
    if (!found.size)
      throw new ApiError(404, 'not_found', 'None of these status links opens a request here')
    const lastEventId = c.req.header('last-event-id')?.trim()
    return requestStream(
      c,
      deps,
      {
        watched: [...found.values()],
        lang: pickLang(c.req.query('lang'), c.req.header('accept-language')),
        since: lastEventId && /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : null,
      },
      streamBounds,
    )
  })
  return app
}
