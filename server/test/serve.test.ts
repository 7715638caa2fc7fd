import { request } from 'node:http'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from './harness.js'
import { png } from './images.js'
import { cli, serve, type Served } from './process.js'

let running: Served | undefined
afterEach(() => {
  running?.child.kill('SIGKILL')
  running = undefined
})

async function setup() {
  const db = join(tempDir(), 'snagbox.db')
  const project = await cli(['project', 'create', '--db', db, '--name', 'Demo', '--prefix', 'DEMO'])
  return { db, key: project.key as string }
}

function ticketForm(description: string, image?: Buffer): FormData {
  const form = new FormData()
  form.set('payload', JSON.stringify({ description, app: { version: '4.30.34', build: '6255' } }))
  if (image)
    form.set('screenshot', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'screen.png')
  return form
}

describe('snagbox serve, as a real process', () => {
  it('takes a multipart ticket with a PNG, keeps it across SIGTERM and a restart', async () => {
    const { db, key } = await setup()
    running = await serve(db)
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200)

    const image = png(320, 200, [10, 120, 200])
    const res = await fetch(`${running.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'X-Snagbox-Key': key, 'Idempotency-Key': 'restart-test-1' },
      body: ticketForm('Printing fails with error 0x80070005', image),
    })
    expect(res.status).toBe(201)
    const created = await res.json()
    expect(created.reference).toBe('DEMO-1')

    const file = new Database(db, { readonly: true })
    const row = file
      .prepare(
        `select t.reference, t.app, a.content_type, a.width, a.height, a.data
      from tickets t join attachments a on a.ticket_id = t.id`,
      )
      .get() as Record<string, unknown>
    file.close()
    expect(row).toMatchObject({
      reference: 'DEMO-1',
      content_type: 'image/png',
      width: 320,
      height: 200,
    })
    expect(JSON.parse(row.app as string)).toEqual({ version: '4.30.34', build: '6255' })
    expect(Buffer.compare(row.data as Buffer, image)).toBe(0)

    expect(await running.stop()).toBe(0)
    running = await serve(db)
    const again = await fetch(`${running.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'X-Snagbox-Key': key, 'Idempotency-Key': 'restart-test-1' },
      body: ticketForm('Printing fails with error 0x80070005', image),
    })
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ id: created.id, reference: 'DEMO-1' })
    const next = await fetch(`${running.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'X-Snagbox-Key': key, 'Content-Type': 'application/json' },
      body: JSON.stringify({ description: 'second' }),
    })
    expect(await next.json()).toMatchObject({ reference: 'DEMO-2' })
    expect(await running.stop()).toBe(0)
  })

  it('finishes a request in flight when told to stop, then exits 0', async () => {
    const { db, key } = await setup()
    running = await serve(db)
    const body = JSON.stringify({ description: 'sent slowly while the server stops' })
    const url = new URL(`${running.url}/api/v1/tickets`)
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'X-Snagbox-Key': key,
          },
        },
        (res) => {
          let text = ''
          res.on('data', (d) => (text += d))
          res.on('end', () => resolve({ status: res.statusCode!, body: text }))
        },
      )
      req.on('error', reject)
      req.write(body.slice(0, 10))
      setTimeout(() => req.end(body.slice(10)), 400)
    })
    await new Promise((r) => setTimeout(r, 100))
    const exited = running.stop()
    const { status, body: text } = await answer
    expect(status).toBe(201)
    expect(JSON.parse(text).reference).toBe('DEMO-1')
    expect(await exited).toBe(0)
  })

  it('refuses a body announced as 1 GB at once, without reading it', async () => {
    const { db, key } = await setup()
    running = await serve(db)
    const url = new URL(`${running.url}/api/v1/tickets`)
    const started = Date.now()
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': 1024 ** 3,
            'X-Snagbox-Key': key,
          },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode!)
          req.destroy()
        },
      )
      req.on('error', (err) =>
        err.message.includes('EPIPE') || err.message.includes('ECONNRESET')
          ? undefined
          : reject(err),
      )
      req.write('{"description":"')
    })
    expect(status).toBe(413)
    expect(Date.now() - started).toBeLessThan(5000)
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200)
  })
})
