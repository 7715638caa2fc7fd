/** Paths and headers of the wire protocol. */
export const API_PREFIX = '/api/v1'

export const ROUTES = {
  tickets: `${API_PREFIX}/tickets`,
  status: `${API_PREFIX}/status`,
  /** `POST { tokens?, user? }`: several of a reporter's requests at once, with unread counts. */
  statusRequests: `${API_PREFIX}/status/requests`,
  /** `GET ?token=…&token=…`: Server-Sent Events of what support writes on those requests. */
  statusEvents: `${API_PREFIX}/status/events`,
  events: `${API_PREFIX}/events`,
  agents: `${API_PREFIX}/agents`,
  /** Saved replies with variables, per project or for every project. */
  macros: `${API_PREFIX}/macros`,
  /** The queue's views with their counts; saved views. */
  views: `${API_PREFIX}/views`,
  me: `${API_PREFIX}/me`,
  login: `${API_PREFIX}/auth/login`,
  logout: `${API_PREFIX}/auth/logout`,
  /** `POST …/lookup { token }`: whom a one-time link is for; `POST …/accept { token, password }`. */
  invite: `${API_PREFIX}/auth/invite`,
  audit: `${API_PREFIX}/audit`,
  /** Admins only: `/agents`, `/agents/:id/tokens`, `/tokens/:id/revoke`, `/projects`. */
  admin: `${API_PREFIX}/admin`,
  healthz: '/healthz',
  openapi: '/api/openapi.json',
  statusPage: '/status',
  inbox: '/inbox',
  /** The inbox page a one-time link opens; the token follows in the fragment, never sent to a server. */
  inboxInvite: '/inbox/invite',
} as const

/**
 * Addresses of one ticket, relative to the server (prefix the public URL for a full link).
 *
 * @example
 * `${publicUrl}${ticketPaths.statusPage(token)}` // https://support.example.com/status/<token>
 */
export const ticketPaths = {
  /** The reporter's page for people. */
  statusPage: (token: string) => `${ROUTES.statusPage}/${token}`,
  /** The reporter's API, and what follows it (`/comments`, `/seen`, …). */
  status: (token: string, rest = '') => `${ROUTES.status}/${token}${rest}`,
  /** The agent API's ticket, and what follows it (`/replies`, `/screenshot`, …). */
  ticket: (ref: string, rest = '') => `${ROUTES.tickets}/${encodeURIComponent(ref)}${rest}`,
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
