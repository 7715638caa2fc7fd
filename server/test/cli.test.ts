import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDir } from './harness.js'
import { BIN, cli } from './process.js'

const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  )

describe('the snagbox command', () => {
  it('creates and updates projects, agents and tokens, printing JSON', async () => {
    const db = join(tempDir(), 'x.db')
    const project = await cli([
      'project',
      'create',
      '--db',
      db,
      '--name',
      'Kvant Energo',
      '--prefix',
      'KE',
      '--origin',
      'https://App.example.com/',
      '--time-zone',
      'Europe/Moscow',
      '--holiday',
      '2027-01-07,2027-01-01',
      '--auto-close-days',
      '3',
    ])
    expect(project).toMatchObject({
      name: 'Kvant Energo',
      prefix: 'KE',
      allowedOrigins: ['https://app.example.com'],
      timeZone: 'Europe/Moscow',
      holidays: ['2027-01-01', '2027-01-07'],
      autoCloseDays: 3,
    })
    expect(project.key).toMatch(/^pk_[A-Za-z0-9_-]{8,}$/)
    const updated = await cli([
      'project',
      'update',
      '--db',
      db,
      '--prefix',
      'KE',
      '--holiday',
      '2027-05-01',
    ])
    expect(updated).toMatchObject({
      holidays: ['2027-05-01'],
      timeZone: 'Europe/Moscow',
      key: project.key,
    })

    const agent = await cli([
      'agent',
      'create',
      '--db',
      db,
      '--email',
      'Ann@Example.com',
      '--name',
      'Ann',
      '--password',
      'correct-horse',
      '--role',
      'admin',
    ])
    expect(agent).toMatchObject({ email: 'ann@example.com', role: 'admin' })
    const { token } = await cli([
      'token',
      'create',
      '--db',
      db,
      '--email',
      'ann@example.com',
      '--name',
      'bot',
    ])
    expect(token).toMatch(/^sbt_/)

    const file = new Database(db, { readonly: true })
    const stored = JSON.stringify([
      file.prepare('select * from agents').all(),
      file.prepare('select * from api_tokens').all(),
    ])
    file.close()
    expect(stored).not.toContain('correct-horse')
    expect(stored).toContain('scrypt$')
    expect(stored).not.toContain(token as string)
  })

  it('exits 2 with a clear message for bad input, and creates nothing', async () => {
    const db = join(tempDir(), 'x.db')
    const cases: [string[], RegExp][] = [
      [['project', 'create', '--name', 'X', '--prefix', 'lower'], /--prefix/],
      [
        ['project', 'create', '--name', 'X', '--prefix', 'X', '--time-zone', 'Mars/Base'],
        /--time-zone/,
      ],
      [['project', 'create', '--name', 'X', '--prefix', 'X', '--origin', 'not a url'], /--origin/],
      [
        ['project', 'create', '--name', 'X', '--prefix', 'X', '--auto-close-days', 'five'],
        /--auto-close-days/,
      ],
      [['project', 'update', '--prefix', 'NOPE'], /no project/],
      [
        ['agent', 'create', '--email', 'ann', '--name', 'A', '--password', 'correct-horse'],
        /--email/,
      ],
      [['agent', 'create', '--email', 'a@b.c', '--name', 'A', '--password', 'short'], /--password/],
      [['token', 'create', '--email', 'nobody@example.com', '--name', 'x'], /no agent/],
      [['project', 'create', '--bogus'], /Unknown option/],
      [['frobnicate'], /unknown command/],
    ]
    for (const [args, message] of cases) {
      const result = await run([...args, '--db', db])
      expect([args.join(' '), result.code]).toEqual([args.join(' '), 2])
      expect(result.stderr).toMatch(message)
    }
    const file = new Database(db, { readonly: true })
    expect(file.prepare('select count(*) as n from projects').get()).toEqual({ n: 0 })
    file.close()
  })
})
