import {
  ROUTES,
  ticketPaths,
  type AgentInfo,
  type AgentTicket,
  type FieldError,
  type TicketPage,
} from '@snagbox/sdk/contract'

/** A refused or failed call: the server's problem document, or `network_error` when none came. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail)
    this.name = 'ApiProblem'
  }
}

export interface ApiOptions {
  /** Where the server is; the inbox's own origin when empty. */
  base?: string
  fetch?: typeof fetch
  /** Called when a call other than login answers 401: the session is gone. */
  onUnauthorized?: () => void
}

export interface Versioned<T> {
  data: T
  etag: string | null
}

type Json = Record<string, unknown>

/**
 * The agent API as the inbox uses it, with the session cookie. Every failure is an `ApiProblem`.
 *
 * @example
 * const api = createApi({ onUnauthorized: () => showLogin() })
 * const { data, etag } = await api.ticket('DEMO-4')
 */
export function createApi(options: ApiOptions = {}) {
  const base = options.base ?? ''
  const fetcher = options.fetch ?? ((input, init) => fetch(input, init))

  async function call(
    method: string,
    path: string,
    body?: Json,
    etag?: string | null,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (body) headers['Content-Type'] = 'application/json'
    if (etag) headers['If-Match'] = etag
    let res: Response
    try {
      res = await fetcher(base + path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body ? { body: JSON.stringify(body) } : {}),
      })
    } catch {
      throw new ApiProblem(0, 'network_error', 'The server cannot be reached')
    }
    if (res.ok) return res
    if (res.status === 401 && path !== ROUTES.login) options.onUnauthorized?.()
    throw await problemOf(res)
  }
  const json = async <T>(
    method: string,
    path: string,
    body?: Json,
    etag?: string | null,
  ): Promise<Versioned<T>> => {
    const res = await call(method, path, body, etag)
    const data = res.status === 204 ? (undefined as T) : ((await res.json()) as T)
    return { data, etag: res.headers.get('ETag') }
  }

  return {
    me: async () => (await json<AgentInfo>('GET', ROUTES.me)).data,
    login: async (email: string, password: string) =>
      (await json<{ agent: AgentInfo }>('POST', ROUTES.login, { email, password })).data.agent,
    logout: async () => void (await call('POST', ROUTES.logout)),
    agents: async () => (await json<{ items: AgentInfo[] }>('GET', ROUTES.agents)).data.items,
    list: async (query: URLSearchParams) =>
      (await json<TicketPage>('GET', `${ROUTES.tickets}?${query}`)).data,
    ticket: (ref: string) => json<AgentTicket>('GET', ticketPaths.ticket(ref)),
    patch: (ref: string, body: Json, etag: string | null) =>
      json<AgentTicket>('PATCH', ticketPaths.ticket(ref), body, etag),
    reply: (ref: string, body: Json, etag: string | null) =>
      json<AgentTicket>('POST', ticketPaths.ticket(ref, '/replies'), body, etag),
    note: (ref: string, body: string) =>
      json<AgentTicket>('POST', ticketPaths.ticket(ref, '/notes'), { body }),
    split: (ref: string, body: { subject: string; description: string }) =>
      json<AgentTicket>('POST', ticketPaths.ticket(ref, '/split'), body),
    link: (ref: string, body: Json, etag: string | null) =>
      json<AgentTicket>('POST', ticketPaths.ticket(ref, '/link'), body, etag),
  }
}

export type Api = ReturnType<typeof createApi>

async function problemOf(res: Response): Promise<ApiProblem> {
  let body: Json = {}
  try {
    body = (await res.json()) as Json
  } catch {
    // Not a problem document (a proxy's error page): the status line is all there is.
  }
  const code = typeof body.code === 'string' ? body.code : `http_${res.status}`
  const detail =
    typeof body.detail === 'string'
      ? body.detail
      : typeof body.title === 'string'
        ? body.title
        : res.statusText || `HTTP ${res.status}`
  const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : []
  return new ApiProblem(res.status, code, detail, errors)
}
