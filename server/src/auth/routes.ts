import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppDeps } from '../deps.js'
import { ApiError, invalid } from '../errors.js'
import { RateLimiter } from '../http/rate-limiter.js'
import { readJsonObject } from '../http/request-body.js'
import { isSameOrigin, requireAgent, SESSION_COOKIE, type AgentEnv } from './require-agent.js'
import { listAgents } from './agents.js'
import { checkPassword, createSession, endSession, SESSION_TTL_MS } from './sessions.js'

/** `/api/v1/auth/login`, `/api/v1/auth/logout` and `/api/v1/me`. */
export function authRoutes(deps: AppDeps) {
  const { db, config } = deps
  // Slows password guessing: a few failed logins per address per window (--rate-limit-login).
  const failures = new RateLimiter(config.rateLimit.login, () => deps.now().getTime())
  const app = new Hono<AgentEnv>()
  const secure = config.publicUrl.startsWith('https://')

  app.post('/auth/login', async (c) => {
    if (c.req.header('origin') && !isSameOrigin(c, config.publicUrl)) {
      throw new ApiError(403, 'forbidden', 'Log in from the inbox of this server')
    }
    const { email, password } = await readJsonObject(c)
    const errors = [
      ...(typeof email === 'string' && email.length <= 320
        ? []
        : [{ path: 'email', message: 'is required' }]),
      ...(typeof password === 'string' && password.length <= 1024
        ? []
        : [{ path: 'password', message: 'is required' }]),
    ]
    if (errors.length || typeof email !== 'string' || typeof password !== 'string')
      throw invalid(errors)
    const address = deps.clientIp(c)
    // Every attempt counts before the password is checked, and one that works is taken back:
    // past the limit even the right password must not get in (else 429 would just mean
    // "wrong"), and guesses sent all at once must not all be checked.
    const wait = failures.hit(address)
    if (wait)
      throw new ApiError(
        429,
        'rate_limited',
        `Too many failed logins; try again in ${wait} s`,
        undefined,
        { 'Retry-After': String(wait) },
      )
    const agent = await checkPassword(db, email, password)
    if (!agent) throw new ApiError(401, 'unauthorized', 'Wrong e-mail or password')
    failures.undo(address)
    const session = createSession(db, agent.id, deps.now())
    setCookie(c, SESSION_COOKIE, session, {
      httpOnly: true,
      sameSite: 'Strict',
      secure,
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    })
    return c.json({ agent })
  })

  app.post('/auth/logout', (c) => {
    if (c.req.header('origin') && !isSameOrigin(c, config.publicUrl)) {
      throw new ApiError(403, 'forbidden', 'Log out from the inbox of this server')
    }
    const session = getCookie(c, SESSION_COOKIE)
    if (session) endSession(db, session)
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure })
    return c.body(null, 204)
  })

  app.get('/agents', requireAgent(deps), (c) => c.json({ items: listAgents(db) }))

  app.get('/me', requireAgent(deps), (c) => {
    const { id, email, name, role, via } = c.get('agent')
    return c.json({ id, email, name, role, via })
  })
  return app
}
