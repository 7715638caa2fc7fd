import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const dist = new URL('../../server/dist/inbox/', import.meta.url)

// The build (`npm run build`, run before the tests) makes these; a missing file fails here.
describe('the built inbox', () => {
  it('stays within its size budget: 30 KB gzip for the script, 6 KB for the styles', () => {
    const js = gzipSync(readFileSync(new URL('inbox.js', dist))).length
    const css = gzipSync(readFileSync(new URL('inbox.css', dist))).length
    expect(js).toBeLessThan(30 * 1024)
    expect(css).toBeLessThan(6 * 1024)
  })

  it('has a page that loads only its own files: no inline script the CSP would block', () => {
    const html = readFileSync(new URL('index.html', dist), 'utf8')
    expect(html).toContain('<script type="module" src="/inbox/assets/inbox.js"></script>')
    expect(html).toContain('<link rel="stylesheet" href="/inbox/assets/inbox.css">')
    expect(html.match(/<script/g)).toHaveLength(1)
    expect(html).not.toMatch(/\son[a-z]+=/i)
  })
})
