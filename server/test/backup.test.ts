import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { crc32, deflateSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/client.js'
import { tempDir } from './harness.js'
import { BIN, cli, serve, type Served } from './process.js'

let running: Served | undefined
afterEach(() => {
  running?.child.kill('SIGKILL')
  running = undefined
})

/** A real PNG of random pixels: it does not compress, like the screenshots that make databases big. */
function noisePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows = Array.from({ length: height }, () =>
    Buffer.concat([Buffer.from([0]), randomBytes(width * 3)]),
  )
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const SEEDED = 100

interface Busy {
  dir: string
  db: string
  url: string
  key: string
  token: string
}

/**
 * A real `snagbox serve` on a database of some 100 MB: 100 tickets with a 1 MB screenshot each.
 * Big enough that SQLite's online backup in its default steps of 100 pages, restarted by every
 * commit of the server between two steps, never finished while the writers went on (at 40 MB it
 * still did, in about ten times its idle time).
 */
async function busyServer(screenshots = SEEDED): Promise<Busy> {
  const dir = tempDir()
  const db = join(dir, 'snagbox.db')
  const { key } = await cli(['project', 'create', '--db', db, '--name', 'Demo', '--prefix', 'DEMO'])
  const ann = ['--db', db, '--email', 'ann@example.com']
  await cli([
    'agent',
    'create',
    ...ann,
    '--name',
    'Ann',
    '--password',
    'correct-horse-battery',
    '--role',
    'admin',
  ])
  const { token } = await cli(['token', 'create', ...ann, '--name', 'load'])
  running = await serve(db, ['--rate-limit-ip', '1000000', '--rate-limit-project', '1000000'])
  const busy = { dir, db, url: running.url, key: key as string, token: token as string }
  const screenshot = `data:image/png;base64,${noisePng(580, 580).toString('base64')}`
  for (let i = 0; i < screenshots; i++) {
    const res = await postTicket(busy, { description: `seed ${i}`, screenshot })
    expect(res.status).toBe(201)
  }
  return busy
}

const postTicket = (busy: Busy, body: Record<string, unknown>) =>
  fetch(`${busy.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'X-Snagbox-Key': busy.key, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

/**
 * Writers that post a ticket and then a reply to it, over and over, until stopped (or for at
 * most `ms`): the steady writes of a busy server. Every answer is counted; nothing is retried.
 */
function writeLoad(busy: Busy, { writers = 4, ms = 20_000 } = {}) {
  const tickets: string[] = []
  const replies: string[] = []
  const failures: string[] = []
  let writing = true
  const deadline = setTimeout(() => (writing = false), ms)
  const writer = async (n: number) => {
    for (let i = 0; writing; i++) {
      const res = await postTicket(busy, { description: `writer ${n} report ${i}` })
      if (res.status !== 201) {
        failures.push(`ticket: ${res.status} ${await res.text()}`)
        continue
      }
      const { reference } = (await res.json()) as { reference: string }
      tickets.push(reference)
      const reply = await fetch(`${busy.url}/api/v1/tickets/${reference}/replies`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${busy.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: `Looking into ${reference}.` }),
      })
      if (reply.status === 201) replies.push(reference)
      else failures.push(`reply: ${reply.status} ${await reply.text()}`)
    }
  }
  const done = Promise.all(Array.from({ length: writers }, (_, i) => writer(i + 1)))
  return {
    tickets,
    replies,
    failures,
    get writing() {
      return writing
    },
    writes: () => tickets.length + replies.length,
    /** Waits until `n` replies were acknowledged; throws what went wrong if the writers fail. */
    async replied(n: number) {
      while (replies.length < n) {
        if (failures.length || !writing) throw new Error(`the writers failed: ${failures[0]}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    async stop() {
      writing = false
      clearTimeout(deadline)
      await done
    },
  }
}

interface Timeline {
  reference: string
  version: number
  status: string
  first: string
  created: number
  replies: number
  moves: number
}

/**
 * What a consistent snapshot of this database looks like: SQLite finds nothing wrong; the
 * tickets are DEMO-1…DEMO-n with no gap (the count at one instant); every ticket has its
 * `created` event first, and a reply — which bumps the version and moves the ticket to
 * in_progress in the same transaction — is there entirely or not at all.
 */
function checkSnapshot(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    const seq = (db.prepare('select ticket_seq as n from projects').get() as { n: number }).n
    const refs = (db.prepare('select reference from tickets').all() as { reference: string }[])
      .map((r) => r.reference)
      .sort()
    expect(refs).toEqual(Array.from({ length: seq }, (_, i) => `DEMO-${i + 1}`).sort())
    const timelines = db
      .prepare(
        `select t.reference, t.version, t.status,
           (select type from ticket_events e where e.ticket_id = t.id order by e.id limit 1) as first,
           (select count(*) from ticket_events e where e.ticket_id = t.id and e.type = 'created') as created,
           (select count(*) from ticket_events e where e.ticket_id = t.id and e.type = 'public_reply') as replies,
           (select count(*) from ticket_events e where e.ticket_id = t.id and e.type = 'status_changed') as moves
         from tickets t`,
      )
      .all() as Timeline[]
    const torn = timelines.filter(
      (t) =>
        t.first !== 'created' ||
        t.created !== 1 ||
        t.replies !== t.version - 1 ||
        t.moves !== t.version - 1 ||
        t.status !== (t.version === 1 ? 'new' : 'in_progress'),
    )
    expect(torn).toEqual([])
    // Every ticket is findable: its `created` event has its row in the full-text index.
    const unsearchable = db
      .prepare(
        `select count(*) as n from ticket_events e
         where e.type = 'created' and e.id not in (select rowid from ticket_search)`,
      )
      .get() as { n: number }
    expect(unsearchable.n).toBe(0)
    const replied = db
      .prepare(
        `select t.reference from tickets t
         where exists (select 1 from ticket_events e where e.ticket_id = t.id and e.type = 'public_reply')`,
      )
      .all() as { reference: string }[]
    return { tickets: new Set(refs), replied: new Set(replied.map((r) => r.reference)) }
  } finally {
    db.close()
  }
}

const mode = (file: string) => statSync(file).mode & 0o777

describe('snagbox backup', () => {
  it('finishes while the server keeps writing, with a consistent snapshot', async () => {
    const busy = await busyServer()
    const load = writeLoad(busy)
    await load.replied(20)

    const tickets = [...load.tickets]
    const replies = [...load.replies]
    const writesBefore = load.writes()
    const copy = join(busy.dir, 'backup.db')
    const started = performance.now()
    const result = await cli(['backup', copy, '--db', busy.db])
    const seconds = (performance.now() - started) / 1000
    const writingWhenDone = load.writing
    const writesDuring = load.writes() - writesBefore
    await load.stop()

    expect(result.file).toBe(copy)
    // It finished before the writes stopped (they would have at 20 s), and they went on meanwhile.
    expect(writingWhenDone).toBe(true)
    expect(seconds).toBeLessThan(20)
    expect(writesDuring).toBeGreaterThan(0)
    expect(load.failures).toEqual([])

    const backup = checkSnapshot(copy)
    for (const ref of tickets) expect(backup.tickets.has(ref)).toBe(true)
    for (const ref of replies) expect(backup.replied.has(ref)).toBe(true)
    // A snapshot of one instant: no more tickets than were ever acknowledged (all were, once the
    // writers stopped).
    expect(backup.tickets.size).toBeLessThanOrEqual(SEEDED + load.tickets.length)
    expect(mode(copy)).toBe(0o600)
    expect(readdirSync(busy.dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    openDatabase(copy).$client.close() // the server can start from it
  }, 60_000)

  it('never leaves a half copy under the backup’s name when it is killed midway', async () => {
    const busy = await busyServer(40)
    const copy = join(busy.dir, 'backup.db')
    const load = writeLoad(busy)
    await load.replied(20)
    const child = execFile(process.execPath, [BIN, 'backup', copy, '--db', busy.db])
    const exited = new Promise((resolve) => child.once('exit', resolve))
    // Kill it once pages are being written to its file (whatever it is called).
    const size = (f: string) => statSync(join(busy.dir, f), { throwIfNoEntry: false })?.size ?? 0
    const written = () =>
      readdirSync(busy.dir).some((f) => !f.startsWith('snagbox.db') && size(f) > 64 * 1024)
    while (!written()) await new Promise((r) => setTimeout(r, 1))
    child.kill('SIGKILL')
    await exited
    await load.stop()

    // The name is either absent or a whole backup (had it finished before the kill).
    if (existsSync(copy)) {
      expect(existsSync(`${copy}-journal`)).toBe(false)
      checkSnapshot(copy)
    }
    expect(load.failures).toEqual([])
  }, 60_000)

  it('keeps the previous backup when the new one cannot be written', async () => {
    if (process.platform === 'win32') return // needs a POSIX shell's file size limit
    const busy = await busyServer(40)
    const copy = join(busy.dir, 'backup.db')
    await cli(['backup', copy, '--db', busy.db])
    const previous = readFileSync(copy)
    const load = writeLoad(busy, { writers: 1 })
    await load.replied(5)
    await load.stop()

    // A file size limit below the database's size: the copy fails part way, as on a full disk.
    const limited = promisify(execFile)('/bin/sh', [
      '-c',
      'trap "" XFSZ; ulimit -f 8192; exec "$0" "$@"',
      process.execPath,
      BIN,
      'backup',
      copy,
      '--db',
      busy.db,
    ])
    await expect(limited).rejects.toMatchObject({
      stderr: expect.stringContaining('disk I/O error'),
    })
    expect(readFileSync(copy).equals(previous)).toBe(true)
    expect(
      readdirSync(busy.dir).filter((f) => f.startsWith('.') || f.startsWith('backup')),
    ).toEqual(['backup.db'])
  }, 60_000)

  it('creates the database, its -wal and -shm, and its backups readable by their owner only', async () => {
    const dir = tempDir()
    const db = join(dir, 'data', 'snagbox.db')
    await cli(['project', 'create', '--db', db, '--name', 'Demo', '--prefix', 'DEMO'])
    running = await serve(db)
    expect(mode(db)).toBe(0o600)
    expect(mode(`${db}-wal`)).toBe(0o600)
    expect(mode(`${db}-shm`)).toBe(0o600)
    const copy = join(dir, 'backup.db')
    await cli(['backup', copy, '--db', db])
    expect(mode(copy)).toBe(0o600)
  }, 30_000)
})

describe('snagbox backup refuses a target it must not write', () => {
  const fails = async (args: string[]) => {
    const err = await promisify(execFile)(process.execPath, [BIN, ...args]).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    )
    return { code: err?.code, stderr: err?.stderr.trim() }
  }

  it('says so, with exit code 2, for a missing folder, a folder, the database itself, or a file open as a database', async () => {
    const dir = tempDir()
    const db = join(dir, 'snagbox.db')
    await cli(['project', 'create', '--db', db, '--name', 'Demo', '--prefix', 'DEMO'])
    const open = new Database(join(dir, 'open.db'))
    open.pragma('journal_mode = WAL')
    open.exec('create table t (x); insert into t values (1)')
    try {
      expect(await fails(['backup', join(dir, 'missing', 'b.db'), '--db', db])).toEqual({
        code: 2,
        stderr: `snagbox: the folder ${join(dir, 'missing')} does not exist`,
      })
      expect(await fails(['backup', dir, '--db', db])).toEqual({
        code: 2,
        stderr: `snagbox: ${dir} is a folder: name the backup file, e.g. ${join(dir, 'snagbox.db')}`,
      })
      expect(await fails(['backup', db, '--db', db])).toEqual({
        code: 2,
        stderr: `snagbox: ${db} is the database itself: name another file`,
      })
      expect(await fails(['backup', join(dir, 'open.db'), '--db', db])).toEqual({
        code: 2,
        stderr: `snagbox: ${join(dir, 'open.db')} is open as a database (open.db-wal is beside it): close it or name another file`,
      })
      expect(open.prepare('select x from t').all()).toEqual([{ x: 1 }])
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    } finally {
      open.close()
    }
  }, 30_000)
})
