import {
  API_PREFIX,
  CATEGORIES,
  IMAGE_TYPES,
  SCREENSHOT_DATA_URL_PATTERN,
  FREE_TEXT_CHARS,
  HEADERS,
  LOG_LEVELS,
  PRIORITIES,
  REPLY_STATUSES,
  REPORTER_REQUESTS_MAX,
  FIRST_RESPONSE_HOURS_MAX,
  LANGUAGES,
  ROUTES,
  STATUSES,
  NEW_TICKET_NOTICES,
  TOKEN_SCOPES,
  type Limits,
} from '@snagbox/sdk/contract'
import type { Config } from './config.js'

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
})

const nullableString = { type: ['string', 'null'] }

const json = (schema: object, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
})
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const refParam = {
  name: 'ref',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Reference (DEMO-42) or id',
}
const tokenParam = {
  name: 'token',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'The reporter token from the status link',
}
const keyHeader = {
  name: HEADERS.projectKey,
  in: 'header',
  required: true,
  schema: { type: 'string' },
  description: 'The project key, pk_…',
}
const langQuery = {
  name: 'lang',
  in: 'query',
  schema: { enum: [...LANGUAGES] },
  description: 'The language of the words; else Accept-Language',
}
const agentAuth = [{ bearer: [] }, { session: [] }]
const jsonBody = (properties: Record<string, object>, required: string[] = []) => ({
  required: true,
  content: { 'application/json': { schema: { type: 'object', required, properties } } },
})
const formBody = (properties: Record<string, object>) => ({
  content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties } } },
})

/** An agent operation: authenticated, with the errors every agent write can answer. */
/** A route behind a session or an API token, with the refusals every such route may give. */
function secured(summary: string, extra: Record<string, unknown>, refusals: object) {
  const responses = (extra.responses ?? {}) as Record<string, unknown>
  return {
    summary,
    security: agentAuth,
    ...extra,
    responses: { ...responses, 401: problem('No valid session or API token'), ...refusals },
  }
}

function agentOp(summary: string, extra: Record<string, unknown> = {}, write = true) {
  return secured(
    summary,
    extra,
    write
      ? {
          400: problem('Invalid fields'),
          403: problem(
            'A cross-site write with the session cookie, or a write with a read-only token',
          ),
          404: problem('No such ticket, or one of a project the agent does not work in'),
          409: problem(
            'Not allowed in the current status (`allowed` lists what is), changes nothing, or a link that would make a loop',
          ),
          412: problem('If-Match names a version the ticket has moved past'),
        }
      : {},
  )
}

const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'The ETag you saw (only its version counts); a stale one answers 412',
}

/** A reporter operation: the token is the credential. */
function reporterOp(summary: string, body?: object) {
  return {
    summary,
    parameters: [tokenParam],
    ...(body ? { requestBody: body } : {}),
    responses: {
      200: json(ref('ReporterTicket')),
      400: problem('Invalid fields'),
      404: problem('Unknown token'),
      409: problem('Not allowed in the current status'),
      429: problem("Too many of the reporter's writes; see Retry-After"),
    },
  }
}

function payloadSchema(limits: Limits) {
  return {
    type: 'object',
    required: ['description'],
    properties: {
      category: { type: 'string', enum: [...CATEGORIES], default: 'incident' },
      blocking: {
        type: 'boolean',
        default: false,
        description: "The problem blocks the reporter's work: priority high",
      },
      subject: {
        type: 'string',
        maxLength: limits.subjectChars,
        description: 'Defaults to the first line of the description',
      },
      description: { type: 'string', minLength: 1, maxLength: limits.descriptionChars },
      reporter: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          email: { type: 'string', format: 'email' },
          phone: { type: 'string' },
          organization: { type: 'string' },
          id: {
            type: ['string', 'integer'],
            description: "The host's signed-in user; kept only with a valid signature",
          },
          signature: {
            type: 'string',
            description:
              "Hex HMAC-SHA256 of id with the project's identity secret, made by the host's backend; a wrong one never refuses the report (identity: not_verified)",
          },
        },
      },
      app: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          version: { type: 'string', examples: ['4.30.34'] },
          build: { type: 'string', examples: ['6255'] },
          environment: { type: 'string' },
        },
      },
      environment: {
        type: 'object',
        description:
          'OS, browser, device and screen, normalised by the SDK; raw inputs under `raw`',
        properties: {
          os: {
            type: 'object',
            properties: {
              name: nullableString,
              version: nullableString,
              bitness: { enum: [64, 32, null] },
              architecture: { enum: ['x64', 'x86', 'arm64', 'arm', null] },
              source: { enum: ['client-hints', 'user-agent', 'runtime', 'host'] },
            },
          },
          browser: {
            type: 'object',
            properties: {
              name: nullableString,
              version: nullableString,
              bitness: { enum: [64, 32, null] },
            },
          },
          device: {
            type: 'object',
            properties: { type: nullableString, vendor: nullableString, model: nullableString },
          },
          screen: { type: 'object' },
          locale: nullableString,
          timezone: nullableString,
          userAgent: nullableString,
          url: nullableString,
          referrer: nullableString,
          raw: { type: 'object' },
        },
      },
      context: {
        type: 'object',
        description: `The host app's own data, at most ${limits.contextBytes} bytes as JSON`,
      },
      logs: {
        type: 'array',
        maxItems: limits.logEntries,
        items: {
          type: 'object',
          required: ['message'],
          properties: {
            level: { enum: [...LOG_LEVELS] },
            message: { type: 'string' },
            timestamp: { type: ['string', 'number'] },
          },
        },
      },
      screenshot: {
        type: 'string',
        pattern: SCREENSHOT_DATA_URL_PATTERN,
        description: 'JSON form only',
      },
    },
  }
}

/** An admin route: admins only; a `read` token reads but does not write. */
function adminOp(summary: string, extra: Record<string, unknown> = {}, write = true) {
  return secured(summary, extra, {
    403: problem('Not an admin, a read-only token, or a cross-site write with the session'),
    ...(write
      ? {
          400: problem('Invalid or unknown fields, each named in `errors`'),
          404: problem('No such agent, token or project'),
          409: problem(
            'Taken already (an e-mail, a prefix), revoked or disabled already, or the last admin',
          ),
        }
      : {}),
  })
}

const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
})
const agentId = pathParam('id', "The agent's id")
const agentFields = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { enum: ['admin', 'agent'] },
  projects: { type: 'array', items: { type: 'string' }, description: 'Project prefixes' },
}
const projectFields = {
  name: { type: 'string' },
  origins: { type: 'array', items: { type: 'string', format: 'uri' } },
  autoCloseDays: { type: 'integer', minimum: 0, maximum: 365 },
  timeZone: { type: 'string', examples: ['Europe/Moscow'] },
  holidays: { type: 'array', items: { type: 'string', format: 'date' } },
  massIncidentPriority: { enum: [...PRIORITIES] },
  identitySecret: {
    type: 'boolean',
    description:
      'true: a new identity secret (sbis_…), in this answer only (identitySecret); false: none. Either way, signatures made with the old one, and the status links it made for verified users, stop working',
  },
  workingHours: {
    type: 'object',
    required: ['start', 'end'],
    properties: {
      start: { type: 'string', pattern: '^\\d\\d:\\d\\d$', examples: ['09:00'] },
      end: { type: 'string', pattern: '^\\d\\d:\\d\\d$', examples: ['18:00'] },
    },
    description: 'The working day in the time zone, the clock of first-response targets',
  },
  firstResponseHours: {
    type: 'object',
    properties: Object.fromEntries(
      PRIORITIES.map((p) => [
        p,
        { type: 'number', exclusiveMinimum: 0, maximum: FIRST_RESPONSE_HOURS_MAX },
      ]),
    ),
    description: 'Working hours to the first response, by priority; those not given stay',
  },
}
const invite = {
  type: ['object', 'null'],
  description: 'A one-time link to set a password, shown this once',
  properties: { url: { type: 'string', format: 'uri' }, expiresAt: { type: 'string' } },
}
/** The times of a ticket that matter to a team, in a listing and on the ticket alike. */
const ticketTimes = {
  firstResponseDueAt: {
    type: ['string', 'null'],
    format: 'date-time',
    description:
      "The project's target for the priority, in its working hours, from the arrival (again from the arrival when the priority changes before the first response)",
  },
  firstResponseAt: {
    type: ['string', 'null'],
    format: 'date-time',
    description: "An agent's first public reply (notes don't count)",
  },
  firstResponseOverdue: {
    type: 'boolean',
    description: 'Not answered, not closed, and past firstResponseDueAt',
  },
  waitingSince: {
    type: ['string', 'null'],
    format: 'date-time',
    description:
      "While new or in_progress: the latest of the arrival, the reporter's last comment and when it last came back to the team (from waiting_on_reporter, resolved or closed); null in other statuses",
  },
  autoCloseDueAt: {
    type: ['string', 'null'],
    format: 'date-time',
    description: 'When a resolved ticket closes itself',
  },
}

const replySchema = {
  type: 'object',
  required: ['body'],
  properties: {
    body: { type: 'string', maxLength: FREE_TEXT_CHARS },
    status: { enum: REPLY_STATUSES },
    priority: { enum: PRIORITIES },
  },
}

const macroFields = {
  name: { type: 'string', maxLength: 80 },
  body: { type: 'string', maxLength: FREE_TEXT_CHARS },
  status: { enum: [...REPLY_STATUSES, null] },
  priority: { enum: [...PRIORITIES, null] },
  project: {
    type: ['string', 'null'],
    description: "A project's prefix; null: every project (admins only)",
  },
}
const listOf = (name: string) =>
  json({ type: 'object', properties: { items: { type: 'array', items: ref(name) } } })

/** Agents, their API tokens and projects, as admins manage them (the same rules as the CLI). */
function adminPaths() {
  return {
    [`${ROUTES.admin}/agents`]: {
      get: adminOp(
        'Every agent, disabled and invited ones too',
        { responses: { 200: listOf('AdminAgent') } },
        false,
      ),
      post: adminOp(
        'Create an agent: with `password` it can sign in at once; without, the answer carries a one-time link to set one',
        {
          requestBody: jsonBody({ ...agentFields, password: { type: 'string', minLength: 8 } }, [
            'email',
            'name',
          ]),
          responses: {
            201: json({ type: 'object', properties: { agent: ref('AdminAgent'), invite } }),
          },
        },
      ),
    },
    [`${ROUTES.admin}/agents/{id}`]: {
      patch: adminOp(
        'Change name, role or projects (replaced), or — on its own — `disabled`: disabling ends its sessions, tokens and streams at once',
        {
          parameters: [agentId],
          requestBody: jsonBody({
            name: agentFields.name,
            role: agentFields.role,
            projects: agentFields.projects,
            disabled: { type: 'boolean' },
          }),
          responses: { 200: json({ type: 'object', properties: { agent: ref('AdminAgent') } }) },
        },
      ),
    },
    [`${ROUTES.admin}/agents/{id}/invite`]: {
      post: adminOp('A new one-time link to set its password (an earlier link stops working)', {
        parameters: [agentId],
        responses: {
          200: json({ type: 'object', properties: { agent: ref('AdminAgent'), invite } }),
        },
      }),
    },
    [`${ROUTES.admin}/agents/{id}/tokens`]: {
      get: adminOp(
        "The agent's API tokens, revoked and expired ones too (never the secret)",
        { parameters: [agentId], responses: { 200: listOf('AdminToken') } },
        false,
      ),
      post: adminOp('Create an API token; the secret is in the answer this once', {
        parameters: [agentId],
        requestBody: jsonBody(
          {
            name: { type: 'string' },
            scope: { enum: [...TOKEN_SCOPES] },
            expiresInDays: {
              type: ['integer', 'null'],
              minimum: 1,
              maximum: 3650,
              description: 'Default 90; `null`: never',
            },
          },
          ['name'],
        ),
        responses: {
          201: json({
            type: 'object',
            properties: { id: {}, name: {}, token: {}, scope: {}, expiresAt: nullableString },
          }),
        },
      }),
    },
    [`${ROUTES.admin}/tokens/{tokenId}/revoke`]: {
      post: adminOp('Revoke an API token: it and its open streams stop working at once', {
        parameters: [pathParam('tokenId', "The token's id")],
        responses: { 200: json(ref('AdminToken')) },
      }),
    },
    [`${ROUTES.admin}/projects`]: {
      get: adminOp(
        'Every project with its settings and public key',
        { responses: { 200: listOf('AdminProject') } },
        false,
      ),
      post: adminOp('Create a project', {
        requestBody: jsonBody(
          { prefix: { type: 'string', pattern: '^[A-Z][A-Z0-9]{0,9}$' }, ...projectFields },
          ['name', 'prefix'],
        ),
        responses: { 201: json(ref('AdminProject')) },
      }),
    },
    [`${ROUTES.admin}/projects/{prefix}`]: {
      patch: adminOp(
        "Change a project's settings; only the given ones change (lists are replaced)",
        {
          parameters: [pathParam('prefix', 'The project prefix, e.g. DEMO')],
          requestBody: jsonBody(projectFields),
          responses: { 200: json(ref('AdminProject')) },
        },
      ),
    },
    [`${ROUTES.invite}/lookup`]: {
      post: {
        summary: 'Whom a one-time link is for (the token travels in the body, never in an address)',
        requestBody: jsonBody({ token: { type: 'string' } }, ['token']),
        responses: {
          200: json({ type: 'object', properties: { email: {}, name: {}, expiresAt: {} } }),
          400: problem('No token'),
          404: problem('Used, expired, replaced, or of a disabled agent'),
        },
      },
    },
    [`${ROUTES.invite}/accept`]: {
      post: {
        summary: 'Set the password with a one-time link; signs the agent in (session cookie)',
        requestBody: jsonBody(
          { token: { type: 'string' }, password: { type: 'string', minLength: 8 } },
          ['token', 'password'],
        ),
        responses: {
          200: json({ type: 'object', properties: { agent: { type: 'object' } } }),
          400: problem('A password under 8 characters'),
          403: problem('Not from the inbox of this server'),
          404: problem('Used, expired, replaced, or of a disabled agent'),
        },
      },
    },
  }
}

/** The OpenAPI 3.1 description of every route the server answers. */
export function openApiDocument(config: Config) {
  const created = {
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['id', 'reference', 'status', 'statusUrl', 'createdAt'],
          properties: {
            id: { type: 'string' },
            reference: { type: 'string', examples: ['DEMO-42'] },
            status: { enum: [...STATUSES] },
            statusUrl: { type: 'string', format: 'uri' },
            createdAt: { type: 'string', format: 'date-time' },
            identity: {
              enum: ['verified', 'not_verified'],
              description: 'When the report named a user (reporter.id): whether its signature held',
            },
          },
        },
      },
    },
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Snagbox API',
      version: '1',
      description: 'Problem reports that arrive complete.',
    },
    servers: [{ url: config.publicUrl }],
    paths: {
      [ROUTES.healthz]: {
        get: {
          summary: 'Health check: 200 when the database answers',
          responses: { 200: { description: 'OK' }, 503: problem('The database does not answer') },
        },
      },
      [ROUTES.openapi]: {
        get: {
          summary: 'This document',
          responses: { 200: { description: 'OpenAPI 3.1 document' } },
        },
      },
      [ROUTES.tickets]: {
        get: agentOp(
          'The inbox: filters, full-text search, keyset pagination; open first by priority, then oldest',
          {
            parameters: [
              {
                name: 'status',
                in: 'query',
                schema: { type: 'string' },
                description: 'Comma-separated statuses, or `open`',
              },
              { name: 'category', in: 'query', schema: { type: 'string' } },
              { name: 'priority', in: 'query', schema: { type: 'string' } },
              {
                name: 'assignee',
                in: 'query',
                schema: { type: 'string' },
                description: '`me`, `none` or an agent id',
              },
              {
                name: 'q',
                in: 'query',
                schema: { type: 'string' },
                description:
                  "Full text over subject, description, replies and comments, the reporter's name, e-mail and organization and the context's values; or a reference",
              },
              {
                name: 'reporter',
                in: 'query',
                schema: { type: 'string' },
                description:
                  "Words of the reporter's name, e-mail or organization (the last one a prefix)",
              },
              { name: 'appVersion', in: 'query', schema: { type: 'string' } },
              {
                name: 'os',
                in: 'query',
                schema: { type: 'string' },
                description: '`Windows` or `Windows 11`',
              },
              {
                name: 'updatedSince',
                in: 'query',
                schema: { type: 'string', format: 'date-time' },
              },
              {
                name: 'parent',
                in: 'query',
                schema: { type: 'string' },
                description: 'The children of this mass incident (a reference or id)',
              },
              {
                name: 'duplicateOf',
                in: 'query',
                schema: { type: 'string' },
                description: 'The tickets closed as duplicates of this one',
              },
              {
                name: 'splitFrom',
                in: 'query',
                schema: { type: 'string' },
                description: 'The tickets split from this one',
              },
              {
                name: 'sort',
                in: 'query',
                schema: { enum: ['queue', 'first_response_due'], default: 'queue' },
                description:
                  '`queue`: open first, by priority, then oldest; `first_response_due`: the open tickets not answered yet, soonest due first, then the others in queue order',
              },
              {
                name: 'limit',
                in: 'query',
                schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
              },
              {
                name: 'cursor',
                in: 'query',
                schema: { type: 'string' },
                description: 'nextCursor of the previous page',
              },
            ],
            responses: {
              200: json({
                type: 'object',
                properties: {
                  items: { type: 'array', items: ref('TicketSummary') },
                  nextCursor: { type: ['string', 'null'] },
                },
              }),
              400: problem('Invalid filter'),
            },
          },
          false,
        ),
        options: {
          summary:
            "CORS preflight of the intake: answered for any origin, so that a refusal of the post (401, 403) reaches the page; with `key`, only that project's origins",
          parameters: [
            {
              name: 'key',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              description: 'Project key, to check the origin against that project alone',
            },
          ],
          responses: {
            204: { description: 'The post may be sent (the post itself checks the origin)' },
            403: problem("With `key`: not one of that project's origins"),
          },
        },
        post: {
          summary: 'Create a ticket (public intake of the widget and the SDK)',
          parameters: [
            {
              name: HEADERS.projectKey,
              in: 'header',
              required: true,
              schema: { type: 'string', examples: ['pk_live_…'] },
            },
            {
              name: HEADERS.idempotencyKey,
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: config.limits.idempotencyKeyChars },
              description: `A retry of the same request with the same key returns the same ticket (200) and creates nothing; the key is bound to the request it first came with (another payload: 422) for ${config.idempotencyKeyHours} hours`,
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: payloadSchema(config.limits) },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['payload'],
                  properties: {
                    payload: {
                      type: 'string',
                      description: 'The ticket as JSON (as the application/json form)',
                    },
                    screenshot: {
                      type: 'string',
                      format: 'binary',
                      description: 'PNG, JPEG or WebP',
                    },
                  },
                },
              },
            },
          },
          responses: {
            201: { description: 'Created', ...created },
            200: {
              description: 'An earlier attempt with this Idempotency-Key created it',
              ...created,
            },
            400: problem('Invalid fields; `errors` lists them'),
            401: problem('Missing or unknown project key'),
            403: problem('Origin not allowed for this project'),
            408: problem(`The body did not arrive within ${config.bodyTimeoutMs} ms`),
            413: problem(
              `Body over ${config.limits.bodyBytes} bytes, screenshot over ${config.limits.screenshotBytes} bytes or ${config.limits.screenshotTotalPixels} pixels, or JSON of more than ${config.limits.jsonNodes} values and keys`,
            ),
            415: problem(
              'Not JSON or multipart, or a screenshot that is not really PNG, JPEG or WebP',
            ),
            422: problem('The Idempotency-Key was used for a different request'),
            429: problem('Rate limited; see Retry-After'),
          },
        },
      },
      [ROUTES.login]: {
        post: {
          summary: 'Log in to the inbox; sets an HttpOnly, SameSite=Strict session cookie',
          requestBody: jsonBody({ email: { type: 'string' }, password: { type: 'string' } }, [
            'email',
            'password',
          ]),
          responses: {
            200: json({ type: 'object', properties: { agent: { type: 'object' } } }),
            400: problem('Missing fields'),
            401: problem('Wrong e-mail or password'),
            403: problem('The agent is disabled'),
            413: problem('Body over 256 KB'),
            415: problem('Not application/json'),
            429: problem('Too many failed logins'),
          },
        },
      },
      [ROUTES.logout]: {
        post: {
          summary: 'End the inbox session',
          responses: { 204: { description: 'Logged out' } },
        },
      },
      [ROUTES.agents]: {
        get: agentOp(
          'The agents who may be assigned (id, name, e-mail, role): those sharing a project with the caller, and the admins; an admin sees all',
          {
            responses: {
              200: json({
                type: 'object',
                properties: { items: { type: 'array', items: { type: 'object' } } },
              }),
            },
          },
          false,
        ),
      },
      [ROUTES.audit]: {
        get: agentOp(
          'The audit trail, newest first (admins only): sign-ins, failed ones and sign-outs with the address, changes of agents, tokens and projects',
          {
            parameters: [
              { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
              { name: 'cursor', in: 'query', schema: { type: 'string' } },
            ],
            responses: {
              200: json({
                type: 'object',
                properties: {
                  items: { type: 'array', items: { type: 'object' } },
                  nextCursor: { type: ['string', 'null'] },
                },
              }),
              400: problem('A bad limit or cursor'),
              403: problem('Not an admin'),
            },
          },
          false,
        ),
      },
      ...adminPaths(),
      [ROUTES.views]: {
        get: agentOp(
          "The queue's views — the standard ones (new, mine, unassigned, waiting_on_reporter, awaiting_confirmation, urgent, closed), the caller's saved views and the shared ones — each with its `query` and how many of the caller's tickets it holds",
          {
            responses: { 200: json({ type: 'object', properties: { items: { type: 'array' } } }) },
          },
          false,
        ),
        post: agentOp(
          'Save a view: `{ name, query, shared? }` (`query` as of GET /api/v1/tickets)',
          {
            requestBody: jsonBody(
              { name: { type: 'string' }, query: { type: 'string' }, shared: { type: 'boolean' } },
              ['name', 'query'],
            ),
            responses: { 201: json({ type: 'object' }) },
          },
        ),
      },
      [`${ROUTES.views}/{viewId}`]: {
        patch: agentOp('Change a saved view (its author, or an admin for a shared one)', {
          parameters: [pathParam('viewId', 'The view')],
          requestBody: jsonBody({
            name: { type: 'string' },
            query: { type: 'string' },
            shared: { type: 'boolean' },
          }),
          responses: { 200: json({ type: 'object' }) },
        }),
        delete: agentOp('Delete a saved view (its author, or an admin for a shared one)', {
          parameters: [pathParam('viewId', 'The view')],
          responses: { 204: { description: 'Deleted' } },
        }),
      },
      [ROUTES.macros]: {
        get: agentOp(
          "Saved replies the caller may use: those of its projects and those for every project (`project: null`), by name; a ticket takes those of its project and every project's",
          { responses: { 200: listOf('Macro') } },
          false,
        ),
        post: agentOp(
          "Save a reply for a project the caller works in (its team's), or — admins only — for every project (`project` null or absent). Its body may name `{{reporter.name}}`, `{{reference}}`, `{{subject}}`, `{{app.version}}`, `{{app.build}}` and `{{agent.name}}`; any other variable is refused, by name",
          {
            requestBody: jsonBody(macroFields, ['name', 'body']),
            responses: { 201: json(ref('Macro')) },
          },
        ),
      },
      [`${ROUTES.macros}/{macroId}`]: {
        patch: agentOp(
          'Change a saved reply (an agent of its project; an admin for one of every project); `null` clears the status or the priority',
          {
            parameters: [pathParam('macroId', 'The macro')],
            requestBody: jsonBody(macroFields),
            responses: { 200: json(ref('Macro')) },
          },
        ),
        delete: agentOp('Delete a saved reply', {
          parameters: [pathParam('macroId', 'The macro')],
          responses: { 204: { description: 'Deleted' } },
        }),
      },
      [`${ROUTES.tickets}/{ref}/macros/{macroId}`]: {
        get: agentOp(
          "A saved reply filled in with the ticket's values and the caller's name: what to show in the composer before sending it with `POST …/replies { body, status, priority }`",
          {
            parameters: [refParam, pathParam('macroId', 'The macro')],
            responses: {
              200: json({
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  name: { type: 'string' },
                  body: { type: 'string' },
                  status: { enum: [...REPLY_STATUSES, null] },
                  priority: { enum: [...PRIORITIES, null] },
                },
              }),
              404: problem('No such ticket, or no such macro for its project'),
            },
          },
          false,
        ),
      },
      [`${ROUTES.tickets}/{ref}/attachments/{fileId}`]: {
        get: agentOp(
          "A file of a timeline entry (its `attachments[].id`): an image of an e-mailed reply, a file of an agent's reply. An image inline with its real content type; anything else application/octet-stream with `Content-Disposition: attachment`; both with `nosniff` and a sandbox",
          {
            parameters: [refParam, pathParam('fileId', 'The attachment')],
            responses: {
              200: { description: 'image/png, image/jpeg, image/webp or application/octet-stream' },
            },
          },
          false,
        ),
      },
      [`${ROUTES.tickets}/bulk`]: {
        post: agentOp(
          'One change to many tickets (at most 200): `{ references, priority?, category?, assigneeId?, status?, closeReason?, reason? }` as PATCH, or `{ references, parent }` / `{ references, duplicateOf, comment }` as link. Each ticket obeys the lifecycle on its own; the answer says which were changed and which refused, and why',
          {
            requestBody: jsonBody({ references: { type: 'array', items: { type: 'string' } } }, [
              'references',
            ]),
            responses: {
              200: json({
                type: 'object',
                properties: {
                  done: { type: 'integer' },
                  refused: { type: 'integer' },
                  results: {
                    type: 'array',
                    items: {
                      oneOf: [
                        {
                          type: 'object',
                          description: 'Changed',
                          properties: {
                            reference: { type: 'string' },
                            ok: { const: true },
                            status: { enum: [...STATUSES] },
                            version: { type: 'integer' },
                          },
                          required: ['reference', 'ok', 'status', 'version'],
                        },
                        {
                          type: 'object',
                          description:
                            "Refused: the problem's code and words, and the status the ticket was refused in (`null`: no ticket of the caller's has that reference)",
                          properties: {
                            reference: { type: 'string' },
                            ok: { const: false },
                            code: { type: 'string' },
                            detail: { type: 'string' },
                            status: { enum: [...STATUSES, null] },
                          },
                          required: ['reference', 'ok', 'code', 'detail', 'status'],
                        },
                      ],
                    },
                  },
                },
              }),
            },
          },
        ),
      },
      [`${ROUTES.tickets}/{ref}/emails/{id}/resend`]: {
        post: agentOp(
          "Send one of the ticket's e-mails (`emails[].id` of the ticket) again, with its own Message-ID",
          {
            parameters: [refParam, pathParam('id', "The e-mail, from the ticket's `emails`")],
            responses: { 201: json({ type: 'object', description: 'The new e-mail, pending' }) },
          },
        ),
      },
      [ROUTES.me]: {
        patch: agentOp('Change which e-mails the caller gets', {
          requestBody: jsonBody({
            notifications: {
              type: 'object',
              properties: {
                newTickets: { enum: [...NEW_TICKET_NOTICES] },
                activity: { type: 'boolean' },
              },
            },
          }),
          responses: { 200: json({ type: 'object', description: 'As GET' }) },
        }),
        get: agentOp(
          'The agent behind the session or token',
          {
            responses: {
              200: json({
                type: 'object',
                properties: {
                  id: {},
                  email: {},
                  name: {},
                  role: { enum: ['admin', 'agent'] },
                  via: { enum: ['session', 'token'] },
                  notifications: {
                    type: 'object',
                    properties: { newTickets: { enum: [...NEW_TICKET_NOTICES] }, activity: {} },
                  },
                  mail: { type: 'boolean', description: 'Whether this server sends e-mail' },
                  projects: {
                    type: 'array',
                    description: 'The projects the agent works in (an admin: all of them)',
                    items: {
                      type: 'object',
                      properties: { id: {}, name: {}, prefix: {} },
                    },
                  },
                },
              }),
            },
          },
          false,
        ),
      },
      [`${ROUTES.tickets}/{ref}`]: {
        get: agentOp(
          'The whole ticket. Its ETag is `"<version>.<digest>"`: the version (what If-Match compares) and a digest of this answer, so it changes with anything the answer shows — also what no change bumps, as a first response that became overdue or an e-mail delivered',
          {
            parameters: [refParam],
            responses: {
              200: json(ref('Ticket')),
              304: {
                description: 'Not modified: If-None-Match holds the ETag of this very answer',
              },
              404: problem('No such ticket'),
            },
          },
          false,
        ),
        patch: agentOp('Change priority, category, assignee or status', {
          parameters: [refParam, ifMatch],
          requestBody: jsonBody({
            priority: { enum: PRIORITIES },
            category: { enum: [...CATEGORIES] },
            assigneeId: { type: ['string', 'null'], description: 'An agent id, "me", or null' },
            status: { enum: [...STATUSES] },
            closeReason: { enum: ['duplicate', 'rejected'] },
            reason: {
              type: 'string',
              description: 'The comment of a close, the reason of a reopen',
            },
            duplicateOf: { type: 'string', description: 'With closeReason duplicate' },
          }),
          responses: { 200: json(ref('Ticket')) },
        }),
      },
      [`${ROUTES.tickets}/{ref}/similar`]: {
        get: agentOp(
          "Open tickets of the same project that may be the same problem, to link in one click: their subject or description shares the ticket's rarest words (full-text search), the same app version and OS first (`sameEnvironment`), then the closest; never the ticket itself or one linked to it; at most 10, each an item of the list",
          {
            parameters: [refParam],
            responses: {
              200: json({
                type: 'object',
                properties: {
                  items: {
                    type: 'array',
                    maxItems: 10,
                    items: {
                      allOf: [
                        ref('TicketSummary'),
                        { type: 'object', properties: { sameEnvironment: { type: 'boolean' } } },
                      ],
                    },
                  },
                },
              }),
              404: problem('No such ticket'),
            },
          },
          false,
        ),
      },
      [`${ROUTES.tickets}/{ref}/presence`]: {
        get: agentOp(
          'Who else has the ticket open now, and who is typing a reply: `{ items: [{ agentId, name, typing, since }] }`, the caller left out',
          { parameters: [refParam], responses: { 200: listOf('PresenceViewer') } },
          false,
        ),
        post: agentOp(
          "A heartbeat while the ticket is open (`typing`: a reply is being written); it counts for 30 s. An agent is shown on at most 20 tickets: a heartbeat on one more ends its presence on the one it beat on longest ago (the others hear it leave). Kept in the server's memory, never a change of the ticket; the other agents of its project hear it as `ticket.presence` on GET /api/v1/events. Answers who else is there",
          {
            parameters: [refParam],
            requestBody: jsonBody({ typing: { type: 'boolean', default: false } }),
            responses: {
              200: listOf('PresenceViewer'),
              429: problem(
                '20 agents on the ticket, or too many on tickets in all; see Retry-After',
              ),
            },
          },
        ),
        delete: agentOp('The caller closed the ticket: the others hear it at once', {
          parameters: [refParam],
          responses: { 204: { description: 'Gone' } },
        }),
      },
      [`${ROUTES.tickets}/{ref}/screenshot`]: {
        get: agentOp(
          'The screenshot with its real content type, inline',
          {
            parameters: [refParam],
            responses: {
              200: {
                description: 'PNG, JPEG or WebP',
                content: Object.fromEntries(IMAGE_TYPES.map((type) => [type, {}])),
              },
              404: problem('No such ticket or no screenshot'),
            },
          },
          false,
        ),
      },
      [`${ROUTES.tickets}/{ref}/replies`]: {
        post: agentOp(
          "A public reply; with status it asks a question (waiting_on_reporter) or gives the solution (resolved); with priority (a saved reply's) it sets that too — one change, each part under the lifecycle. As multipart it carries files, named by its timeline entry's `attachments`",
          {
            parameters: [refParam, ifMatch],
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: replySchema },
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    required: ['payload'],
                    properties: {
                      payload: { type: 'string', description: 'The reply as JSON' },
                      files: {
                        type: 'array',
                        maxItems: 10,
                        items: { type: 'string', format: 'binary' },
                        description: `Up to 10 files of at most ${config.limits.screenshotBytes} bytes each (${config.limits.bodyBytes} in all): a real PNG, JPEG or WebP is kept as that image, anything else as application/octet-stream, served only as a download`,
                      },
                    },
                  },
                },
              },
            },
            responses: { 201: json(ref('Ticket')) },
          },
        ),
      },
      [`${ROUTES.tickets}/{ref}/notes`]: {
        post: agentOp('An internal note, never shown to the reporter', {
          parameters: [refParam, ifMatch],
          requestBody: jsonBody({ body: { type: 'string', maxLength: FREE_TEXT_CHARS } }, ['body']),
          responses: { 201: json(ref('Ticket')) },
        }),
      },
      [`${ROUTES.tickets}/{ref}/split`]: {
        post: agentOp(
          'A new ticket (new reference) from this one: same reporter and environment, linked both ways',
          {
            parameters: [refParam, ifMatch],
            requestBody: jsonBody(
              { subject: { type: 'string' }, description: { type: 'string' } },
              ['subject', 'description'],
            ),
            responses: {
              201: json(ref('Ticket'), 'The new ticket, with `statusUrl` for its reporter'),
            },
          },
        ),
      },
      [`${ROUTES.tickets}/{ref}/link`]: {
        post: agentOp(
          'Close as a duplicate of another ticket (with a public comment), or make it a child of a mass incident',
          {
            parameters: [refParam, ifMatch],
            requestBody: jsonBody({
              duplicateOf: { type: 'string' },
              comment: { type: 'string' },
              parent: { type: 'string', description: 'A mass_incident ticket' },
            }),
            responses: { 200: json(ref('Ticket')) },
          },
        ),
      },
      [ROUTES.events]: {
        get: agentOp(
          'Server-Sent Events: ticket.created and ticket.changed (`{ type, id, reference, status, version, at }`), and ticket.presence (`{ type, id, reference, viewers, at }`: who else of the project is on a ticket now, whenever someone comes, starts or stops typing, leaves or goes quiet; never about the caller). `ended` (`{ reason }`) before the stream closes: `credential` when the session or token ended; `behind` when the reader let 10,000 events wait, which are dropped — connect again and reload. A reader that takes nothing for 30 s is disconnected',
          {
            responses: {
              200: { description: 'text/event-stream', content: { 'text/event-stream': {} } },
            },
          },
          false,
        ),
      },
      [ROUTES.statusRequests]: {
        post: {
          summary:
            "Several of a reporter's requests at once, with unread counts: by their status tokens, and a signed-in user's from any device",
          parameters: [keyHeader],
          requestBody: jsonBody({
            tokens: {
              type: 'array',
              maxItems: REPORTER_REQUESTS_MAX,
              items: { type: 'string' },
              description:
                'Status tokens (of the status links); those of other projects are left out, unsaid',
            },
            user: {
              type: 'object',
              required: ['id', 'signature'],
              properties: {
                id: { type: 'string' },
                signature: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' },
              },
              description: `The host's user and its signature (hex HMAC-SHA256 of the id with the project's identity secret): their ${REPORTER_REQUESTS_MAX} most recently changed requests join the list, each with a status token for this device`,
            },
            lang: { enum: [...LANGUAGES] },
          }),
          responses: {
            200: json(ref('ReporterRequests')),
            400: problem('Invalid fields, or more tokens than allowed'),
            401: problem('Unknown or missing project key'),
            403: problem(
              'A page the project does not allow (`origin_not_allowed`), or a user whose signature is not valid (`forbidden`): nothing is listed, and nothing tells whether they have requests',
            ),
            429: problem('Too many listings and streams from this address; see Retry-After'),
          },
        },
      },
      [ROUTES.statusEvents]: {
        get: {
          summary:
            'Server-Sent Events of what support writes on these requests: `request` events (the request now, and its new timeline entries), `ended` when none is left. A reader that takes nothing for 30 s is disconnected; reconnecting with `Last-Event-ID` sends what came since',
          parameters: [
            { ...keyHeader, required: false },
            {
              name: 'key',
              in: 'query',
              schema: { type: 'string' },
              description: `The project key, when not in ${HEADERS.projectKey} (an EventSource sends no headers)`,
            },
            {
              name: 'token',
              in: 'query',
              required: true,
              schema: { type: 'array', maxItems: REPORTER_REQUESTS_MAX, items: { type: 'string' } },
              style: 'form',
              explode: true,
              description: 'Status tokens, repeated',
            },
            langQuery,
            {
              name: 'Last-Event-ID',
              in: 'header',
              schema: { type: 'string' },
              description: 'The id of the last event received: what was added since is sent first',
            },
          ],
          responses: {
            200: { description: 'text/event-stream', content: { 'text/event-stream': {} } },
            400: problem('No token, or more than allowed'),
            401: problem('Unknown or missing project key'),
            403: problem('A page the project does not allow'),
            404: problem('None of the tokens opens a request of this project'),
            429: problem(
              'Too many listings and streams, or open streams, from this address; or too many streams open in all',
            ),
          },
        },
      },
      [`${ROUTES.status}/{token}`]: {
        get: {
          summary:
            "The reporter's view of the request; reading it marks what support wrote as seen (unread 0)",
          parameters: [tokenParam],
          responses: {
            200: json(ref('ReporterTicket')),
            403: problem('A page the project does not allow'),
            404: problem('Unknown token'),
          },
        },
      },
      [`${ROUTES.status}/{token}/seen`]: {
        post: {
          summary:
            'The reporter has seen the request: nothing of it is unread any more (changes neither its version nor its updatedAt)',
          parameters: [tokenParam],
          responses: {
            204: { description: 'Marked' },
            403: problem('A page the project does not allow'),
            404: problem('Unknown token'),
          },
        },
      },
      [`${ROUTES.status}/{token}/screenshot`]: {
        get: {
          summary: "The screenshot of the reporter's own request",
          parameters: [tokenParam],
          responses: {
            200: { description: 'PNG, JPEG or WebP' },
            404: problem('Unknown token or no screenshot'),
          },
        },
      },
      [`${ROUTES.status}/{token}/attachments/{fileId}`]: {
        get: {
          summary:
            "A file of a public timeline entry of the reporter's request (an agent's reply's): an image inline, anything else as a download, as the agent API serves them",
          parameters: [tokenParam, pathParam('fileId', "The entry's `attachments[].id`")],
          responses: {
            200: { description: 'image/png, image/jpeg, image/webp or application/octet-stream' },
            404: problem('Unknown token, or no such file of a public entry'),
          },
        },
      },
      [`${ROUTES.status}/{token}/comments`]: {
        post: reporterOp(
          'A reporter comment; a ticket waiting on the reporter goes back to work',
          jsonBody({ body: { type: 'string' } }, ['body']),
        ),
      },
      [`${ROUTES.status}/{token}/confirm`]: {
        post: reporterOp('The solution works: resolved → closed (confirmed)'),
      },
      [`${ROUTES.status}/{token}/reopen`]: {
        post: reporterOp(
          'The solution does not work: resolved → in_progress',
          jsonBody({ reason: { type: 'string' } }, ['reason']),
        ),
      },
      [`${ROUTES.status}/{token}/withdraw`]: {
        post: reporterOp('No longer needed: any open status → closed (withdrawn)', {
          content: {
            'application/json': {
              schema: { type: 'object', properties: { reason: { type: 'string' } } },
            },
          },
        }),
      },
      [`${ROUTES.statusPage}/{token}`]: {
        get: {
          summary:
            "The reporter's status page (HTML, English or Russian by Accept-Language or ?lang=)",
          parameters: [tokenParam],
          responses: {
            200: { description: 'text/html' },
            404: { description: 'Unknown token (HTML)' },
          },
        },
      },
      '/widget.js': {
        get: {
          summary: 'The script-tag widget (a classic script; any site may load it)',
          responses: {
            200: { description: 'text/javascript' },
            404: problem('The widget is not built'),
          },
        },
      },
      '/widget/{file}': {
        get: {
          summary: 'A part the widget loads when it needs it (the screenshot renderer…)',
          parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'text/javascript' }, 404: problem('No such file') },
        },
      },
      [ROUTES.inbox]: {
        get: {
          summary: 'The agent inbox (HTML; log in with an agent e-mail and password)',
          responses: { 200: { description: 'text/html' }, 404: problem('The inbox is not built') },
        },
      },
      [`${ROUTES.inbox}/assets/{file}`]: {
        get: {
          summary: 'The inbox script and styles',
          parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'text/javascript or text/css' },
            404: problem('No such asset'),
          },
        },
      },
      [`${ROUTES.inbox}/{path}`]: {
        get: {
          summary: 'A page of the inbox (a client-side route, e.g. /inbox/tickets/DEMO-4)',
          parameters: [{ name: 'path', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'text/html, text/javascript or text/css' },
            404: problem('No such asset'),
          },
        },
      },
      [`${ROUTES.statusPage}/{token}/comment`]: {
        post: {
          summary: 'Form post of the status page',
          parameters: [tokenParam],
          requestBody: formBody({ body: { type: 'string' } }),
          responses: { 303: { description: 'Back to the page' } },
        },
      },
      [`${ROUTES.statusPage}/{token}/confirm`]: {
        post: {
          summary: 'Form post of the status page',
          parameters: [tokenParam],
          responses: { 303: { description: 'Back to the page' } },
        },
      },
      [`${ROUTES.statusPage}/{token}/reopen`]: {
        post: {
          summary: 'Form post of the status page',
          parameters: [tokenParam],
          requestBody: formBody({ reason: { type: 'string' } }),
          responses: { 303: { description: 'Back to the page' } },
        },
      },
      [`${ROUTES.statusPage}/{token}/follow/{other}`]: {
        post: {
          summary:
            'Open a linked request of the same reporter (the one this duplicates, or a split): a new status link for it',
          parameters: [tokenParam, pathParam('other', 'Its reference, from `related`')],
          responses: {
            303: { description: 'To the status page of the other request' },
            400: { description: 'Not a request this reporter may open from here (HTML)' },
            429: { description: "Past the reporter's write limit (HTML)" },
          },
        },
      },
      [`${ROUTES.statusPage}/{token}/withdraw`]: {
        post: {
          summary: 'Form post of the status page',
          parameters: [tokenParam],
          requestBody: formBody({ reason: { type: 'string' } }),
          responses: { 303: { description: 'Back to the page' } },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token from `snagbox token create`',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'snagbox_session',
          description: 'The inbox session from POST /api/v1/auth/login',
        },
      },
      schemas: {
        Ticket: {
          type: 'object',
          description:
            'The whole ticket as an agent sees it: environment, context, logs, timeline with internal notes, screenshot URL, allowed actions',
          properties: {
            ...ticketTimes,
            parent: { oneOf: [ref('LinkedTicket'), { type: 'null' }] },
            splitFrom: { oneOf: [ref('LinkedTicket'), { type: 'null' }] },
            duplicateOf: { oneOf: [ref('LinkedTicket'), { type: 'null' }] },
            children: {
              type: 'array',
              maxItems: 50,
              description: "A mass incident's first 50 children, oldest first",
              items: {
                allOf: [
                  ref('LinkedTicket'),
                  { type: 'object', properties: { reporterName: nullableString } },
                ],
              },
            },
            duplicates: {
              type: 'array',
              maxItems: 50,
              description: 'The first 50 tickets closed as duplicates of this one',
              items: ref('LinkedTicket'),
            },
            splitInto: {
              type: 'array',
              maxItems: 50,
              description: 'The first 50 tickets split from this one',
              items: ref('LinkedTicket'),
            },
            reporterContext: {
              type: 'object',
              description:
                "The reporter's other requests in the ticket's project: by the same e-mail or verified user id (`null` with neither), and of the same organization (`null` without one)",
              properties: {
                sameReporter: { oneOf: [ref('RequestsOf'), { type: 'null' }] },
                sameOrganization: { oneOf: [ref('RequestsOf'), { type: 'null' }] },
              },
            },
            linkCounts: {
              type: 'object',
              description:
                'How many children, duplicates and splits there are in all; `GET /api/v1/tickets?parent=|duplicateOf=|splitFrom=` lists them',
              properties: {
                children: { type: 'integer' },
                duplicates: { type: 'integer' },
                splitInto: { type: 'integer' },
              },
            },
          },
        },
        RequestsOf: {
          type: 'object',
          properties: {
            count: { type: 'integer' },
            recent: {
              type: 'array',
              maxItems: 5,
              description: 'The newest five',
              items: {
                allOf: [
                  ref('LinkedTicket'),
                  {
                    type: 'object',
                    properties: { createdAt: { type: 'string', format: 'date-time' } },
                  },
                ],
              },
            },
          },
        },
        Macro: {
          type: 'object',
          description: 'A saved reply',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            body: { type: 'string' },
            status: { enum: [...REPLY_STATUSES, null] },
            priority: { enum: [...PRIORITIES, null] },
            project: {
              type: ['object', 'null'],
              properties: { id: {}, prefix: {}, name: {} },
            },
            createdBy: { type: ['object', 'null'], properties: { id: {}, name: {} } },
            createdAt: { type: 'string', format: 'date-time' },
            updatedAt: { type: 'string', format: 'date-time' },
            editable: { type: 'boolean' },
          },
        },
        PresenceViewer: {
          type: 'object',
          properties: {
            agentId: { type: 'string' },
            name: { type: 'string' },
            typing: { type: 'boolean' },
            since: { type: 'string', format: 'date-time' },
          },
        },
        LinkedTicket: {
          type: 'object',
          description: 'Another ticket a ticket is linked with',
          properties: {
            id: { type: 'string' },
            reference: { type: 'string' },
            status: { enum: [...STATUSES] },
            subject: { type: 'string' },
          },
        },
        TicketSummary: {
          type: 'object',
          description: 'A ticket in a listing',
          properties: { ...ticketTimes },
        },
        AdminAgent: {
          type: 'object',
          description: 'An agent as admins see it',
          properties: {
            id: {},
            email: {},
            name: {},
            role: { enum: ['admin', 'agent'] },
            projects: { type: 'array', items: { type: 'string' } },
            state: { enum: ['active', 'invited', 'disabled'] },
            disabledAt: nullableString,
            createdAt: {},
            inviteExpiresAt: nullableString,
          },
        },
        AdminToken: {
          type: 'object',
          description: 'An API token, never its secret',
          properties: {
            id: {},
            name: {},
            scope: { enum: [...TOKEN_SCOPES] },
            state: { enum: ['active', 'expired', 'revoked'] },
            createdAt: {},
            expiresAt: nullableString,
            lastUsedAt: nullableString,
            revokedAt: nullableString,
          },
        },
        AdminProject: {
          type: 'object',
          description:
            "A project's settings and its public key; `identitySecret` only in the answer of the change that made it",
          properties: {
            id: {},
            key: {},
            prefix: {},
            ...projectFields,
            hasIdentitySecret: { type: 'boolean' },
            identitySecret: { type: 'string', description: 'sbis_…, shown this once' },
          },
        },
        ReporterTicket: {
          type: 'object',
          description: 'What the reporter sees: status, dates, the public timeline',
        },
        ReporterRequests: {
          type: 'object',
          description: "The reporter's requests, most recently changed first",
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  reference: { type: 'string' },
                  subject: { type: 'string' },
                  status: { enum: [...STATUSES] },
                  closeReason: nullableString,
                  statusText: {
                    type: 'string',
                    description: 'The status in the words of the status page',
                  },
                  createdAt: { type: 'string', format: 'date-time' },
                  updatedAt: { type: 'string', format: 'date-time' },
                  lastChange: {
                    type: 'object',
                    properties: {
                      type: { type: 'string' },
                      text: { type: 'string' },
                      by: { enum: ['reporter', 'support', 'system'] },
                      name: nullableString,
                      excerpt: nullableString,
                      at: { type: 'string', format: 'date-time' },
                    },
                  },
                  unread: {
                    type: 'integer',
                    description: 'What support wrote since the reporter last opened the request',
                  },
                  token: {
                    type: 'string',
                    description:
                      'The status token: the one sent, or a new one for a verified user on this device',
                  },
                  statusUrl: { type: 'string', format: 'uri' },
                },
              },
            },
            lang: { enum: [...LANGUAGES] },
            identity: { enum: ['verified', null] },
          },
        },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem document',
          required: ['type', 'title', 'status', 'detail', 'code'],
          properties: {
            type: { type: 'string', format: 'uri' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  }
}
