import { Hono, type Context } from 'hono'
import { FREE_TEXT_CHARS, PRIORITIES, REPLY_STATUSES } from '@snagbox/sdk/contract'
import { requireAgent, type AgentEnv } from '../auth/require-agent.js'
import type { AppDeps } from '../deps.js'
import { Fields, readJsonObject } from '../http/request-body.js'
import {
  createMacro,
  deleteMacro,
  listMacros,
  updateMacro,
  type MacroInput,
  type MacroUser,
} from './store.js'

/** Who calls, as the macro store needs it. */
export const macroUser = (c: Context<AgentEnv>): MacroUser => {
  const agent = c.get('agent')
  return { agentId: agent.id, projects: agent.projects, admin: agent.role === 'admin' }
}

/**
 * `/api/v1/macros`: saved replies with variables, and the status and priority they set. Each
 * agent sees those of its projects and those for every project; a project's team manages its
 * own, an admin those for every project.
 */
export function macroRoutes(deps: AppDeps) {
  const { db } = deps
  const app = new Hono<AgentEnv>()
  app.use('*', requireAgent(deps))

  /** The fields of a macro's body; `required` for a new one. */
  const fieldsOf = async (c: Context, required: boolean) => {
    const f = new Fields(await readJsonObject(c, deps.config.limits)).only([
      'name',
      'body',
      'status',
      'priority',
      'project',
    ])
    // `null` clears the status or the priority, or makes a macro every project's.
    const nullable = <T>(name: string, read: () => T | undefined) =>
      f.isNull(name) ? null : read()
    const input: Partial<MacroInput> = {
      name: f.text('name', { required, max: 80 }),
      body: f.text('body', { required, max: FREE_TEXT_CHARS, trim: false }),
      status: nullable('status', () => f.oneOf('status', REPLY_STATUSES)),
      priority: nullable('priority', () => f.oneOf('priority', PRIORITIES)),
      project: nullable('project', () => f.text('project', { max: 10 })),
    }
    f.done()
    return input
  }

  app.get('/', (c) => c.json({ items: listMacros(db, macroUser(c)) }))

  app.post('/', async (c) => {
    const input = await fieldsOf(c, true)
    const macro = createMacro(
      db,
      macroUser(c),
      {
        name: input.name!,
        body: input.body!,
        status: input.status ?? null,
        priority: input.priority ?? null,
        project: input.project ?? null,
      },
      deps.now(),
    )
    return c.json(macro, 201)
  })

  app.patch('/:macroId', async (c) =>
    c.json(
      updateMacro(db, macroUser(c), c.req.param('macroId'), await fieldsOf(c, false), deps.now()),
    ),
  )

  app.delete('/:macroId', (c) => {
    deleteMacro(db, macroUser(c), c.req.param('macroId'))
    return c.body(null, 204)
  })
  return app
}
