/** The runnable examples, run as their README says, against a real server. */
import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createAgent,
  createApiToken,
  createProject,
  loadConfig,
  openDatabase,
  startServer,
  type RunningServer,
} from '../server/src/index.js'
import { png } from '../bench/png.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
let server: RunningServer
let key: string
let token: string
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snagbox-e2e-examples-'))
  const config = loadConfig({ SNAGBOX_DB: join(dir, 'snagbox.db'), SNAGBOX_PORT: '0' })
  const db = openDatabase(config.db)
  key = createProject(db, { name: 'Desktop', prefix: 'DSK' }).key
  await createAgent(db, {
    email: 'agent@example.com',
    name: 'Agent',
    password: 'correct-horse',
    projects: ['DSK'],
  })
  token = createApiToken(db, { email: 'agent@example.com', name: 'e2e' }).token
  server = await startServer(db, config)
})
afterAll(() => server?.close())

describe('examples/node-app', () => {
  it('reports from Node with the runtime environment and a screenshot file', async () => {
    const shot = join(dir, 'shot.png')
    await writeFile(shot, png(64, 48))
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(root, 'examples/node-app/report.mjs'), 'Sync fails after update', '--screenshot', shot],
      {
        env: {
          ...process.env,
          SNAGBOX_ENDPOINT: server.url,
          SNAGBOX_KEY: key,
          SNAGBOX_OUTBOX: join(dir, 'outbox'),
        },
      },
    )
    const result = JSON.parse(stdout)
    expect(result).toMatchObject({ status: 'sent', reference: 'DSK-1' })
    const ticket = await (
      await fetch(`${server.url}/api/v1/tickets/DSK-1`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()
    expect(ticket).toMatchObject({
      description: 'Sync fails after update',
      app: { name: 'Kvant Energo Desktop', version: '4.30.34', build: '6255' },
      reporter: { name: 'Anna Petrova' },
      environment: {
        os: {
          source: 'runtime',
          name: 'Linux',
          bitness: process.arch === 'x64' || process.arch === 'arm64' ? 64 : 32,
        },
      },
      screenshot: { contentType: 'image/png', width: 64, height: 48 },
    })
  })
})
