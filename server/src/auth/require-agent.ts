import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { sessionAgent } from './sessions.js'
import type { TokenScope } from '@snagbox/sdk/contract'
import { tokenAgent } from './tokens.js'
import type { Agent } from './agent-rows.js'
import { projectScopeOf, type ProjectScope } from './agent-projects.js'

export const SESSION_COOKIE = 'snagbox_session'

/**
 * Who is calling an agent route: a person through the inbox, or a bot with an API token, and
 * the projects it works in (read once per request).
 */
export type AgentActor = Agent & { projects: ProjectScope } & (
    { via: 'session'; sessionHash: string } | { via: 'token'; tokenId: string; scope: TokenScope }
  )

export type AgentEnv = { Variables: { agent: AgentActor } }

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Lets agents in — `Authorization: Bearer <api token>` or the inbox's session cookie — and
 * answers 401 to everyone else. A cookie write must come from the server's own pages: a
 * cross-site form or script can make the browser send the cookie, but not a same-origin `Origin`.
 */
export function requireAgent(deps: AppDeps): MiddlewareHandler<AgentEnv> {
  return async (c, next) => {
    const now = deps.now()
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    if (bearer) {
      const agent = tokenAgent(deps.db, bearer, now)
      if (!agent)
        throw new ApiError(401, 'unauthorized', 'The API token is not valid', undefined, {
          'WWW-Authenticate': 'Bearer error="invalid_token"',
        })
      const { tokenId, scope, ...rest } = agent
      if (scope === 'read' && !SAFE.has(c.req.method))
        throw new ApiError(
          403,
          'forbidden',
          'This API token may only read (its scope is read)',
          undefined,
          { 'WWW-Authenticate': 'Bearer error="insufficient_scope", scope="read_write"' },
        )
      c.set('agent', {
        ...rest,
        projects: projectScopeOf(deps.db, rest),
        via: 'token',
        tokenId,
        scope,
      })
      return next()
    }
    const session = getCookie(c, SESSION_COOKIE)
    const agent = session
      ? sessionAgent(deps.db, session, now, deps.config.sessionMaxHours)
      : undefined
    if (!agent)
      throw new ApiError(
        401,
        'unauthorized',
        'Log in, or send an API token as Authorization: Bearer <token>',
        undefined,
        { 'WWW-Authenticate': 'Bearer' },
      )
    if (!SAFE.has(c.req.method) && !isSameOrigin(c, deps.config.publicUrl)) {
      throw new ApiError(403, 'forbidden', 'Cross-site requests may not act with the inbox session')
    }
    c.set('agent', { ...agent, projects: projectScopeOf(deps.db, agent), via: 'session' })
    return next()
  }
}

/**
 * After `requireAgent`: only an admin — the one role that manages projects, agents and tokens —
 * gets past; any other agent gets 403. Without `requireAgent` before it, nobody does.
 *
 * @example app.post('/admin/agents', requireAgent(deps), requireAdmin(), (c) => …)
 */
export function requireAdmin(): MiddlewareHandler<AgentEnv> {
  return async (c, next) => {
    if (c.get('agent')?.role !== 'admin')
      throw new ApiError(403, 'forbidden', 'Only an admin may do this')
    return next()
  }
}

/** The request came from one of our own pages: its `Origin` is ours, or the browser says same-origin. */
export function isSameOrigin(c: Context, publicUrl: string): boolean {
  const site = c.req.header('sec-fetch-site')
  if (site) return site === 'same-origin'
  const origin = c.req.header('origin')
  if (!origin) return false
  return origin === new URL(publicUrl).origin || origin === new URL(c.req.url).origin
}
