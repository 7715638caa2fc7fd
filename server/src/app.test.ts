import { describe, expect, it } from 'vitest'
import { harness } from '../test/harness.js'
import { createApp } from './app.js'
import { loadConfig } from './config.js'
import { openDatabase } from './db/client.js'
import { createProject } from './projects/store.js'

describe('app', () => {
  it('takes only the database and the configuration, and fills in the rest', async () => {
    const db = openDatabase(':memory:')
    const { key } = createProject(db, { name: 'Demo', prefix: 'DEMO' })
    const app = createApp({ db, config: loadConfig() })
    const res = await app.request('/api/v1/tickets', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Snagbox-Key': key },
      body: JSON.stringify({ description: 'Export fails' }),
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ reference: 'DEMO-1' })
  })

  it('answers /healthz when the database answers, 503 when it does not', async () => {
    const h = harness()
    const ok = await h.app.request('/healthz')
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ status: 'ok' })
    h.db.$client.close()
    const down = await h.app.request('/healthz')
    expect(down.status).toBe(503)
    expect(down.headers.get('content-type')).toBe('application/problem+json')
  })

  it('describes every route it answers in /api/openapi.json, and nothing else', async () => {
    const h = harness()
    const doc = await (await h.app.request('/api/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort()
    const served = [
      ...new Set(
        h.app.routes
          .filter((r) => r.method !== 'ALL')
          .map(
            (r) =>
              `${r.method} ${r.path
                .replace(/\/$/, '')
                .replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')
                .replace(/\/\*$/, '/{path}')}`,
          ),
      ),
    ].sort()
    expect(served.length).toBeGreaterThan(3)
    expect(documented).toEqual(served)
  })

  it('sends security headers, and no referrer ever', async () => {
    const res = await harness().app.request('/healthz')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('answers unknown addresses and methods with a 404 problem document', async () => {
    const h = harness()
    for (const [method, path] of [
      ['GET', '/nope'],
      ['DELETE', '/api/v1/tickets'],
      ['GET', '/api/v1/tickets/../../etc/passwd'],
    ] as const) {
      const res = await h.app.request(path, { method })
      expect(res.status).toBe(404)
      expect(await res.json()).toMatchObject({ status: 404, code: 'not_found' })
    }
  })
})
