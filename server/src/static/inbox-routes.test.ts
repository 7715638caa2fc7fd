import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../errors.js'
import { inboxRoutes } from './inbox-routes.js'

function mount(dir: string) {
  const app = new Hono().route('/inbox', inboxRoutes({ dir }))
  // What app.ts's onError does with the problems the routes throw.
  app.onError((err, c) =>
    err instanceof ApiError
      ? c.json(err.toProblem(), err.status as 404)
      : c.text('unexpected', 500),
  )
  return app
}

function built() {
  const dir = mkdtempSync(join(tmpdir(), 'snagbox-inbox-'))
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Snagbox Inbox</title><script type="module" src="/inbox/assets/inbox.js"></script>',
  )
  writeFileSync(join(dir, 'inbox.js'), 'console.log("inbox")')
  writeFileSync(join(dir, 'inbox.css'), 'body{}')
  writeFileSync(join(dir, 'secret.txt'), 'not served')
  return mount(dir)
}

describe('inboxRoutes', () => {
  it('answers the page at /inbox and at every client-side route below it', async () => {
    const app = built()
    for (const path of [
      '/inbox',
      '/inbox/',
      '/inbox/tickets/DEMO-4',
      '/inbox/tickets/DEMO-4?x=1',
    ]) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toContain('/inbox/assets/inbox.js')
    }
  })

  it('serves the script and the styles with their types, revalidated by ETag, and nothing else', async () => {
    const app = built()
    const js = await app.request('/inbox/assets/inbox.js')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await js.text()).toBe('console.log("inbox")')
    const again = await app.request('/inbox/assets/inbox.js', {
      headers: { 'If-None-Match': js.headers.get('etag')! },
    })
    expect(again.status).toBe(304)
    expect((await app.request('/inbox/assets/inbox.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    )
    for (const path of [
      '/inbox/assets/secret.txt',
      '/inbox/assets/..%2Fsecret.js',
      '/inbox/assets/index.html',
      '/inbox/assets/missing.js',
    ]) {
      expect((await app.request(path)).status, path).toBe(404)
    }
  })

  it('answers 404, not an empty page, when the inbox is not built', async () => {
    const app = mount(mkdtempSync(join(tmpdir(), 'snagbox-empty-')))
    expect((await app.request('/inbox')).status).toBe(404)
    expect((await app.request('/inbox/assets/inbox.js')).status).toBe(404)
  })
})
