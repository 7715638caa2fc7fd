import { Hono, type Context } from 'hono'
import { requireAgent, type AgentEnv } from '../auth/require-agent.js'
import type { AppDeps } from '../deps.js'
import { Fields, readJsonObject } from '../http/request-body.js'
import { SharedCounts } from './shared-counts.js'
import { createView, deleteView, listViews, updateView, type Viewer } from './store.js'

/**
 * `/api/v1/views`: the standard views and the saved ones (an agent's own, and shared), each with
 * its count of the caller's tickets — what the inbox's sidebar shows and keeps live.
 */
export function viewRoutes(deps: AppDeps) {
  const { db } = deps
  const counts = new SharedCounts(db, deps.changes)
  const app = new Hono<AgentEnv>()
  app.use('*', requireAgent(deps))
  const viewer = (c: Context<AgentEnv>): Viewer => {
    const agent = c.get('agent')
    return { agentId: agent.id, projects: agent.projects, admin: agent.role === 'admin' }
  }
  const fields = async (c: Context) =>
    new Fields(await readJsonObject(c, deps.config.limits)).only(['name', 'query', 'shared'])

  app.get('/', (c) => c.json({ items: listViews(db, viewer(c), counts) }))

  app.post('/', async (c) => {
    const f = await fields(c)
    const name = f.text('name', { required: true, max: 80 })!
    const query = f.text('query', { required: true, max: 2000, trim: false })!
    const shared = f.flag('shared')
    f.done()
    const view = createView(
      db,
      viewer(c),
      { name, query, ...(shared !== undefined ? { shared } : {}) },
      deps.now(),
    )
    return c.json(view, 201)
  })

  app.patch('/:viewId', async (c) => {
    const f = await fields(c)
    const name = f.text('name', { max: 80 })
    const query = f.text('query', { max: 2000, trim: false })
    const shared = f.flag('shared')
    f.done()
    return c.json(
      updateView(db, viewer(c), c.req.param('viewId'), {
        ...(name !== undefined ? { name } : {}),
        ...(query !== undefined ? { query } : {}),
        ...(shared !== undefined ? { shared } : {}),
      }),
    )
  })

  app.delete('/:viewId', (c) => {
    deleteView(db, viewer(c), c.req.param('viewId'))
    return c.body(null, 204)
  })
  return app
}
