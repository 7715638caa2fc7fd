import { spawn } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDir } from './harness.js'
import { BIN, cli, run, serve } from './process.js'

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
      '--mass-incident-priority',
      'high',
    ])
    expect(project.massIncidentPriority).toBe('critical')
    expect(updated).toMatchObject({
      holidays: ['2027-05-01'],
      timeZone: 'Europe/Moscow',
      key: project.key,
      massIncidentPriority: 'high',
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
      [
        ['project', 'create', '--name', 'X', '--prefix', 'X', '--mass-incident-priority', 'urgent'],
        /--mass-incident-priority must be one of low, normal, high, critical/,
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

/** Runs a `snagbox` command with `input` piped to its standard input. */
function runWithInput(args: string[], input: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

const DAY = 24 * 60 * 60 * 1000

describe('the snagbox command: credentials', () => {
  it('creates tokens with a scope and an expiry, lists them and revokes them', async () => {
    const db = join(tempDir(), 'x.db')
    const ann = ['--db', db, '--email', 'ann@example.com']
    await cli(['agent', 'create', ...ann, '--name', 'Ann', '--password', 'correct-horse'])
    const before = Date.now()
    const usual = await cli(['token', 'create', ...ann, '--name', 'bot'])
    expect(usual).toMatchObject({ scope: 'read_write' })
    const expires = Date.parse(usual.expiresAt as string)
    expect(expires - before).toBeGreaterThanOrEqual(90 * DAY - 60_000)
    expect(expires - before).toBeLessThanOrEqual(90 * DAY + 60_000)
    const reader = await cli(['token', 'create', ...ann, '--name', 'dashboard', '--scope', 'read'])
    expect(reader).toMatchObject({ scope: 'read' })
    const forever = await cli([
      'token',
      'create',
      ...ann,
      '--name',
      'cron',
      '--expires-in-days',
      'never',
    ])
    expect(forever.expiresAt).toBeNull()

    const listed = (await cli(['token', 'list', ...ann])) as { items: Record<string, unknown>[] }
    expect(listed.items.map((t) => t.name).sort()).toEqual(['bot', 'cron', 'dashboard'])
    expect(listed.items.find((t) => t.name === 'dashboard')).toMatchObject({
      id: reader.id,
      scope: 'read',
      state: 'active',
      lastUsedAt: null,
      revokedAt: null,
    })
    expect(JSON.stringify(listed)).not.toContain(usual.token as string)
    expect(JSON.stringify(listed)).not.toMatch(/hash/i)

    const revoked = await cli(['token', 'revoke', '--db', db, usual.id as string])
    expect(revoked).toMatchObject({ id: usual.id, state: 'revoked' })
    const after = (await cli(['token', 'list', ...ann])) as { items: Record<string, unknown>[] }
    expect(after.items.find((t) => t.id === usual.id)).toMatchObject({ state: 'revoked' })

    const cases: [string[], RegExp][] = [
      [['token', 'revoke', usual.id as string], /revoked already/],
      [['token', 'revoke', 'no-such-token'], /no API token/],
      [['token', 'revoke'], /say which token/],
      [
        ['token', 'create', '--email', 'ann@example.com', '--name', 'x', '--expires-in-days', '0'],
        /--expires-in-days/,
      ],
      [
        ['token', 'create', '--email', 'ann@example.com', '--name', 'x', '--scope', 'admin'],
        /--scope/,
      ],
      [['token', 'list', '--email', 'nobody@example.com'], /no agent/],
    ]
    for (const [args, message] of cases) {
      const result = await run([...args, '--db', db])
      expect([args.join(' '), result.code]).toEqual([args.join(' '), 2])
      expect(result.stderr).toMatch(message)
    }
  }, 30_000)

  it('sets a password from standard input, never from the command line, and disables agents', async () => {
    const db = join(tempDir(), 'x.db')
    const created = await runWithInput(
      [
        'agent',
        'create',
        '--db',
        db,
        '--email',
        'bob@example.com',
        '--name',
        'Bob',
        '--password-stdin',
        '--json',
      ],
      'first-password\n',
    )
    expect(created.code).toBe(0)
    const hash = () => {
      const file = new Database(db, { readonly: true })
      const row = file.prepare('select password_hash, disabled_at from agents').get() as {
        password_hash: string
        disabled_at: string | null
      }
      file.close()
      return row
    }
    const first = hash().password_hash
    expect(first).toMatch(/^scrypt\$131072\$8\$1\$/) // the CLI hashes at the real cost

    const short = await runWithInput(
      ['agent', 'update', '--db', db, '--email', 'bob@example.com', '--password-stdin'],
      'short\n',
    )
    expect(short.code).toBe(2)
    expect(short.stderr).toMatch(/--password must be at least 8/)
    expect(hash().password_hash).toBe(first)

    const changed = await runWithInput(
      ['agent', 'update', '--db', db, '--email', 'bob@example.com', '--password-stdin', '--json'],
      'second-password\n',
    )
    expect(changed.code).toBe(0)
    expect(JSON.parse(changed.stdout)).toMatchObject({
      email: 'bob@example.com',
      passwordChanged: true,
    })
    expect(changed.stdout + changed.stderr).not.toContain('second-password')
    expect(hash().password_hash).not.toBe(first)
    // There is no flag that takes the new password as a value.
    const flag = await run([
      'agent',
      'update',
      '--db',
      db,
      '--email',
      'bob@example.com',
      '--password',
      'x',
    ])
    expect(flag.code).toBe(2)

    // The new password opens the inbox; the old one does not.
    const server = await serve(db)
    try {
      const login = (password: string) =>
        fetch(`${server.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'bob@example.com', password }),
        })
      expect((await login('first-password')).status).toBe(401)
      const ok = await login('second-password')
      expect(ok.status).toBe(200)
      const cookie = ok.headers.get('set-cookie')!.split(';')[0]!
      const disabled = await cli(['agent', 'disable', '--db', db, '--email', 'bob@example.com'])
      expect(disabled).toMatchObject({ email: 'bob@example.com', sessionsEnded: 1 })
      expect((await fetch(`${server.url}/api/v1/me`, { headers: { Cookie: cookie } })).status).toBe(
        401,
      )
      expect((await login('second-password')).status).toBe(403)
      expect((await run(['agent', 'disable', '--db', db, '--email', 'bob@example.com'])).code).toBe(
        2,
      )
      await cli(['agent', 'enable', '--db', db, '--email', 'bob@example.com'])
      expect((await login('second-password')).status).toBe(200)
    } finally {
      await server.stop()
    }
  }, 30_000)

  it('ends an open event stream of the server soon after its token is revoked', async () => {
    const db = join(tempDir(), 'x.db')
    const ann = ['--db', db, '--email', 'ann@example.com']
    await cli(['agent', 'create', ...ann, '--name', 'Ann', '--password', 'correct-horse'])
    const { id, token } = await cli(['token', 'create', ...ann, '--name', 'bot'])
    const server = await serve(db, ['--stream-check-seconds', '1'])
    try {
      const res = await fetch(`${server.url}/api/v1/events`, {
        headers: { Authorization: `Bearer ${token}` },
      })
      expect(res.status).toBe(200)
      const reader = res.body!.getReader()
      let text = ''
      while (!text.includes('event: ready'))
        text += new TextDecoder().decode((await reader.read()).value)
      await cli(['token', 'revoke', '--db', db, id as string])
      // From the moment the revocation is written, not from before its process started.
      const revokedAt = Date.now()
      const ended = await Promise.race([
        (async () => {
          while (!(await reader.read()).done);
          return Date.now() - revokedAt
        })(),
        new Promise<undefined>((resolve) => setTimeout(resolve, 5000)),
      ])
      expect(ended).toBeDefined()
      expect(ended!).toBeLessThan(2500)
      const again = await fetch(`${server.url}/api/v1/me`, {
        headers: { Authorization: `Bearer ${token}` },
      })
      expect(again.status).toBe(401)
    } finally {
      await server.stop()
    }
  }, 30_000)

  it('prints the audit trail, newest first, with who did what', async () => {
    const db = join(tempDir(), 'x.db')
    const ann = ['--db', db, '--email', 'ann@example.com']
    await cli(['project', 'create', '--db', db, '--name', 'Demo', '--prefix', 'DEMO'])
    await cli(['agent', 'create', ...ann, '--name', 'Ann', '--password', 'correct-horse'])
    const { id } = await cli(['token', 'create', ...ann, '--name', 'bot'])
    await cli(['token', 'revoke', '--db', db, id as string])
    await cli(['agent', 'disable', ...ann])
    const { items } = (await cli(['audit', '--db', db])) as {
      items: { action: string; actor: { kind: string; id: string | null }; target: string }[]
    }
    expect(items.map((e) => e.action)).toEqual([
      'agent.disable',
      'token.revoke',
      'token.create',
      'agent.create',
      'project.create',
    ])
    expect(items.every((e) => e.actor.kind === 'cli')).toBe(true)
    expect(items[1]!.target).toBe(id)
    expect(JSON.stringify(items)).not.toContain('correct-horse')
    const two = (await cli(['audit', '--db', db, '--limit', '2'])) as { items: unknown[] }
    expect(two.items).toHaveLength(2)
    const text = await run(['audit', '--db', db, '--limit', '1'])
    expect(text.stdout).toMatch(/agent\.disable\s+cli/)
    expect((await run(['audit', '--db', db, '--limit', 'ten'])).stderr).toMatch(/--limit/)
  }, 30_000)

  it('invites an agent with a one-time link that sets its password on the running server', async () => {
    const db = join(tempDir(), 'x.db')
    await cli(['project', 'create', '--db', db, '--name', 'Demo', '--prefix', 'DEMO'])
    const served = await serve(db)
    try {
      const made = (await cli([
        'agent',
        'invite',
        '--db',
        db,
        '--email',
        'bob@example.com',
        '--name',
        'Bob',
        '--project',
        'DEMO',
        '--public-url',
        served.url,
      ])) as { email: string; projects: string[]; invite: { url: string; expiresAt: string } }
      expect(made).toMatchObject({ email: 'bob@example.com', projects: ['DEMO'] })
      expect(made.invite.url).toMatch(new RegExp(`^${served.url}/inbox/invite#sbi_`))
      // For an agent that exists, only --email: a new link, and the first stops working.
      const text = await run(['agent', 'invite', '--db', db, '--email', 'bob@example.com'])
      expect(text.stdout).toMatch(/A new link for bob@example\.com[\s\S]*\/inbox\/invite#sbi_/)
      const newest = text.stdout.trim().split('\n').at(-1)!
      const accept = (url: string) =>
        fetch(`${served.url}/api/v1/auth/invite/accept`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: served.url },
          body: JSON.stringify({ token: url.split('#')[1], password: 'bob-password' }),
        })
      expect((await accept(made.invite.url)).status).toBe(404)
      expect((await accept(newest)).status).toBe(200)
      const login = await fetch(`${served.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: served.url },
        body: JSON.stringify({ email: 'bob@example.com', password: 'bob-password' }),
      })
      expect(login.status).toBe(200)
      const twice = await run([
        'agent',
        'invite',
        '--db',
        db,
        '--email',
        'bob@example.com',
        '--name',
        'B',
      ])
      expect(twice.code).toBe(2)
      expect(twice.stderr).toMatch(/exists already/)
      const nameless = await run(['agent', 'invite', '--db', db, '--email', 'new@example.com'])
      expect(nameless.code).toBe(2)
      expect(nameless.stderr).toMatch(/--name is required/)
    } finally {
      await served.stop()
    }
  }, 30_000)
})
