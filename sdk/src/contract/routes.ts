/** Paths and headers of the wire protocol. */
export const API_PREFIX = '/api/v1'

export const ROUTES = {
  tickets: `${API_PREFIX}/tickets`,
  status: `${API_PREFIX}/status`,
  healthz: '/healthz',
  openapi: '/api/openapi.json',
  statusPage: '/status',
} as const

export const HEADERS = {
  projectKey: 'X-Snagbox-Key',
  idempotencyKey: 'Idempotency-Key',
} as const

/** Multipart part names of `POST /api/v1/tickets`. */
export const MULTIPART = {
  payload: 'payload',
  screenshot: 'screenshot',
} as const

/** Base of the `type` URI of problem documents; the error code is appended. */
export const PROBLEM_TYPE_BASE = 'https://snagbox.dev/problems/'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'
