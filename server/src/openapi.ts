import { CATEGORIES, HEADERS, LOG_LEVELS, STATUSES, type Limits } from '@snagbox/sdk/contract'
import type { Config } from './config.js'

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
})

const nullableString = { type: ['string', 'null'] }

function payloadSchema(limits: Limits) {
  return {
    type: 'object',
    required: ['description'],
    properties: {
      category: { type: 'string', enum: [...CATEGORIES], default: 'incident' },
      blocking: { type: 'boolean', default: false, description: 'The problem blocks the reporter\'s work: priority high' },
      subject: { type: 'string', maxLength: limits.subjectChars, description: 'Defaults to the first line of the description' },
      description: { type: 'string', minLength: 1, maxLength: limits.descriptionChars },
      reporter: {
        type: 'object',
        properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, phone: { type: 'string' }, organization: { type: 'string' } },
      },
      app: {
        type: 'object',
        properties: { name: { type: 'string' }, version: { type: 'string', examples: ['4.30.34'] }, build: { type: 'string', examples: ['6255'] }, environment: { type: 'string' } },
      },
      environment: {
        type: 'object',
        description: 'OS, browser, device and screen, normalised by the SDK; raw inputs under `raw`',
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
          browser: { type: 'object', properties: { name: nullableString, version: nullableString, bitness: { enum: [64, 32, null] } } },
          device: { type: 'object', properties: { type: nullableString, vendor: nullableString, model: nullableString } },
          screen: { type: 'object' },
          locale: nullableString,
          timezone: nullableString,
          userAgent: nullableString,
          url: nullableString,
          referrer: nullableString,
          raw: { type: 'object' },
        },
      },
      context: { type: 'object', description: `The host app's own data, at most ${limits.contextBytes} bytes as JSON` },
      logs: {
        type: 'array',
        maxItems: limits.logEntries,
        items: {
          type: 'object',
          required: ['message'],
          properties: { level: { enum: [...LOG_LEVELS] }, message: { type: 'string' }, timestamp: { type: ['string', 'number'] } },
        },
      },
      screenshot: { type: 'string', pattern: '^data:image/(png|jpeg|webp);base64,', description: 'JSON form only' },
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
          },
        },
      },
    },
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Snagbox API', version: '1', description: 'Problem reports that arrive complete.' },
    servers: [{ url: config.publicUrl }],
    paths: {
      '/healthz': {
        get: { summary: 'Health check: 200 when the database answers', responses: { 200: { description: 'OK' }, 503: problem('The database does not answer') } },
      },
      '/api/openapi.json': {
        get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1 document' } } },
      },
      '/api/v1/tickets': {
        options: {
          summary: 'CORS preflight of the intake',
          parameters: [{ name: 'key', in: 'query', required: false, schema: { type: 'string' }, description: 'Project key, to check the origin against that project alone' }],
          responses: { 204: { description: 'Origin allowed' }, 403: problem('Origin not allowed') },
        },
        post: {
          summary: 'Create a ticket (public intake of the widget and the SDK)',
          parameters: [
            { name: HEADERS.projectKey, in: 'header', required: true, schema: { type: 'string', examples: ['pk_live_…'] } },
            { name: HEADERS.idempotencyKey, in: 'header', required: false, schema: { type: 'string', maxLength: config.limits.idempotencyKeyChars }, description: 'A retry with the same key returns the same ticket (200) and creates nothing' },
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
                    payload: { type: 'string', description: 'The ticket as JSON (as the application/json form)' },
                    screenshot: { type: 'string', format: 'binary', description: 'PNG, JPEG or WebP' },
                  },
                },
              },
            },
          },
          responses: {
            201: { description: 'Created', ...created },
            200: { description: 'An earlier attempt with this Idempotency-Key created it', ...created },
            400: problem('Invalid fields; `errors` lists them'),
            401: problem('Missing or unknown project key'),
            403: problem('Origin not allowed for this project'),
            413: problem(`Body over ${config.limits.bodyBytes} bytes or screenshot over ${config.limits.screenshotBytes} bytes`),
            415: problem('Not JSON or multipart, or a screenshot that is not really PNG, JPEG or WebP'),
            429: problem('Rate limited; see Retry-After'),
          },
        },
      },
    },
    components: {
      schemas: {
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
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  }
}
