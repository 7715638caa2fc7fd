import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../src/app.js'
import { createProject, type Project } from '../src/auth/store.js'
import { loadConfig, type Config } from '../src/config.js'
import { openDatabase, type Db } from '../src/db/client.js'

export const ORIGIN = 'https://app.example.com'

export interface Harness {
  app: ReturnType<typeof createApp>
  db: Db
  config: Config
  project: Project
  /** POST a ticket as JSON with the project key and the allowed origin. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>
  count(table: string): number
}

/** A fresh app on a fresh in-memory database with one project (prefix DEMO). */
export function harness(overrides: { env?: Record<string, string>; now?: () => Date } = {}): Harness {
  const config = loadConfig({ SNAGBOX_PUBLIC_URL: 'https://support.example.com', SNAGBOX_TRUST_PROXY: 'true', ...overrides.env })
  const db = openDatabase(':memory:')
  const project = createProject(db, { name: 'Demo', prefix: 'DEMO', key: 'pk_test_demo_key', origins: [ORIGIN] })
  const app = createApp({ db, config, ...(overrides.now ? { now: overrides.now } : {}) })
  return {
    app,
    db,
    config,
    project,
    post: async (body, headers = {}) =>
      app.request('/api/v1/tickets', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Snagbox-Key': project.key, Origin: ORIGIN, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    count: (table) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
  }
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'snagbox-test-'))
}
