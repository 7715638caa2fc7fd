import {
  ROUTES,
  ticketPaths,
  type AdminAgent,
  type AdminProject,
  type AdminToken,
  type AgentInfo,
  type AgentInvite,
  type AgentNotifications,
  type AgentTicket,
  type AuditEvent,
  type BulkAnswer,
  type CreatedToken,
  type FieldError,
  type Priority,
  type TicketEmail,
  type TicketPage,
  type TicketView,
  type TokenScope,
} from '@snagbox/sdk/contract'

export type { BulkAnswer }

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

/** Whatever a call threw, as the problem it is: anything but a problem is the network failing. */
export const asProblem = (error: unknown): ApiProblem =>
  error instanceof ApiProblem ? error : new ApiProblem(0, 'network_error', String(error))

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
 * `GET /api/v1/me`: the agent, the projects it works in, which e-mails it gets, and whether this
 * server sends any.
 */
export type Me = AgentInfo & {
  notifications: AgentNotifications
  mail: boolean
  projects: { id: string; name: string; prefix: string }[]
}
/** What changes in an agent's e-mail settings; what is left out stays as it is. */
export type NotificationsBody = Partial<AgentNotifications>

/**
 * `POST /api/v1/tickets/bulk`: one change to many tickets — as a PATCH (`assigneeId`, `priority`,
 * `category`, …) or as a link (`parent`, or `duplicateOf` with a `comment`).
 */
export type BulkBody = {
  references: string[]
  assigneeId?: string | null
  priority?: Priority
  category?: string
  parent?: string
  duplicateOf?: string
  comment?: string
}
/** A saved view: its name, its query of `GET /api/v1/tickets`, and whether everyone sees it. */
export type ViewBody = { name?: string; query?: string; shared?: boolean }

/** What the admin screens send (the answers' types are in the contract's `admin-api.ts`). */
export type NewAgentBody = {
  email: string
  name: string
  role?: AgentInfo['role']
  projects?: string[]
  /** Without one the server makes a one-time link to set it. */
  password?: string
}
export type AgentChangesBody = {
  name?: string
  role?: AgentInfo['role']
  projects?: string[]
  disabled?: boolean
  notifications?: NotificationsBody
}
/** `expiresInDays`: `null` never expires, absent 90 days. */
export type NewTokenBody = { name: string; scope?: TokenScope; expiresInDays?: number | null }
export type ProjectSettingsBody = {
  name?: string
  origins?: string[]
  autoCloseDays?: number
  timeZone?: string
  holidays?: string[]
  massIncidentPriority?: Priority
  /** `null`: the server's sender. */
  mailFrom?: string | null
  /** `null`: no support mailbox. Left out, the stored one (and its password) stays. */
  imapUrl?: string | null
}
export type NewProjectBody = ProjectSettingsBody & { name: string; prefix: string }

const enc = encodeURIComponent

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
  let sentAt = Number.NEGATIVE_INFINITY

  // A body is JSON, or a form of parts (a reply with files) that the browser frames itself.
  async function call(
    method: string,
    path: string,
    body?: Json | FormData,
    etag?: string | null,
  ): Promise<Response> {
    const form = body instanceof FormData
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (body && !form) headers['Content-Type'] = 'application/json'
    if (etag) headers['If-Match'] = etag
    let res: Response
    sentAt = performance.now()
    try {
      res = await fetcher(base + path, {
        method,
        headers,
        credentials: 'same-origin',
        // Always the server's answer now: a ticket's ETag is its version, which its e-mails'
        // delivery doesn't change, so a revalidated cached copy would show them as they were.
        cache: 'no-store',
        ...(body ? { body: form ? body : JSON.stringify(body) } : {}),
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
    body?: Json | FormData,
    etag?: string | null,
  ): Promise<Versioned<T>> => {
    const res = await call(method, path, body, etag)
    const data = res.status === 204 ? (undefined as T) : ((await res.json()) as T)
    return { data, etag: res.headers.get('ETag') }
  }

  return {
    /** Whether a call was made at or after `time` (`performance.now()`). */
    calledSince: (time: number) => sentAt >= time,
    /** Any other call of the agent API (the pages loaded later make theirs with it). */
    request: json,
    me: async () => (await json<Me>('GET', ROUTES.me)).data,
    updateMe: async (notifications: NotificationsBody) =>
      (await json<Me>('PATCH', ROUTES.me, { notifications })).data,
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
    bulk: async (body: BulkBody) =>
      (await json<BulkAnswer>('POST', `${ROUTES.tickets}/bulk`, body)).data,
    views: async () => (await json<{ items: TicketView[] }>('GET', ROUTES.views)).data.items,
    createView: async (body: ViewBody) => (await json<TicketView>('POST', ROUTES.views, body)).data,
    updateView: async (id: string, body: ViewBody) =>
      (await json<TicketView>('PATCH', `${ROUTES.views}/${enc(id)}`, body)).data,
    deleteView: async (id: string) => void (await call('DELETE', `${ROUTES.views}/${enc(id)}`)),
    /** The e-mail once more, as a new one (pending); 409 when the server sends no e-mail. */
    resendEmail: async (ref: string, id: number) =>
      (await json<TicketEmail>('POST', ticketPaths.ticket(ref, `/emails/${id}/resend`))).data,

    // The admin screens: the server answers 403 to an agent who is not an admin.
    adminAgents: async () =>
      (await json<{ items: AdminAgent[] }>('GET', `${ROUTES.admin}/agents`)).data.items,
    createAgent: async (body: NewAgentBody) =>
      (
        await json<{ agent: AdminAgent; invite: AgentInvite | null }>(
          'POST',
          `${ROUTES.admin}/agents`,
          body,
        )
      ).data,
    updateAgent: async (id: string, body: AgentChangesBody) =>
      (await json<{ agent: AdminAgent }>('PATCH', `${ROUTES.admin}/agents/${enc(id)}`, body)).data
        .agent,
    inviteAgent: async (id: string) =>
      (
        await json<{ agent: AdminAgent; invite: AgentInvite }>(
          'POST',
          `${ROUTES.admin}/agents/${enc(id)}/invite`,
        )
      ).data,
    agentTokens: async (agentId: string) =>
      (await json<{ items: AdminToken[] }>('GET', `${ROUTES.admin}/agents/${enc(agentId)}/tokens`))
        .data.items,
    createToken: async (agentId: string, body: NewTokenBody) =>
      (
        await json<CreatedToken & { name: string }>(
          'POST',
          `${ROUTES.admin}/agents/${enc(agentId)}/tokens`,
          body,
        )
      ).data,
    revokeToken: async (id: string) =>
      (await json<AdminToken>('POST', `${ROUTES.admin}/tokens/${enc(id)}/revoke`)).data,
    adminProjects: async () =>
      (await json<{ items: AdminProject[] }>('GET', `${ROUTES.admin}/projects`)).data.items,
    createProject: async (body: NewProjectBody) =>
      (await json<AdminProject>('POST', `${ROUTES.admin}/projects`, body)).data,
    updateProject: async (prefix: string, body: ProjectSettingsBody) =>
      (await json<AdminProject>('PATCH', `${ROUTES.admin}/projects/${enc(prefix)}`, body)).data,
    audit: async (cursor: string | null = null, limit = 50) =>
      (
        await json<{ items: AuditEvent[]; nextCursor: string | null }>(
          'GET',
          `${ROUTES.audit}?${new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) })}`,
        )
      ).data,
    // A one-time link's token, in the body (never in an address a log keeps): whom it is for,
    // and setting the password with it, which signs the person in.
    invite: async (token: string) =>
      (
        await json<{ email: string; name: string; expiresAt: string }>(
          'POST',
          `${ROUTES.invite}/lookup`,
          { token },
        )
      ).data,
    acceptInvite: async (token: string, password: string) =>
      (await json<{ agent: AgentInfo }>('POST', `${ROUTES.invite}/accept`, { token, password }))
        .data.agent,
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
