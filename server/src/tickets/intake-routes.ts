import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import {
  HEADERS,
  ticketPaths,
  validateTicketPayload,
  type TicketCreated,
} from '@snagbox/sdk/contract'
import type { AppDeps } from '../deps.js'
import { maskAddress } from '../mail-address.js'
import { ApiError, invalid } from '../errors.js'
import { isOriginAllowed, readableBy } from '../http/origins.js'
import { RateLimiter } from '../http/rate-limiter.js'
import { allAllowedOrigins, findProjectByKey, type Project } from '../projects/store.js'
import { verifiedIdentity } from '../projects/identity.js'
import { checkScreenshot, readIntakeBody } from './intake-body.js'
import { createTicket } from './store/create.js'

const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/

type Env = { Variables: { project: Project } }

/** `POST /api/v1/tickets` and its CORS preflight: the public intake of the widget and the SDK. */
export function intakeRoutes(deps: AppDeps) {
  const { db, config } = deps
  const perIp = new RateLimiter(config.rateLimit.perIp, () => deps.now().getTime())
  const perProject = new RateLimiter(config.rateLimit.perProject, () => deps.now().getTime())
  const app = new Hono<Env>()

  /** An answer readable by `origin` with its Retry-After and Location (bare refusals: `readableBy`). */
  const corsHeaders = (c: Context, origin: string) => readableBy(c, origin, 'Retry-After, Location')

  // Any origin's preflight is answered, so that its POST is sent and refused readably (401, 403):
  // the SDK must tell "this site is not allowed" from a network failure, or it retries forever.
  // The POST still decides, before it reads a byte of the body. With a project key in the query,
  // only that project's origins count.
  app.options('/', (c) => {
    const origin = c.req.header('origin')
    if (!origin) return c.body(null, 204)
    const key = c.req.query('key')
    const project = key ? findProjectByKey(db, key) : undefined
    if (project && !isOriginAllowed(origin, project.allowedOrigins, config)) {
      throw new ApiError(
        403,
        'origin_not_allowed',
        `The origin ${origin} may not send tickets here`,
      )
    }
    corsHeaders(c, origin)
    c.header('Access-Control-Allow-Methods', 'POST, OPTIONS')
    c.header(
      'Access-Control-Allow-Headers',
      `Content-Type, ${HEADERS.projectKey}, ${HEADERS.idempotencyKey}`,
    )
    c.header('Access-Control-Max-Age', '600')
    return c.body(null, 204)
  })

  app.post(
    '/',
    async (c, next) => {
      const origin = c.req.header('origin')
      // A 429 before the project is known is readable by any origin some project allows, so the
      // SDK can tell it from a network failure; 401 and 403 by any origin (they are final).
      const grantAnyProjectsOrigin = () => {
        if (origin && isOriginAllowed(origin, allAllowedOrigins(db), config)) corsHeaders(c, origin)
      }
      const retryIp = perIp.hit(deps.clientIp(c))
      if (retryIp) {
        grantAnyProjectsOrigin()
        throw tooMany(retryIp, 'this address')
      }
      const key = c.req.header(HEADERS.projectKey)
      const project = key ? findProjectByKey(db, key) : undefined
      if (!project) {
        if (origin) readableBy(c, origin)
        throw new ApiError(
          401,
          'unknown_project_key',
          key ? 'No project has this key' : `The ${HEADERS.projectKey} header is missing`,
        )
      }
      if (origin) {
        if (!isOriginAllowed(origin, project.allowedOrigins, config)) {
          readableBy(c, origin)
          throw new ApiError(
            403,
            'origin_not_allowed',
            `The origin ${origin} may not send tickets to this project`,
          )
        }
        corsHeaders(c, origin)
      }
      const retryProject = perProject.hit(project.id)
      if (retryProject) throw tooMany(retryProject, 'this project')
      c.set('project', project)
      await next()
    },
    bodyLimit({
      maxSize: config.limits.bodyBytes,
      onError: () => {
        throw new ApiError(
          413,
          'payload_too_large',
          `The body is larger than ${config.limits.bodyBytes} bytes`,
        )
      },
    }),
    async (c) => {
      const idempotencyKey = c.req.header(HEADERS.idempotencyKey) ?? null
      if (
        idempotencyKey !== null &&
        (idempotencyKey.length > config.limits.idempotencyKeyChars ||
          !IDEMPOTENCY_KEY.test(idempotencyKey))
      ) {
        throw invalid([
          {
            path: HEADERS.idempotencyKey,
            message: `must be 1–${config.limits.idempotencyKeyChars} printable ASCII characters`,
          },
        ])
      }
      const body = await readIntakeBody(c, deps.config.limits)
      const result = validateTicketPayload(body.payload, config.limits)
      if (!result.ok) throw invalid(result.errors)
      const screenshot = body.screenshot ? checkScreenshot(body.screenshot, config.limits) : null
      // A user named without a valid signature is left out; the report is kept all the same.
      const { user } = result.value
      const reporterUserId = user
        ? (verifiedIdentity(db, c.get('project').id, user)?.userId ?? null)
        : null
      const ticket = createTicket(deps, {
        project: c.get('project'),
        payload: result.value,
        reporterUserId,
        screenshot,
        idempotencyKey,
        idempotencyKeyHours: config.idempotencyKeyHours,
        now: deps.now(),
      })
      // 422, as the IETF Idempotency-Key draft has it (Stripe answers 400 `idempotency_error`):
      // the request is well-formed, but its key is taken. Retrying it can't help; a new key can.
      if (ticket.outcome === 'key_reused') {
        throw new ApiError(
          422,
          'idempotency_key_reused',
          `This ${HEADERS.idempotencyKey} was used for a different request within the last ${config.idempotencyKeyHours} hours; a retry must repeat that request exactly, and a new report needs a new key`,
          [{ path: HEADERS.idempotencyKey, message: 'was used for a different request' }],
        )
      }
      const answer: TicketCreated = {
        id: ticket.id,
        reference: ticket.reference,
        status: ticket.status,
        statusUrl: `${config.publicUrl}${ticketPaths.statusPage(ticket.reporterToken)}`,
        createdAt: ticket.createdAt,
        mailTo:
          config.mail.smtpUrl && result.value.reporter?.email
            ? maskAddress(result.value.reporter.email)
            : null,
        ...(user ? { identity: reporterUserId ? 'verified' : 'not_verified' } : {}),
      }
      c.header('Location', `${config.publicUrl}${ticketPaths.ticket(ticket.reference)}`)
      return c.json(answer, ticket.outcome === 'created' ? 201 : 200)
    },
  )
  return app
}

function tooMany(seconds: number, who: string): ApiError {
  return new ApiError(
    429,
    'rate_limited',
    `Too many tickets from ${who}; try again in ${seconds} s`,
    undefined,
    {
      'Retry-After': String(seconds),
    },
  )
}
