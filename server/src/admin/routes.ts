import { Hono, type Context } from 'hono'
import {
  FIRST_RESPONSE_HOURS_MAX,
  PRIORITIES,
  TOKEN_SCOPES,
  type AdminAgent,
  type Priority,
  type WorkingHours,
} from '@snagbox/sdk/contract'
import type { AuditContext } from '../audit/store.js'
import { disableAgent, enableAgent } from '../auth/agent-access.js'
import { notificationsOf } from '../auth/agent-fields.js'
import { keepAnAdmin } from '../auth/agent-rows.js'
import {
  adminAgents,
  createAgent,
  inviteAgent,
  reinviteAgent,
  updateAgent,
} from '../auth/agents.js'
import { inviteUrl, type NewInvite } from '../auth/invites.js'
import { MAX_PASSWORD_CHARS } from '../auth/secrets.js'
import { requireAdmin, requireAgent, type AgentEnv } from '../auth/require-agent.js'
import { createApiToken, expiryAfter, listTokens, revokeToken } from '../auth/tokens.js'
import type { AppDeps } from '../deps.js'
import { ApiError, invalid } from '../errors.js'
import { Fields, readJsonObject } from '../http/request-body.js'
import { createProject, listProjects, updateProject } from '../projects/store.js'

const ROLES = ['admin', 'agent'] as const
const PROJECT_FIELDS = [
  'name',
  'origins',
  'autoCloseDays',
  'timeZone',
  'holidays',
  'massIncidentPriority',
  'mailFrom',
  'imapUrl',
  'identitySecret',
  'workingHours',
  'firstResponseHours',
] as const

/**
 * The admin API under `/api/v1/admin`: agents (create with a password or a one-time link, change,
 * disable), their API tokens, and projects — the same store calls, rules and audit entries as the
 * `snagbox` command line. Only admins get in (a `read` token only reads).
 */
export function adminRoutes(deps: AppDeps) {
  const { db } = deps
  const app = new Hono<AgentEnv>()
  app.use('*', requireAgent(deps), requireAdmin())

  /** Who acts, from where and when, for the audit trail. */
  const by = (c: Context<AgentEnv>): AuditContext => {
    const agent = c.get('agent')
    return {
      actor:
        agent.via === 'token'
          ? { kind: 'token', id: agent.tokenId }
          : { kind: 'agent', id: agent.id },
      address: deps.clientIp(c),
      at: deps.now(),
    }
  }
  const agentById = (id: string): AdminAgent => {
    const found = adminAgents(db, deps.now(), { id })[0]
    if (!found) throw new ApiError(404, 'not_found', `No agent ${id}`)
    return found
  }
  const link = (invite: NewInvite) => ({
    url: inviteUrl(deps.config.publicUrl, invite.token),
    expiresAt: invite.expiresAt,
  })
  const body = async (c: Context, names: readonly string[]) =>
    new Fields(await readJsonObject(c, deps.config.limits)).only(names)

  app.get('/agents', (c) => c.json({ items: adminAgents(db, deps.now()) }))

  // With a password, an agent who can sign in at once; without, a one-time link to set one.
  app.post('/agents', async (c) => {
    const f = await body(c, ['email', 'name', 'role', 'projects', 'password'])
    const input = {
      email: f.text('email', { required: true, max: 320 })!,
      name: f.text('name', { required: true, max: 200 })!,
      ...optional('role', f.oneOf('role', ROLES)),
      ...optional('projects', f.texts('projects', { maxItems: 1000, max: 20 })),
    }
    const password = f.text('password', { max: MAX_PASSWORD_CHARS, trim: false })
    f.done()
    const made =
      password !== undefined
        ? { agent: await createAgent(db, { ...input, password }, by(c)), invite: null }
        : inviteAgent(db, input, by(c))
    return c.json(
      { agent: agentById(made.agent.id), invite: made.invite && link(made.invite) },
      201,
    )
  })

  app.patch('/agents/:id', async (c) => {
    const agent = agentById(c.req.param('id'))
    const f = await body(c, ['name', 'role', 'projects', 'notifications', 'disabled'])
    const changes = {
      ...optional('name', f.text('name', { max: 200 })),
      ...optional('role', f.oneOf('role', ROLES)),
      ...optional('projects', f.texts('projects', { maxItems: 1000, max: 20 })),
      ...optional('notifications', notificationsOf(f)),
    }
    const disabled = f.flag('disabled')
    f.done()
    if (disabled !== undefined && Object.keys(changes).length)
      throw invalid([{ path: 'disabled', message: 'is changed on its own, not with other fields' }])
    // Checked and written with no wait between: no other request can slip in.
    if (disabled === true || changes.role === 'agent') keepAnAdmin(db, agent)
    if (disabled === true) disableAgent(db, agent.email, by(c))
    else if (disabled === false) enableAgent(db, agent.email, by(c))
    else updateAgent(db, agent.email, changes, by(c))
    if (disabled) deps.credentials.end({ kind: 'agent', id: agent.id })
    return c.json({ agent: agentById(agent.id) })
  })

  // A new one-time link: the invitation again, or a reset of a forgotten password.
  app.post('/agents/:id/invite', (c) => {
    const agent = agentById(c.req.param('id'))
    const { invite } = reinviteAgent(db, agent.email, by(c))
    return c.json({ agent: agentById(agent.id), invite: link(invite) })
  })

  app.get('/agents/:id/tokens', (c) =>
    c.json({ items: listTokens(db, agentById(c.req.param('id')).email, deps.now()) }),
  )

  app.post('/agents/:id/tokens', async (c) => {
    const agent = agentById(c.req.param('id'))
    const f = await body(c, ['name', 'scope', 'expiresInDays'])
    const name = f.text('name', { required: true, max: 200 })!
    const scope = f.oneOf('scope', TOKEN_SCOPES)
    const days = f.whole('expiresInDays', { min: 1, max: 3650, nullable: true })
    f.done()
    const created = createApiToken(
      db,
      {
        email: agent.email,
        name,
        ...optional('scope', scope),
        expiresAt: expiryAfter(days, deps.now()),
      },
      by(c),
    )
    return c.json(created, 201)
  })

  app.post('/tokens/:tokenId/revoke', (c) => {
    const token = revokeToken(db, c.req.param('tokenId'), by(c))
    deps.credentials.end({ kind: 'token', id: token.id })
    return c.json(token)
  })

  app.get('/projects', (c) => c.json({ items: listProjects(db) }))

  const projectSettings = (f: Fields) => ({
    ...optional('name', f.text('name', { max: 200 })),
    ...optional('origins', f.texts('origins', { maxItems: 100, max: 300 })),
    ...optional('autoCloseDays', f.whole('autoCloseDays', { min: 0, max: 365 }) ?? undefined),
    ...optional('timeZone', f.text('timeZone', { max: 100 })),
    ...optional('holidays', f.texts('holidays', { maxItems: 1000, max: 10 })),
    ...optional('massIncidentPriority', f.oneOf('massIncidentPriority', PRIORITIES)),
    // '' or null: the server's sender, no mailbox.
    ...optional('mailFrom', f.text('mailFrom', { max: 300 }) ?? nullIfGiven(f, 'mailFrom')),
    ...optional('imapUrl', f.text('imapUrl', { max: 1000 }) ?? nullIfGiven(f, 'imapUrl')),
    // true: a new secret, in this answer only; false: none.
    ...optional('identitySecret', f.flag('identitySecret')),
    ...optional('workingHours', workingHoursOf(f)),
    ...optional('firstResponseHours', firstResponseHoursOf(f)),
  })

  app.post('/projects', async (c) => {
    const f = await body(c, ['prefix', ...PROJECT_FIELDS])
    const prefix = f.text('prefix', { required: true, max: 10 })!
    const settings = projectSettings(f)
    if (settings.name === undefined) f.text('name', { required: true })
    f.done()
    return c.json(createProject(db, { name: '', ...settings, prefix }, by(c)), 201)
  })

  app.patch('/projects/:prefix', async (c) => {
    const f = await body(c, PROJECT_FIELDS)
    const settings = projectSettings(f)
    f.done()
    return c.json(updateProject(db, c.req.param('prefix'), settings, by(c)))
  })

  return app
}

/** `{ start: '09:00', end: '18:00' }` of a body, as strings (the store checks the times). */
function workingHoursOf(f: Fields): WorkingHours | undefined {
  const hours = f.object('workingHours')
  if (!hours) return undefined
  const start = hours.text('start', { required: true, max: 5 })
  const end = hours.text('end', { required: true, max: 5 })
  return start !== undefined && end !== undefined ? { start, end } : undefined
}

/** `{ critical: 1, high: 4 }` of a body: the priorities named change. */
function firstResponseHoursOf(f: Fields): Partial<Record<Priority, number>> | undefined {
  const targets = f.object('firstResponseHours')?.only(PRIORITIES)
  if (!targets) return undefined
  const hours = PRIORITIES.map((p) => [p, targets.positive(p, { max: FIRST_RESPONSE_HOURS_MAX })])
  return Object.fromEntries(hours.filter(([, h]) => h !== undefined))
}

/** `null` when the body gave the field as `null` (to clear it), else `undefined`. */
function nullIfGiven(f: Fields, name: string): null | undefined {
  return f.isNull(name) ? null : undefined
}

/** `{ [key]: value }` when the value was given, else nothing: only given fields change. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
