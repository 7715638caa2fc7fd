import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from './harness.js'
import { cli, serve, type Served } from './process.js'

let running: Served | undefined
afterEach(() => {
  running?.child.kill('SIGKILL')
  running = undefined
})

describe('snagbox backup', () => {
  it('copies a database being written to, with every ticket acknowledged before it started', async () => {
    const dir = tempDir()
    const db = join(dir, 'snagbox.db')
    const { key } = await cli([
      'project',
      'create',
      '--db',
      db,
      '--name',
      'Demo',
      '--prefix',
      'DEMO',
    ])
    running = await serve(db)
    const acknowledged: string[] = []
    let writing = true
    const writer = async (n: number) => {
      for (let i = 0; writing; i++) {
        const res = await fetch(`${running!.url}/api/v1/tickets`, {
          method: 'POST',
          headers: { 'X-Snagbox-Key': key as string, 'Content-Type': 'application/json' },
          body: JSON.stringify({ description: `writer ${n} report ${i} ${'x'.repeat(2000)}` }),
        })
        expect(res.status).toBe(201)
        acknowledged.push((await res.json()).reference)
      }
    }
    const writers = [1, 2, 3, 4].map(writer)
    while (acknowledged.length < 100) await new Promise((r) => setTimeout(r, 20))

    const before = [...acknowledged]
    const copy = join(dir, 'backup.db')
    const result = await cli(['backup', copy, '--db', db])
    const during = acknowledged.length
    writing = false
    await Promise.all(writers)

    expect(result.file).toBe(copy)
    expect(during).toBeGreaterThan(before.length) // tickets kept being written during the backup
    const backup = new Database(copy, { readonly: true })
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok')
    const refs = new Set(
      (backup.prepare('select reference from tickets').all() as { reference: string }[]).map(
        (r) => r.reference,
      ),
    )
    const seq = (backup.prepare('select ticket_seq from projects').get() as { ticket_seq: number })
      .ticket_seq
    backup.close()
    for (const ref of before) expect(refs.has(ref)).toBe(true)
    // A consistent copy: the counter matches the tickets it holds, with no gap.
    expect(refs.size).toBe(seq)
  })
})
