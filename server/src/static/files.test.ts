import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test/harness.js'
import { ApiError } from '../errors.js'
import { serveFile } from './files.js'

function app(root: string | undefined) {
  const a = new Hono()
  a.get('/files/:file{.+}', (c) => serveFile(c, root, c.req.param('file'), 'public, max-age=60'))
  a.onError((err, c) => c.json({ code: (err as ApiError).code }, (err as ApiError).status as 404))
  return a
}

describe('serveFile', () => {
  const root = tempDir()
  mkdirSync(join(root, 'sub'))
  writeFileSync(join(root, 'widget.js'), 'console.log(1)')
  writeFileSync(join(root, 'sub', 'style.css'), 'a{}')
  writeFileSync(join(root, 'secret.db'), 'not for the web')
  writeFileSync(join(root, '..', 'outside.js'), 'nope')

  it('serves a file with its type, caching headers and nosniff, and answers 304 to a matching ETag', async () => {
    const res = await app(root).request('/files/widget.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=60')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toBe('console.log(1)')
    const again = await app(root).request('/files/widget.js', {
      headers: { 'If-None-Match': res.headers.get('etag')! },
    })
    expect(again.status).toBe(304)
    expect((await app(root).request('/files/sub/style.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    )
  })

  it('never serves outside its folder, unknown types, folders or missing files', async () => {
    for (const path of [
      '/files/../outside.js',
      '/files/%2e%2e/outside.js',
      '/files/..%2Foutside.js',
      '/files/secret.db',
      '/files/sub',
      '/files/missing.js',
    ]) {
      const res = await app(root).request(path)
      expect([path, res.status]).toEqual([path, 404])
    }
    expect((await app(undefined).request('/files/widget.js')).status).toBe(404)
  })
})
