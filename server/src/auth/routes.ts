import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { isEmailAddress } from '@snagbox/sdk/contract'
import type { AppDeps } from '../deps.js'
import { ApiError, invalid } from '../errors.js'
import { Fields, readJsonObject } from '../http/request-body.js'
import { listAudit, recordAudit } from '../audit/store.js'
import {
  isSameOrigin,
  requireAdmin,
  requireAgent,
  SESSION_COOKIE,
  type AgentActor,
  type AgentEnv,
} from './require-agent.js'
import { adminAgents, listAgents, updateAgent } from './agents.js'
import { notificationsOf } from './agent-fields.js'
import { acceptInvite, inviteFor } from './invites.js'
import { projectsIn } from './agent-projects.js'
import { LoginLimits } from './login-limits.js'
import { MAX_PASSWORD_CHARS, PasswordChecksBusy } from './secrets.js'
import { createSession, endSession, verifyLogin } from './sessions.js'

const INVITE_GONE = new ApiError(
  404,
  'not_found',
  'This link is not valid any more (used, expired or replaced by a newer one); ask an admin for a new one',
)

/**
 * `/api/v1/auth/login`, `/api/v1/auth/logout`, `/api/v1/auth/invite/…`, `/api/v1/me`,
 * `/api/v1/agents` and `/api/v1/audit`.
 */
export function authRoutes(deps: AppDeps) {
  const { db, config } = deps
  // Slows password guessing per account and per address, sparing agents at their known places.
  const limits = new LoginLimits(db, config.rateLimit, () => deps.now().getTime())
  const app = new Hono<AgentEnv>()
  const secure = config.publicUrl.startsWith('https://')

  /** Starts an inbox session for the agent and sets its cookie. */
  const signIn = (c: Context, agentId: string) => {
    const session = createSession(db, agentId, deps.now(), config.sessionMaxHours)
    setCookie(c, SESSION_COOKIE, session, {
      httpOnly: true,
      sameSite: 'Strict',
      secure,
      path: '/',
      // The server ends the session after 12 h unused or at the absolute lifetime; the cookie
      // lives as long as the longest a session can, since it is set only at sign-in.
      maxAge: config.sessionMaxHours * 3600,
    })
  }

  app.post('/auth/login', async (c) => {
    if (c.req.header('origin') && !isSameOrigin(c, config.publicUrl)) {
      throw new ApiError(403, 'forbidden', 'Log in from the inbox of this server')
    }
    const { email, password } = await readJsonObject(c, deps.config.limits)
    const errors = [
      ...(typeof email === 'string' && email.length <= 320
        ? []
        : [{ path: 'email', message: 'is required' }]),
      ...(typeof password === 'string' && password.length <= MAX_PASSWORD_CHARS
        ? []
        : [{ path: 'password', message: 'is required' }]),
    ]
    if (errors.length || typeof email !== 'string' || typeof password !== 'string')
      throw invalid(errors)
    const address = deps.clientIp(c)
    const who = email.trim().toLowerCase()
    // Every attempt counts before the password is checked, and one that works is taken back:
    // past the limit even the right password must not get in (else 429 would just mean
    // "wrong"), and guesses sent all at once must not all be checked.
    const attempt = limits.attempt(who, address)
    if ('wait' in attempt)
      throw new ApiError(
        429,
        'rate_limited',
        `Too many failed logins; try again in ${attempt.wait} s`,
        undefined,
        { 'Retry-After': String(attempt.wait) },
      )
    // A check refused for a full queue was no guess: it does not count against anyone.
    const result = await verifyLogin(db, who, password).catch((err: unknown) => {
      if (err instanceof PasswordChecksBusy) attempt.withdrawn()
      throw err
    })
    if ('refused' in result) {
      const reason = result.refused
      // What was typed as the e-mail is kept only if it is one: a password typed into the wrong
      // field must not land in a log or in the trail, which nobody can erase.
      const named = isEmailAddress(who) ? who : null
      recordAudit(db, {
        action: 'auth.login_failed',
        actor: { kind: 'anonymous' },
        target: named,
        address,
        data: { reason },
        at: deps.now(),
      })
      // One line for the log watcher (fail2ban and the like); the e-mail quoted, as sent.
      const whom = named ? JSON.stringify(named) : 'something that is not an e-mail address'
      console.error(`snagbox: failed login for ${whom} from ${address} (${reason})`)
      // Only someone who knows the password learns that the agent is disabled.
      if (reason === 'disabled')
        throw new ApiError(403, 'forbidden', 'This agent is disabled; ask an admin')
      throw new ApiError(401, 'unauthorized', 'Wrong e-mail or password')
    }
    const { agent } = result
    attempt.succeeded()
    signIn(c, agent.id)
    recordAudit(db, {
      action: 'auth.login',
      actor: { kind: 'agent', id: agent.id },
      target: who,
      address,
      at: deps.now(),
    })
    return c.json({ agent })
  })

  // A one-time link to set a password. Its token travels in the body, never in an address that
  // a proxy's access log would keep. Whom it is for (404 once used, expired or unknown) …
  app.post('/auth/invite/lookup', async (c) => {
    const f = new Fields(await readJsonObject(c, deps.config.limits)).only(['token'])
    const token = f.text('token', { required: true, max: 200 })!
    f.done()
    const invite = inviteFor(db, token, deps.now())
    if (!invite) throw INVITE_GONE
    c.header('Cache-Control', 'no-store')
    return c.json(invite)
  })

  // … and setting the password, which signs the agent in.
  app.post('/auth/invite/accept', async (c) => {
    if (!isSameOrigin(c, config.publicUrl))
      throw new ApiError(403, 'forbidden', 'Set the password from the inbox of this server')
    const f = new Fields(await readJsonObject(c, deps.config.limits)).only(['token', 'password'])
    const token = f.text('token', { required: true, max: 200 })!
    const password = f.text('password', { required: true, max: MAX_PASSWORD_CHARS, trim: false })!
    f.done()
    const agent = await acceptInvite(db, token, password, {
      address: deps.clientIp(c),
      at: deps.now(),
    })
    if (!agent) throw INVITE_GONE
    signIn(c, agent.id)
    return c.json({ agent })
  })

  app.post('/auth/logout', (c) => {
    if (c.req.header('origin') && !isSameOrigin(c, config.publicUrl)) {
      throw new ApiError(403, 'forbidden', 'Log out from the inbox of this server')
    }
    const session = getCookie(c, SESSION_COOKIE)
    const ended = session ? endSession(db, session) : undefined
    if (ended) {
      recordAudit(db, {
        action: 'auth.logout',
        actor: { kind: 'agent', id: ended.agentId },
        target: ended.agentId,
        address: deps.clientIp(c),
        at: deps.now(),
      })
      // Its open streams end now, not at their next check.
      deps.credentials.end({ kind: 'session', hash: ended.hash })
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure })
    return c.body(null, 204)
  })

  // The audit trail, newest first, for admins: sign-ins, failed ones, changes of agents,
  // tokens and projects.
  app.get('/audit', requireAgent(deps), requireAdmin(), (c) => {
    const { limit = '100', cursor } = c.req.query()
    const errors = [
      ...(/^\d{1,3}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 500
        ? []
        : [{ path: 'limit', message: 'must be a whole number from 1 to 500' }]),
      ...(cursor === undefined || /^\d{1,15}$/.test(cursor)
        ? []
        : [{ path: 'cursor', message: 'must be the nextCursor of a previous page' }]),
    ]
    if (errors.length) throw invalid(errors)
    const items = listAudit(db, {
      limit: Number(limit),
      ...(cursor !== undefined ? { before: Number(cursor) } : {}),
    })
    const last = items.at(-1)
    return c.json({
      items,
      nextCursor: items.length === Number(limit) && last ? String(last.id) : null,
    })
  })

  // Only the agents the caller works with: never the e-mail of an agent of other projects only.
  app.get('/agents', requireAgent(deps), (c) => c.json({ items: listAgents(db, c.get('agent')) }))

  // An agent's own settings: which e-mails it gets.
  app.patch('/me', requireAgent(deps), async (c) => {
    const f = new Fields(await readJsonObject(c, deps.config.limits)).only(['notifications'])
    const notifications = notificationsOf(f)
    f.done()
    const agent = c.get('agent')
    const actor =
      agent.via === 'token'
        ? ({ kind: 'token', id: agent.tokenId } as const)
        : ({ kind: 'agent', id: agent.id } as const)
    updateAgent(db, agent.email, notifications ? { notifications } : {}, {
      actor,
      address: deps.clientIp(c),
      at: deps.now(),
    })
    return c.json(meOf(c.get('agent')))
  })

  const meOf = (agent: AgentActor) => {
    const { id, email, name, role, via, projects } = agent
    const [own] = adminAgents(db, deps.now(), { id })
    // `mail`: whether this server sends e-mail at all (the inbox says so once when it does not).
    return {
      id,
      email,
      name,
      role,
      via,
      projects: projectsIn(db, projects),
      notifications: own!.notifications,
      mail: !!config.mail.smtpUrl,
    }
  }

  app.get('/me', requireAgent(deps), (c) => c.json(meOf(c.get('agent'))))

  return app
}
