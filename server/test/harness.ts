import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../src/app.js'
import { createAgent } from '../src/auth/agents.js'
import { createApiToken } from '../src/auth/tokens.js'
import { setScryptCost } from '../src/auth/secrets.js'
import { appDeps } from '../src/deps.js'
import { createProject, type Project } from '../src/projects/store.js'
import type { ChangeFeed } from '../src/tickets/store/changes.js'
import { loadConfig, type Config } from '../src/config.js'
import { openDatabase, type Db } from '../src/db/client.js'

export const ORIGIN = 'https://app.example.com'

// Tests hash hundreds of passwords: at the production cost (~0.35 s each) they would crawl.
// The `snagbox` processes they start hash at the real cost.
setScryptCost({ N: 2 ** 14, r: 8, p: 1 })

export interface Harness {
  app: ReturnType<typeof createApp>
  db: Db
  config: Config
  project: Project
  /** The feed the app's store publishes committed changes to. */
  changes: ChangeFeed
  /** POST a ticket as JSON with the project key and the allowed origin. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>
  count(table: string): number
}

/** A fresh app on a fresh in-memory database with one project (prefix DEMO). */
export function harness(
  overrides: { env?: Record<string, string>; now?: () => Date } = {},
): Harness {
  const config = loadConfig({
    SNAGBOX_PUBLIC_URL: 'https://support.example.com',
    SNAGBOX_TRUST_PROXY: 'true',
    ...overrides.env,
  })
  const db = openDatabase(':memory:')
  const project = createProject(db, {
    name: 'Demo',
    prefix: 'DEMO',
    key: 'pk_test_demo_key',
    origins: [ORIGIN],
  })
  const deps = appDeps({ db, config, ...(overrides.now ? { now: overrides.now } : {}) })
  const app = createApp(deps)
  return {
    app,
    db,
    config,
    project,
    changes: deps.changes,
    post: async (body, headers = {}) =>
      app.request('/api/v1/tickets', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Snagbox-Key': project.key,
          Origin: ORIGIN,
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    count: (table) =>
      (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
  }
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'snagbox-test-'))
}

export interface AgentHarness extends Harness {
  agent: { id: string; email: string }
  token: string
  /** A request as the agent, with the API token. */
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>
  /** The same as whoever holds another API token. */
  as(token: string): AgentHarness['api']
  /** Files a ticket and returns its answer (reference, statusUrl…). */
  file(
    body?: Record<string, unknown>,
  ): Promise<{ id: string; reference: string; statusUrl: string; token: string }>
  /** A request as the reporter of a status URL. */
  reporter(
    statusUrl: string,
    path?: string,
    init?: RequestInit & { json?: unknown },
  ): Promise<Response>
}

/** A harness with an admin agent (ann@example.com / correct-horse) and an API token. */
export async function agentHarness(
  overrides: Parameters<typeof harness>[0] = {},
): Promise<AgentHarness> {
  const h = harness(overrides)
  const agent = await createAgent(h.db, {
    email: 'ann@example.com',
    name: 'Ann Agent',
    password: 'correct-horse',
    role: 'admin',
  })
  const { token } = createApiToken(h.db, { email: agent.email, name: 'tests' })
  const request = (
    path: string,
    init: RequestInit & { json?: unknown } = {},
    headers: Record<string, string> = {},
  ) => {
    const { json, ...rest } = init
    return h.app.request(path, {
      ...rest,
      headers: {
        ...headers,
        ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(rest.headers as Record<string, string>),
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    })
  }
  return {
    ...h,
    agent,
    token,
    api: async (path, init = {}) => request(path, init, { Authorization: `Bearer ${token}` }),
    as:
      (other) =>
      async (path, init = {}) =>
        request(path, init, { Authorization: `Bearer ${other}` }),
    file: async (body = { description: 'Export fails with error 0x80070005' }) => {
      const res = await h.post(body)
      if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${await res.text()}`)
      const answer = (await res.json()) as { id: string; reference: string; statusUrl: string }
      return { ...answer, token: answer.statusUrl.split('/status/')[1]! }
    },
    reporter: async (statusUrl, path = '', init = {}) =>
      request(`/api/v1/status/${statusUrl.split('/status/')[1]}${path}`, init),
  }
}

export interface Route {
  method: string
  path: string
}

/** Every method and path the app answers, once each: read from the app, so a new route counts. */
export function routesOf(h: Harness): Route[] {
  const seen = new Map<string, Route>()
  for (const r of h.app.routes) {
    if (r.method === 'ALL') continue
    const path = r.path.replace(/\/$/, '') || '/'
    seen.set(`${r.method} ${path}`, { method: r.method, path })
  }
  return [...seen.values()]
}
