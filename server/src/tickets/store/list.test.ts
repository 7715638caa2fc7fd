import { describe, expect, it } from 'vitest'
import { agentHarness, type AgentHarness } from '../../../test/harness.js'

async function list(h: AgentHarness, query = '') {
  const res = await h.api(`/api/v1/tickets${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as {
    items: { reference: string; status: string; priority: string }[]
    nextCursor: string | null
  }
}
const refs = (page: { items: { reference: string }[] }) => page.items.map((i) => i.reference)

describe('GET /api/v1/tickets', () => {
  it('lists open tickets first, by priority, then oldest first', async () => {
    let clock = Date.parse('2026-11-24T08:00:00Z')
    const h = await agentHarness({ now: () => new Date((clock += 1000)) })
    await h.file({ description: 'normal, oldest' }) // DEMO-1
    await h.file({ description: 'blocking', blocking: true }) // DEMO-2 high
    await h.file({ description: 'outage', category: 'mass_incident' }) // DEMO-3 critical
    await h.file({ description: 'normal, newer' }) // DEMO-4
    await h.file({ description: 'to close', category: 'mass_incident' }) // DEMO-5 critical, closed below
    await h.api('/api/v1/tickets/DEMO-5', {
      method: 'PATCH',
      json: { status: 'closed', closeReason: 'rejected', reason: 'test' },
    })
    await h.api('/api/v1/tickets/DEMO-1', { method: 'PATCH', json: { priority: 'low' } })
    expect(refs(await list(h))).toEqual(['DEMO-3', 'DEMO-2', 'DEMO-4', 'DEMO-1', 'DEMO-5'])
  })

  it('filters by status, category, priority, assignee, app version, OS and update time', async () => {
    let clock = Date.parse('2026-11-24T08:00:00Z')
    const h = await agentHarness({ now: () => new Date((clock += 60_000)) })
    await h.file({
      description: 'a',
      app: { version: '4.30.34' },
      environment: { os: { name: 'Windows', version: '11' } },
    })
    await h.file({
      description: 'b',
      category: 'consultation',
      app: { version: '4.30.35' },
      environment: { os: { name: 'macOS', version: '14.5' } },
    })
    await h.file({
      description: 'c',
      blocking: true,
      environment: { os: { name: 'Windows', version: '10' } },
    })
    await h.api('/api/v1/tickets/DEMO-2', { method: 'PATCH', json: { assigneeId: 'me' } })
    const since = new Date(clock + 1).toISOString()
    await h.api('/api/v1/tickets/DEMO-3', { method: 'PATCH', json: { priority: 'critical' } })
    expect(refs(await list(h, '?status=in_progress'))).toEqual(['DEMO-2'])
    expect(refs(await list(h, '?status=new,in_progress&category=consultation'))).toEqual(['DEMO-2'])
    expect(refs(await list(h, '?priority=critical'))).toEqual(['DEMO-3'])
    expect(refs(await list(h, '?assignee=me'))).toEqual(['DEMO-2'])
    expect(refs(await list(h, `?assignee=${h.agent.id}`))).toEqual(['DEMO-2'])
    expect(refs(await list(h, '?assignee=none'))).toEqual(['DEMO-3', 'DEMO-1'])
    expect(refs(await list(h, '?appVersion=4.30.34'))).toEqual(['DEMO-1'])
    expect(refs(await list(h, '?os=windows'))).toEqual(['DEMO-3', 'DEMO-1'])
    expect(refs(await list(h, '?os=Windows%2011'))).toEqual(['DEMO-1'])
    expect(refs(await list(h, `?updatedSince=${encodeURIComponent(since)}`))).toEqual(['DEMO-3'])
    expect(refs(await list(h, '?status=open'))).toHaveLength(3)
  })

  it('searches subject, description, public replies and reporter comments, in any language', async () => {
    const h = await agentHarness()
    const a = await h.file({ description: 'Принтер не печатает после обновления' })
    await h.file({ description: 'Export to Excel fails', subject: 'Excel export' })
    const c = await h.file({ description: 'Something odd' })
    await h.api(`/api/v1/tickets/${c.reference}/replies`, {
      method: 'POST',
      json: { body: 'Please reinstall the scanner driver' },
    })
    await h.reporter(a.statusUrl, '/comments', {
      method: 'POST',
      json: { body: 'Модель HP LaserJet 1020' },
    })
    await h.api(`/api/v1/tickets/${c.reference}/notes`, {
      method: 'POST',
      json: { body: 'internal keyword zebra' },
    })
    expect(refs(await list(h, `?q=${encodeURIComponent('принтер')}`))).toEqual(['DEMO-1'])
    expect(refs(await list(h, '?q=laserjet'))).toEqual(['DEMO-1'])
    expect(refs(await list(h, '?q=excel'))).toEqual(['DEMO-2'])
    expect(refs(await list(h, '?q=expo'))).toEqual(['DEMO-2']) // the last word is a prefix
    expect(refs(await list(h, '?q=scanner%20driver'))).toEqual(['DEMO-3'])
    expect(refs(await list(h, '?q=demo-2'))).toEqual(['DEMO-2'])
    expect(refs(await list(h, '?q=zebra'))).toEqual([])
  })

  it('never errors on SQL or FTS syntax in q', async () => {
    const h = await agentHarness()
    await h.file({ description: 'Export "quoted" text; DROP TABLE' })
    const hostile = [
      '"',
      "'; DROP TABLE tickets; --",
      'NEAR(a b',
      'a OR',
      'AND',
      '*',
      '^x',
      'col:val',
      '(((',
      '-',
      '\u0000',
      '😀',
      'a'.repeat(500),
      'subject:export',
      '" OR 1=1 --',
    ]
    for (const q of hostile) {
      const res = await h.api(`/api/v1/tickets?q=${encodeURIComponent(q)}`)
      expect([q, res.status]).toEqual([q, 200])
    }
    expect(refs(await list(h, `?q=${encodeURIComponent('"quoted')}`))).toEqual(['DEMO-1'])
    expect((await list(h)).items).toHaveLength(1) // the table is still there
  })

  it('pages by keyset, stable while new tickets arrive', async () => {
    let clock = Date.parse('2026-11-24T08:00:00Z')
    const h = await agentHarness({ now: () => new Date((clock += 1000)) })
    for (let i = 0; i < 25; i++) await h.file({ description: `report ${i}` })
    const seen: string[] = []
    let cursor: string | null = null
    let round = 0
    do {
      const page = await list(h, `?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...refs(page))
      cursor = page.nextCursor
      // New tickets (some urgent) arrive between pages; they may sort before the cursor.
      await h.file({ description: `late ${round}`, blocking: round % 2 === 0 })
      round++
    } while (cursor)
    const original = Array.from({ length: 25 }, (_, i) => `DEMO-${i + 1}`)
    for (const ref of original) expect(seen.filter((r) => r === ref)).toHaveLength(1)
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('answers 400 for bad filters', async () => {
    const h = await agentHarness()
    for (const query of [
      '?limit=0',
      '?limit=101',
      '?limit=abc',
      '?status=lost',
      '?priority=urgent',
      '?updatedSince=yesterday',
      '?cursor=bm9wZQ',
    ]) {
      const res = await h.api(`/api/v1/tickets${query}`)
      expect([query, res.status]).toEqual([query, 400])
    }
  })
})
