import { describe, expect, it } from 'vitest'
import { agentHarness } from '../../test/harness.js'
import { createAgent } from '../auth/agents.js'
import { dataUrl, png } from '../../test/images.js'

describe('agent ticket API', () => {
  it('reads a ticket by reference or id with environment, context, logs, timeline and screenshot URL', async () => {
    const h = await agentHarness()
    const filed = await h.file({
      description: 'Crash on save',
      app: { version: '4.30.34', build: '6255' },
      environment: {
        os: {
          name: 'Windows',
          version: '11',
          bitness: 64,
          architecture: 'x64',
          source: 'client-hints',
        },
      },
      context: { tenant: 'kvant' },
      logs: [{ level: 'error', message: 'boom', timestamp: 1 }],
      screenshot: dataUrl('image/png', png(30, 20)),
    })
    for (const ref of [filed.reference, filed.reference.toLowerCase(), filed.id]) {
      const res = await h.api(`/api/v1/tickets/${ref}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('etag')).toMatch(/^"1\.[\w-]{22}"$/)
      const t = await res.json()
      expect(t).toMatchObject({
        reference: 'DEMO-1',
        status: 'new',
        priority: 'normal',
        app: { version: '4.30.34', build: '6255' },
        environment: { os: { name: 'Windows', version: '11', bitness: 64 } },
        context: { tenant: 'kvant' },
        logs: [{ level: 'error', message: 'boom' }],
        screenshot: {
          url: 'https://support.example.com/api/v1/tickets/DEMO-1/screenshot',
          contentType: 'image/png',
          width: 30,
          height: 20,
        },
        version: 1,
      })
      expect(t.timeline.map((e: { type: string }) => e.type)).toEqual(['created'])
      expect(t.allowedActions.length).toBeGreaterThan(0)
    }
    expect((await h.api('/api/v1/tickets/DEMO-99')).status).toBe(404)
    expect((await h.api(`/api/v1/tickets/${'x'.repeat(500)}`)).status).toBe(404)
  })

  it('serves the screenshot with its real type, inline and never sniffed, to agents and the reporter only', async () => {
    const h = await agentHarness()
    const image = png(12, 9)
    const filed = await h.file({ description: 'x', screenshot: dataUrl('image/png', image) })
    const res = await h.api(`/api/v1/tickets/${filed.reference}/screenshot`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('content-disposition')).toBe('inline; filename="DEMO-1.png"')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), image)).toBe(0)
    expect((await h.reporter(filed.statusUrl, '/screenshot')).status).toBe(200)
    expect((await h.app.request(`/api/v1/tickets/${filed.reference}/screenshot`)).status).toBe(401)
    const other = await h.file({ description: 'no picture' })
    expect((await h.reporter(other.statusUrl, '/screenshot')).status).toBe(404)
  })

  it('walks a ticket through take, question, reporter answer, solution and confirmation', async () => {
    const h = await agentHarness()
    const { reference, statusUrl } = await h.file()
    const take = await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { assigneeId: 'me' },
    })
    expect(await take.json()).toMatchObject({
      status: 'in_progress',
      assignee: { email: 'ann@example.com' },
    })
    const ask = await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'Which printer?', status: 'waiting_on_reporter' },
    })
    expect(ask.status).toBe(201)
    expect(await ask.json()).toMatchObject({ status: 'waiting_on_reporter' })
    const answer = await h.reporter(statusUrl, '/comments', {
      method: 'POST',
      json: { body: 'The HP in room 4' },
    })
    expect(answer.status).toBe(201)
    expect(await answer.json()).toMatchObject({ status: 'in_progress' })
    const solve = await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'Driver updated', status: 'resolved' },
    })
    const solved = await solve.json()
    expect(solved).toMatchObject({ status: 'resolved' })
    expect(solved.autoCloseDueAt).toEqual(expect.any(String))
    const confirm = await h.reporter(statusUrl, '/confirm', { method: 'POST' })
    expect(await confirm.json()).toMatchObject({ status: 'closed', closeReason: 'confirmed' })
    const t = await (await h.api(`/api/v1/tickets/${reference}`)).json()
    expect(t).toMatchObject({ status: 'closed', closeReason: 'confirmed', reopenCount: 0 })
    expect(t.closedAt).toEqual(expect.any(String))
    expect(t.timeline.map((e: { type: string }) => e.type)).toContain('confirmed')
  })

  it('answers 409 naming the allowed transitions, and 409 for a change that changes nothing', async () => {
    const h = await agentHarness()
    const { reference } = await h.file()
    const res = await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { status: 'closed', closeReason: 'confirmed' },
    })
    expect(res.status).toBe(400)
    const close = await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { status: 'closed', closeReason: 'rejected', reason: 'Works as designed' },
    })
    expect(close.status).toBe(200)
    const illegal = await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'hi', status: 'resolved' },
    })
    expect(illegal.status).toBe(409)
    const problem = await illegal.json()
    expect(problem).toMatchObject({ code: 'illegal_transition', from: 'closed' })
    expect(problem.allowed.map((a: { action: string }) => a.action)).toContain('reopen')
    expect(problem.detail).toContain('reopen')
    const same = await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { priority: 'normal' },
    })
    expect(same.status).toBe(409)
    const nothing = await h.api(`/api/v1/tickets/${reference}`, { method: 'PATCH', json: {} })
    expect(nothing.status).toBe(409)
    expect(await nothing.json()).toMatchObject({ code: 'no_change' })
  })

  it('requires a reply to resolve, a reason to reopen and a comment to reject', async () => {
    const h = await agentHarness()
    const { reference } = await h.file()
    const empty = await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: '  ', status: 'resolved' },
    })
    expect(empty.status).toBe(400)
    expect((await empty.json()).errors[0].path).toBe('body')
    const reject = await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { status: 'closed', closeReason: 'rejected' },
    })
    expect(reject.status).toBe(400)
    await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { status: 'closed', closeReason: 'rejected', reason: 'Not our product' },
    })
    const reopen = await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { status: 'in_progress' },
    })
    expect(reopen.status).toBe(400)
    const reopened = await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { status: 'in_progress', reason: 'It is ours after all' },
    })
    expect(await reopened.json()).toMatchObject({
      status: 'in_progress',
      reopenCount: 1,
      closeReason: null,
    })
  })

  it('refuses a write with a stale If-Match (412) and writes nothing', async () => {
    const h = await agentHarness()
    const { reference } = await h.file()
    const first = await h.api(`/api/v1/tickets/${reference}`)
    const etag = first.headers.get('etag')!
    const ok = await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { priority: 'high' },
      headers: { 'If-Match': etag },
    })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('etag')).toMatch(/^"2\./)
    const stale = await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { priority: 'low' },
      headers: { 'If-Match': etag },
    })
    expect(stale.status).toBe(412)
    expect(await stale.json()).toMatchObject({ code: 'precondition_failed' })
    const staleNote = await h.api(`/api/v1/tickets/${reference}/notes`, {
      method: 'POST',
      json: { body: 'x' },
      headers: { 'If-Match': etag },
    })
    expect(staleNote.status).toBe(412)
    const read = await h.api(`/api/v1/tickets/${reference}`)
    const t = await read.json()
    expect(t).toMatchObject({ priority: 'high', version: 2 })
    expect(t.timeline.some((e: { type: string }) => e.type === 'internal_note')).toBe(false)
    // The write's answer is the ticket as a GET gives it: the same ETag.
    expect(read.headers.get('etag')).toBe(ok.headers.get('etag'))
    for (const cached of [
      read.headers.get('etag')!,
      `W/${read.headers.get('etag')}`,
      `"1", ${etag}, ${read.headers.get('etag')}`,
    ])
      expect(
        (await h.api(`/api/v1/tickets/${reference}`, { headers: { 'If-None-Match': cached } }))
          .status,
      ).toBe(304)
    expect(
      (await h.api(`/api/v1/tickets/${reference}`, { headers: { 'If-None-Match': etag } })).status,
    ).toBe(200)
  })

  it('answers a cached copy anew once the clock made its first response overdue', async () => {
    let now = Date.parse('2026-03-02T10:00:00.000Z') // a Monday, in working hours
    const h = await agentHarness({ now: () => new Date(now) })
    const { reference } = await h.file({ description: 'Nothing works', blocking: true })
    const first = await h.api(`/api/v1/tickets/${reference}`)
    const before = (await first.json()) as { firstResponseDueAt: string; version: number }
    expect(before).toMatchObject({ firstResponseOverdue: false, version: 1 })
    const etag = first.headers.get('etag')!
    const cached = () =>
      h.api(`/api/v1/tickets/${reference}`, { headers: { 'If-None-Match': etag } })
    expect((await cached()).status).toBe(304)

    now = Date.parse(before.firstResponseDueAt) + 1000
    const late = await cached()
    expect(late.status).toBe(200)
    expect(await late.json()).toMatchObject({ firstResponseOverdue: true, version: 1 })
    expect(late.headers.get('etag')).not.toBe(etag)
    // The clock is no change of the ticket: a write on the tag from before goes through.
    const write = await h.api(`/api/v1/tickets/${reference}`, {
      method: 'PATCH',
      json: { priority: 'critical' },
      headers: { 'If-Match': etag },
    })
    expect(write.status).toBe(200)
    expect(write.headers.get('etag')).toMatch(/^"2\./)
  })

  it('keeps internal notes and agent e-mail addresses from the reporter', async () => {
    const h = await agentHarness()
    const { reference, statusUrl } = await h.file()
    await h.api(`/api/v1/tickets/${reference}/notes`, {
      method: 'POST',
      json: { body: 'SECRET: customer owes us money' },
    })
    await h.api(`/api/v1/tickets/${reference}/replies`, {
      method: 'POST',
      json: { body: 'We are looking into it' },
    })
    const agentView = await (await h.api(`/api/v1/tickets/${reference}`)).json()
    expect(JSON.stringify(agentView)).toContain('SECRET')
    const reporterText = await (await h.reporter(statusUrl)).text()
    expect(reporterText).toContain('We are looking into it')
    expect(reporterText).toContain('Ann Agent')
    expect(reporterText).not.toContain('SECRET')
    expect(reporterText).not.toContain('ann@example.com')
    expect(reporterText).not.toContain(h.agent.id)
    const page = await (
      await h.app.request(statusUrl.replace('https://support.example.com', ''))
    ).text()
    expect(page).not.toContain('SECRET')
    expect(page).not.toContain('ann@example.com')
  })

  it('splits a new problem into a new ticket, linked both ways, same reporter and environment', async () => {
    const h = await agentHarness()
    const { reference } = await h.file({
      description: 'Two problems',
      reporter: { name: 'Anna', email: 'anna@example.com' },
      environment: { os: { name: 'macOS', version: '14.5' } },
    })
    const res = await h.api(`/api/v1/tickets/${reference}/split`, {
      method: 'POST',
      json: { subject: 'Second problem', description: 'The export also fails' },
    })
    expect(res.status).toBe(201)
    const created = await res.json()
    expect(created).toMatchObject({
      reference: 'DEMO-2',
      subject: 'Second problem',
      reporter: { name: 'Anna' },
      environment: { os: { name: 'macOS' } },
      splitFrom: { reference },
    })
    expect(created.statusUrl).toMatch(/\/status\//)
    expect((await h.reporter(created.statusUrl)).status).toBe(200)
    const original = await (await h.api(`/api/v1/tickets/${reference}`)).json()
    expect(original.status).toBe('in_progress')
    expect(original.timeline.find((e: { type: string }) => e.type === 'split').data.ticketId).toBe(
      created.id,
    )
    expect(created.timeline[0]).toMatchObject({
      type: 'created',
      data: { splitFromReference: reference },
    })
  })

  it('closes a duplicate with a comment, and the reporter sees which ticket it duplicates', async () => {
    const h = await agentHarness()
    const first = await h.file({ description: 'VPN is down' })
    const second = await h.file({ description: 'VPN down again' })
    const noComment = await h.api(`/api/v1/tickets/${second.reference}/link`, {
      method: 'POST',
      json: { duplicateOf: first.reference },
    })
    expect(noComment.status).toBe(400)
    const res = await h.api(`/api/v1/tickets/${second.reference}/link`, {
      method: 'POST',
      json: { duplicateOf: first.reference, comment: 'Same outage' },
    })
    expect(await res.json()).toMatchObject({
      status: 'closed',
      closeReason: 'duplicate',
      duplicateOf: { reference: first.reference },
    })
    expect(await (await h.reporter(second.statusUrl)).json()).toMatchObject({
      status: 'closed',
      closeReason: 'duplicate',
      duplicateOf: first.reference,
    })
    expect(
      (
        await h.api(`/api/v1/tickets/${first.reference}/link`, {
          method: 'POST',
          json: { duplicateOf: first.reference, comment: 'x' },
        })
      ).status,
    ).toBe(400)
  })

  it('resolves every open child of a mass incident with the same reply; each reporter answers alone', async () => {
    const h = await agentHarness()
    const parent = await h.file({ category: 'mass_incident', description: 'Nobody can log in' })
    const kids = [
      await h.file({ description: 'cannot log in' }),
      await h.file({ description: 'login broken' }),
      await h.file({ description: 'login again' }),
    ]
    for (const kid of kids) {
      const res = await h.api(`/api/v1/tickets/${kid.reference}/link`, {
        method: 'POST',
        json: { parent: parent.reference },
      })
      expect(res.status).toBe(200)
    }
    await h.reporter(kids[2]!.statusUrl, '/withdraw', { method: 'POST' })
    const notMass = await h.api(`/api/v1/tickets/${kids[0]!.reference}/link`, {
      method: 'POST',
      json: { parent: kids[1]!.reference },
    })
    expect(notMass.status).toBe(400)
    expect(
      (await (await h.api(`/api/v1/tickets/${parent.reference}`)).json()).children,
    ).toHaveLength(3)
    await h.api(`/api/v1/tickets/${parent.reference}/replies`, {
      method: 'POST',
      json: { body: 'The identity server is back', status: 'resolved' },
    })
    const [a, b, c] = await Promise.all(
      kids.map(async (k) => (await h.reporter(k.statusUrl)).json()),
    )
    expect(a).toMatchObject({ status: 'resolved' })
    expect(b).toMatchObject({ status: 'resolved' })
    expect(c).toMatchObject({ status: 'closed', closeReason: 'withdrawn' })
    expect(
      a.timeline.some(
        (e: { type: string; data: { body?: string } }) =>
          e.type === 'public_reply' && e.data.body === 'The identity server is back',
      ),
    ).toBe(true)
    await h.reporter(kids[0]!.statusUrl, '/confirm', { method: 'POST' })
    await h.reporter(kids[1]!.statusUrl, '/reopen', {
      method: 'POST',
      json: { reason: 'Still cannot log in' },
    })
    expect(await (await h.reporter(kids[0]!.statusUrl)).json()).toMatchObject({
      status: 'closed',
      closeReason: 'confirmed',
    })
    expect(await (await h.reporter(kids[1]!.statusUrl)).json()).toMatchObject({
      status: 'in_progress',
    })
  })

  it('answers 400 with field errors for bad agent input, never 5xx', async () => {
    const h = await agentHarness()
    const { reference } = await h.file()
    const cases: [string, string, unknown, number][] = [
      ['PATCH', '', { priority: 'urgent' }, 400],
      ['PATCH', '', { assigneeId: 42 }, 400],
      ['PATCH', '', { assigneeId: 'no-such-agent' }, 400],
      ['PATCH', '', { category: ['incident'] }, 400],
      ['PATCH', '', [1, 2], 400],
      ['POST', '/replies', { body: 'x'.repeat(20_001) }, 400],
      ['POST', '/replies', { body: 'ok', status: 'closed' }, 400],
      ['POST', '/notes', {}, 400],
      ['POST', '/split', { subject: 's' }, 400],
      ['POST', '/link', {}, 400],
      ['POST', '/link', { duplicateOf: 'DEMO-999', comment: 'x' }, 404],
    ]
    for (const [method, path, json, status] of cases) {
      const res = await h.api(`/api/v1/tickets/${reference}${path}`, { method, json })
      expect([method, path, JSON.stringify(json), res.status]).toEqual([
        method,
        path,
        JSON.stringify(json),
        status,
      ])
    }
    const notJson = await h.api(`/api/v1/tickets/${reference}/notes`, {
      method: 'POST',
      body: '{oops',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(notJson.status).toBe(400)
    const wrongType = await h.api(`/api/v1/tickets/${reference}/notes`, {
      method: 'POST',
      body: 'body=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(wrongType.status).toBe(415)
    expect((await (await h.api(`/api/v1/tickets/${reference}`)).json()).version).toBe(1)
  })

  it('gives each refusal of a bulk change the status the ticket was refused in', async () => {
    const h = await agentHarness()
    const shown = [await h.file(), await h.file(), await h.file()]
    // The queue showed all three as new; meanwhile one reporter withdrew, an agent took another.
    await h.reporter(shown[0]!.statusUrl, '/withdraw', { method: 'POST' })
    await h.api(`/api/v1/tickets/${shown[1]!.reference}`, {
      method: 'PATCH',
      json: { assigneeId: 'me' },
    })
    const bulk = (json: Record<string, unknown>) =>
      h.api('/api/v1/tickets/bulk', { method: 'POST', json })
    const assign = await bulk({
      references: [...shown.map((t) => t.reference), 'DEMO-99'],
      assigneeId: 'me',
    })
    expect(assign.status).toBe(200)
    expect(await assign.json()).toEqual({
      done: 1,
      refused: 3,
      results: [
        {
          reference: 'DEMO-1',
          ok: false,
          code: 'illegal_transition',
          detail: expect.stringContaining('closed'),
          status: 'closed',
        },
        {
          reference: 'DEMO-2',
          ok: false,
          code: 'no_change',
          detail: expect.any(String),
          status: 'in_progress',
        },
        { reference: 'DEMO-3', ok: true, status: 'in_progress', version: 2 },
        {
          reference: 'DEMO-99',
          ok: false,
          code: 'not_found',
          detail: expect.any(String),
          status: null,
        },
      ],
    })
    // A refusal before the lifecycle (a link to a ticket that is not there) has the status too.
    const link = await bulk({ references: ['DEMO-3'], parent: 'DEMO-77' })
    expect((await link.json()).results).toEqual([
      {
        reference: 'DEMO-3',
        ok: false,
        code: 'not_found',
        detail: 'No ticket DEMO-77',
        status: 'in_progress',
      },
    ])
  })

  it('streams ticket changes to agents as Server-Sent Events', async () => {
    const h = await agentHarness()
    const res = await h.api('/api/v1/events')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const until = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value)
    }
    await until('event: ready')
    const { reference } = await h.file()
    await until('event: ticket.created')
    await h.api(`/api/v1/tickets/${reference}`, { method: 'PATCH', json: { priority: 'high' } })
    await until('event: ticket.changed')
    await reader.cancel()
    const changed = text.split('\n\n').find((block) => block.includes('ticket.changed'))!
    const data = changed
      .split('\n')
      .find((line) => line.startsWith('data: '))!
      .slice(6)
    expect(JSON.parse(data)).toMatchObject({ reference, version: 2, status: 'new' })
    expect((await h.app.request('/api/v1/events')).status).toBe(401)
  })

  it('lists the agents a ticket can be assigned to, and names them in assignment events', async () => {
    const h = await agentHarness()
    const bob = await createAgent(h.db, {
      email: 'bob@example.com',
      name: 'Bob Agent',
      password: 'correct-horse',
      projects: ['DEMO'],
    })
    const agents = await (await h.api('/api/v1/agents')).json()
    expect(agents.items.map((a: { name: string }) => a.name)).toEqual(['Ann Agent', 'Bob Agent'])
    expect(agents.items[0]).not.toHaveProperty('passwordHash')
    const { reference } = await h.file()
    await h.api(`/api/v1/tickets/${reference}`, { method: 'PATCH', json: { assigneeId: 'me' } })
    await h.api(`/api/v1/tickets/${reference}`, { method: 'PATCH', json: { assigneeId: bob.id } })
    const t = await (await h.api(`/api/v1/tickets/${reference}`)).json()
    const moves = t.timeline
      .filter((e: { type: string }) => e.type === 'assigned')
      .map((e: { data: unknown }) => e.data)
    expect(moves).toMatchObject([
      { fromName: null, toName: 'Ann Agent' },
      { fromName: 'Ann Agent', toName: 'Bob Agent' },
    ])
    expect(t.assignee).toMatchObject({ name: 'Bob Agent' })
  })

  it('lets a reporter with an unknown token see nothing', async () => {
    const h = await agentHarness()
    for (const token of ['nope', 'A'.repeat(43), '../../etc/passwd', "' OR 1=1 --"]) {
      const res = await h.app.request(`/api/v1/status/${encodeURIComponent(token)}`)
      expect(res.status).toBe(404)
    }
  })
})
