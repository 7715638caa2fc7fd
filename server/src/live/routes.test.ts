import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { ROUTES } from '@snagbox/sdk/contract'
import { agentHarness } from '../../test/harness.js'
import { count, getOver, serveOnSocket, stopsReading, until } from '../../test/stalled-socket.js'
import { appDeps } from '../deps.js'
import { decide } from '../tickets/lifecycle/decide.js'
import { applyDecision } from '../tickets/store/write.js'
import { PresenceBoard } from './presence.js'
import { LIVE_BOUNDS, liveRoutes } from './routes.js'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((fn) => fn()))

describe('the event stream of a reader that stops reading', () => {
  it('keeps a bounded backlog, ends, and the server keeps answering the others', async () => {
    const h = await agentHarness()
    // Two streams of the app's: one ended by its backlog, one by its stall time alone.
    const deps = appDeps({ db: h.db, config: h.config, changes: h.changes })
    const board = new PresenceBoard()
    const app = new Hono()
      .route(`${ROUTES.events}/behind`, liveRoutes(deps, board, { ...LIVE_BOUNDS, backlog: 100 }))
      .route(`${ROUTES.events}/stalled`, liveRoutes(deps, board, { backlog: 1e9, stallMs: 1_000 }))
      .all('*', (c) => h.app.fetch(c.req.raw))
    const { path, sockets, close } = await serveOnSocket(app)
    cleanups.push(close)
    const auth = { Authorization: `Bearer ${h.token}` }
    const listeners = () => (h.changes as unknown as { listeners: Set<unknown> }).listeners.size
    const base = listeners()
    const behind = await stopsReading(path, `${ROUTES.events}/behind`, auth)
    const stalled = await stopsReading(path, `${ROUTES.events}/stalled`, auth)
    const reader = getOver(path, `${ROUTES.events}/behind`, auth)
    cleanups.push(behind.destroy, stalled.destroy, reader.close)
    await until(() => reader.text().includes('event: ready'), 'the reading stream')
    expect(listeners()).toBe(base + 3)

    // Changes committed one after another while two of the three readers read nothing.
    const { id } = await h.file()
    const actor = { kind: 'agent' as const, id: h.agent.id }
    let commits = 0
    while (listeners() > base + 1) {
      if (commits >= 5_000) throw new Error('the streams never stopped listening')
      for (let i = 0; i < 20; i++, commits++) {
        const priority = commits % 2 ? 'low' : 'high'
        applyDecision(h, {
          ticketId: id,
          actor,
          now: new Date(),
          decide: (state, ctx) => decide(state, { type: 'set_priority', priority }, actor, ctx),
        })
      }
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    // The stalled reader's connection was dropped; the one behind waits for its reader to come.
    expect(sockets[1]!.destroyed).toBe(true)
    expect(sockets[0]!.destroyed).toBe(false)
    // The others are answered meanwhile, and the reading stream has every change.
    expect((await getOver(path, ROUTES.healthz, {}).answered).statusCode).toBe(200)
    await until(() => reader.text().includes(`id: ${id}:${1 + commits}`), 'the last change')
    expect(count(reader.text(), 'event: ticket.changed')).toBe(commits)

    // Read at last, the stream that fell behind has had the start, then the end and its reason.
    const late = await behind.rest()
    const told = count(late, 'event: ticket.changed')
    expect(told).toBeGreaterThan(0)
    expect(told).toBeLessThan(commits)
    expect(late).toMatch(/event: ended\ndata: \{"reason":"behind"\}\n\n\r\n0\r\n\r\n$/)
    // The dropped one ends where its buffers did, told of less still.
    const dropped = await stalled.rest()
    expect(count(dropped, 'event: ticket.changed')).toBeLessThan(commits)
    expect(dropped).not.toContain('event: ended')
    expect(listeners()).toBe(base + 1)
    board.close()
  }, 90_000)
})
