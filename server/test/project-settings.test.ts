import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { signUserId } from '../src/projects/identity.js'
import { agentHarness, tempDir, type AgentHarness } from './harness.js'
import { cli, run } from './process.js'

/*
 * A project's identity secret (verified reporter identities) and the working hours and
 * first-response targets its tickets are timed against: made and changed with the command line
 * and the admin API, by the same store functions and checks.
 */

const admin = (h: AgentHarness, path: string, init: RequestInit & { json?: unknown } = {}) =>
  h.api(`/api/v1/admin${path}`, init)
const patch = (h: AgentHarness, json: unknown) =>
  admin(h, '/projects/DEMO', { method: 'PATCH', json })

/** `snagbox project create` of project D, or `project update --prefix D`, in the database `db`. */
const create = (db: string, ...flags: string[]) => [
  'project',
  'create',
  '--db',
  db,
  '--name',
  'D',
  '--prefix',
  'D',
  ...flags,
]
const update = (db: string, ...flags: string[]) => [
  'project',
  'update',
  '--db',
  db,
  '--prefix',
  'D',
  ...flags,
]

describe('a project identity secret', () => {
  it('is made by the admin API, shown in that answer only, and works at once', async () => {
    const h = await agentHarness()
    const listedBefore = await (await admin(h, '/projects')).json()
    expect(listedBefore.items[0]).toMatchObject({ prefix: 'DEMO', hasIdentitySecret: false })
    const res = await patch(h, { identitySecret: true })
    expect(res.status).toBe(200)
    const made = await res.json()
    expect(made).toMatchObject({ hasIdentitySecret: true })
    expect(made.identitySecret).toMatch(/^sbis_[A-Za-z0-9_-]{43}$/)
    const listed = JSON.stringify(await (await admin(h, '/projects')).json())
    expect(listed).toContain('"hasIdentitySecret":true')
    expect(listed).not.toContain(made.identitySecret)
    // Nor in the audit trail, which says only that it changed.
    const audit = await h.api('/api/v1/audit')
    expect(audit.status).toBe(200)
    const trail = JSON.stringify(await audit.json())
    expect(trail).toContain('identitySecret')
    expect(trail).not.toContain(made.identitySecret)
    const sent = await h.post({
      description: 'x',
      reporter: { id: 'u-1', signature: signUserId(made.identitySecret, 'u-1') },
    })
    expect(await sent.json()).toMatchObject({ identity: 'verified' })
    // A change of something else says nothing of the secret.
    const renamed = await (await patch(h, { name: 'Demo 2' })).json()
    expect(renamed).not.toHaveProperty('identitySecret')
    const removed = await (await patch(h, { identitySecret: false })).json()
    expect(removed).toMatchObject({ hasIdentitySecret: false })
    expect(removed).not.toHaveProperty('identitySecret')
    const created = await (
      await admin(h, '/projects', {
        method: 'POST',
        json: { name: 'Kvant', prefix: 'KE', identitySecret: true },
      })
    ).json()
    expect(created.identitySecret).toMatch(/^sbis_/)
    expect((await patch(h, { identitySecret: 'yes' })).status).toBe(400)
  })

  it('is made by the command line, printed once, and removed with --no-identity-secret', async () => {
    const db = join(tempDir(), 'x.db')
    const made = await cli(create(db, '--identity-secret'))
    expect(made.identitySecret).toMatch(/^sbis_[A-Za-z0-9_-]{43}$/)
    expect(made.hasIdentitySecret).toBe(true)
    const text = await run(update(db, '--identity-secret'))
    expect(text.code).toBe(0)
    const secret = text.stdout.match(/sbis_[A-Za-z0-9_-]{43}/)![0]
    expect(secret).not.toBe(made.identitySecret)
    expect(text.stdout).toContain('shown once')
    const file = new Database(db, { readonly: true })
    expect(file.prepare('select identity_secret as s from projects').get()).toEqual({ s: secret })
    file.close()
    const removed = await cli(update(db, '--no-identity-secret'))
    expect(removed).toMatchObject({ hasIdentitySecret: false })
    expect(removed).not.toHaveProperty('identitySecret')
    const both = await run(update(db, '--identity-secret', '--no-identity-secret'))
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/not both/)
    const help = await run(['project', 'update', '--help'])
    expect(help.stdout).toContain('--identity-secret | --no-identity-secret')
    expect(help.stdout).toContain('--working-hours')
    expect(help.stdout).toContain('--first-response-hours')
  })
})

describe('working hours and first-response targets', () => {
  it('are set by the admin API, parsed on the project, and checked', async () => {
    const h = await agentHarness()
    const [demo] = (await (await admin(h, '/projects')).json()).items
    expect(demo).toMatchObject({
      workingHours: { start: '09:00', end: '18:00' },
      firstResponseHours: { critical: 1, high: 4, normal: 8, low: 16 },
    })
    const changed = await (
      await patch(h, {
        workingHours: { start: '08:30', end: '17:00' },
        firstResponseHours: { critical: 0.5, low: 40 },
      })
    ).json()
    expect(changed).toMatchObject({
      workingHours: { start: '08:30', end: '17:00' },
      firstResponseHours: { critical: 0.5, high: 4, normal: 8, low: 40 },
    })
    for (const [json, path] of [
      [{ workingHours: { start: '18:00', end: '09:00' } }, 'workingHours'],
      [{ workingHours: { start: '9:00', end: '18:00' } }, 'workingHours'],
      [{ workingHours: { start: '09:00', end: '24:01' } }, 'workingHours'],
      [{ workingHours: { start: '24:00', end: '24:00' } }, 'workingHours'],
      [{ workingHours: { start: '09:00', end: '09:00' } }, 'workingHours'],
      [{ workingHours: { start: '09:00' } }, 'workingHours.end'],
      [{ workingHours: '09:00-18:00' }, 'workingHours'],
      [{ firstResponseHours: { critical: 0 } }, 'firstResponseHours.critical'],
      [{ firstResponseHours: { high: -1 } }, 'firstResponseHours.high'],
      [{ firstResponseHours: { normal: 1001 } }, 'firstResponseHours.normal'],
      [{ firstResponseHours: { low: '8' } }, 'firstResponseHours.low'],
      [{ firstResponseHours: { urgent: 1 } }, 'firstResponseHours.urgent'],
      [{ firstResponseHours: [] }, 'firstResponseHours'],
    ] as const) {
      const res = await patch(h, json)
      expect(res.status, JSON.stringify(json)).toBe(400)
      const problem = await res.json()
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([path])
    }
    // Nothing of the refused changes stuck; the full day is allowed.
    const full = await (await patch(h, { workingHours: { start: '00:00', end: '24:00' } })).json()
    expect(full).toMatchObject({
      workingHours: { start: '00:00', end: '24:00' },
      firstResponseHours: { critical: 0.5, low: 40 },
    })
  })

  it('are set by the command line, and wrong ones refused naming the flag', async () => {
    const db = join(tempDir(), 'x.db')
    const made = await cli(
      create(db, '--working-hours', '10:00-19:00', '--first-response-hours', 'critical=2,high=6'),
    )
    expect(made).toMatchObject({
      workingHours: { start: '10:00', end: '19:00' },
      firstResponseHours: { critical: 2, high: 6, normal: 8, low: 16 },
    })
    const updated = await cli(update(db, '--first-response-hours', 'low=24'))
    expect(updated).toMatchObject({
      firstResponseHours: { critical: 2, high: 6, normal: 8, low: 24 },
    })
    for (const [flag, value, message] of [
      ['--working-hours', '18:00-09:00', /--working-hours must start before they end/],
      ['--working-hours', 'nine to five', /--working-hours must be/],
      ['--working-hours', '09:00-12:00-18:00', /--working-hours must be/],
      [
        '--first-response-hours',
        'critical=0',
        /--first-response-hours critical must be a number of hours above 0/,
      ],
      [
        '--first-response-hours',
        'critical=fast',
        /--first-response-hours must be priority=hours pairs/,
      ],
      ['--first-response-hours', 'urgent=1', /--first-response-hours names priorities/],
      ['--first-response-hours', 'high=5000', /at most 1000/],
      ['--first-response-hours', ',', /at least one priority/],
    ] as const) {
      const result = await run(update(db, flag, value))
      expect([flag, value, result.code]).toEqual([flag, value, 2])
      expect(result.stderr).toMatch(message)
    }
  })
})
