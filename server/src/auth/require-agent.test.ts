import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { appDeps } from '../deps.js'
import { ApiError } from '../errors.js'
import { agentHarness } from '../../test/harness.js'
import { createAgent } from './agents.js'
import { createApiToken } from './tokens.js'
import { requireAdmin, requireAgent, type AgentEnv } from './require-agent.js'

/** A route for admins only, as the admin API will mount them, on the harness's database. */
async function adminOnly() {
  const h = await agentHarness()
  const deps = appDeps({ db: h.db, config: h.config })
  const app = new Hono<AgentEnv>()
  app.get('/admin', requireAgent(deps), requireAdmin(), (c) => c.json({ ok: c.get('agent').email }))
  app.get('/unguarded', requireAdmin(), (c) => c.json({ ok: true }))
  app.onError((err) =>
    err instanceof ApiError
      ? Response.json(err.toProblem(), { status: err.status })
      : Response.json({ error: String(err) }, { status: 500 }),
  )
  await createAgent(h.db, {
    email: 'bob@example.com',
    name: 'Bob',
    password: 'correct-horse',
    projects: ['DEMO'],
  })
  const agentToken = createApiToken(h.db, { email: 'bob@example.com', name: 't' }).token
  const get = (path: string, token?: string) =>
    app.request(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {})
  return { h, get, agentToken }
}

describe('requireAdmin', () => {
  it('lets an admin through and answers 403 to an agent of a project, 401 to nobody', async () => {
    const { h, get, agentToken } = await adminOnly()
    const admin = await get('/admin', h.token)
    expect(admin.status).toBe(200)
    expect(await admin.json()).toEqual({ ok: 'ann@example.com' })
    const agent = await get('/admin', agentToken)
    expect(agent.status).toBe(403)
    expect(await agent.json()).toMatchObject({ code: 'forbidden', status: 403 })
    expect((await get('/admin')).status).toBe(401)
  })

  it('lets nobody through when no requireAgent ran before it', async () => {
    const { h, get } = await adminOnly()
    expect((await get('/unguarded', h.token)).status).toBe(403)
  })
})
