import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from './harness.js'
import { cli, serve, type Served } from './process.js'

let running: Served | undefined
afterEach(() => {
  running?.child.kill('SIGKILL')
  running = undefined
})

describe('a request from intake to confirmation, on a real server', () => {
  it('goes new → in progress → waiting → in progress → resolved → reopened → resolved → closed', async () => {
    const db = join(tempDir(), 'snagbox.db')
    const { key } = await cli([
      'project',
      'create',
      '--db',
      db,
      '--name',
      'Kvant',
      '--prefix',
      'KE',
    ])
    await cli([
      'agent',
      'create',
      '--db',
      db,
      '--email',
      'ann@example.com',
      '--name',
      'Ann',
      '--password',
      'correct-horse',
      '--project',
      'KE',
    ])
    const { token } = await cli([
      'token',
      'create',
      '--db',
      db,
      '--email',
      'ann@example.com',
      '--name',
      'story',
    ])
    running = await serve(db)
    const base = running.url
    const agent = async (method: string, path: string, json?: unknown) => {
      const res = await fetch(`${base}/api/v1/tickets/${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(json ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(json ? { body: JSON.stringify(json) } : {}),
      })
      expect(res.status).toBeLessThan(300)
      return res.json()
    }

    const intake = await fetch(`${base}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Snagbox-Key': key as string },
      body: JSON.stringify({
        description: 'Reports do not print',
        blocking: true,
        reporter: { name: 'Boris', email: 'boris@example.com' },
      }),
    })
    expect(intake.status).toBe(201)
    const { reference, statusUrl } = await intake.json()
    expect(reference).toBe('KE-1')
    const tokenPath = new URL(statusUrl).pathname.replace('/status/', '')
    const reporter = async (path: string, json?: unknown) => {
      const res = await fetch(`${base}/api/v1/status/${tokenPath}${path}`, {
        method: json === undefined && path === '' ? 'GET' : 'POST',
        headers: json ? { 'Content-Type': 'application/json' } : {},
        ...(json ? { body: JSON.stringify(json) } : {}),
      })
      expect(res.status).toBeLessThan(300)
      return res.json()
    }

    expect(await agent('PATCH', reference, { assigneeId: 'me' })).toMatchObject({
      status: 'in_progress',
      priority: 'high',
    })
    expect(
      await agent('POST', `${reference}/replies`, {
        body: 'Which printer is it?',
        status: 'waiting_on_reporter',
      }),
    ).toMatchObject({ status: 'waiting_on_reporter' })
    expect(
      await reporter('/comments', { body: 'HP LaserJet 1020 on the second floor' }),
    ).toMatchObject({ status: 'in_progress' })
    expect(
      await agent('POST', `${reference}/replies`, {
        body: 'Reinstalled the driver',
        status: 'resolved',
      }),
    ).toMatchObject({ status: 'resolved' })
    expect(await reporter('/reopen', { reason: 'Prints blank pages now' })).toMatchObject({
      status: 'in_progress',
    })
    expect(
      await agent('POST', `${reference}/replies`, {
        body: 'Replaced the toner',
        status: 'resolved',
      }),
    ).toMatchObject({ status: 'resolved' })
    expect(await reporter('/confirm', {})).toMatchObject({
      status: 'closed',
      closeReason: 'confirmed',
    })

    const ticket = await agent('GET', reference)
    expect(ticket).toMatchObject({ status: 'closed', closeReason: 'confirmed', reopenCount: 1 })
    const statuses = ticket.timeline
      .filter((e: { type: string }) => e.type === 'status_changed')
      .map((e: { data: { to: string } }) => e.data.to)
    expect(statuses).toEqual([
      'in_progress',
      'waiting_on_reporter',
      'in_progress',
      'resolved',
      'in_progress',
      'resolved',
      'closed',
    ])

    const page = await (await fetch(statusUrl.replace(/^https?:\/\/[^/]+/, base))).text()
    expect(page).toContain('KE-1')
    expect(page).toContain('Replaced the toner')
    const search = await fetch(`${base}/api/v1/tickets?q=toner`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect((await search.json()).items.map((i: { reference: string }) => i.reference)).toEqual([
      'KE-1',
    ])
    expect(await running.stop()).toBe(0)
  })
})
