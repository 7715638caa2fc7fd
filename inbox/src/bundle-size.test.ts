import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const dist = new URL('../../server/dist/inbox/', import.meta.url)

// The build (`npm run build`, run before the tests) makes these; a missing file fails here.
// inbox.js is what every agent loads; the chunks beside it only admins and invited people.
describe('the built inbox', () => {
  it('stays within its size budget: 30 KB gzip for the script, 6 KB for the styles', () => {
    const js = gzipSync(readFileSync(new URL('inbox.js', dist))).length
    const css = gzipSync(readFileSync(new URL('inbox.css', dist))).length
    expect(js).toBeLessThan(30 * 1024)
    expect(css).toBeLessThan(6 * 1024)
  })

  it('loads the admin screens and the one-time link page as chunks of their own, under 16 KB', () => {
    const files = readdirSync(dist).filter((name) => name !== 'index.html')
    // What the server serves at /inbox/assets/: letters, digits, _ and -, then .js or .css.
    for (const name of files) expect(name).toMatch(/^[A-Za-z0-9_-]+\.(?:js|css)$/)
    const inbox = readFileSync(new URL('inbox.js', dist), 'utf8')
    expect(inbox).toContain('import("./AdminPage.js")')
    expect(inbox).toContain('import("./InvitePage.js")')
    // The admin screens' strings come with them, not with every agent's inbox.
    expect(inbox).not.toContain('Revoke the token')
    const chunks = files.filter((name) => name.endsWith('.js') && name !== 'inbox.js')
    expect(chunks).toEqual(expect.arrayContaining(['AdminPage.js', 'InvitePage.js']))
    const gzip = chunks.reduce(
      (sum, name) => sum + gzipSync(readFileSync(new URL(name, dist))).length,
      0,
    )
    expect(gzip).toBeLessThan(16 * 1024)
  })

  it('has a page that loads only its own files: no inline script the CSP would block', () => {
    const html = readFileSync(new URL('index.html', dist), 'utf8')
    expect(html).toContain('<script type="module" src="/inbox/assets/inbox.js"></script>')
    expect(html).toContain('<link rel="stylesheet" href="/inbox/assets/inbox.css">')
    expect(html.match(/<script/g)).toHaveLength(1)
    expect(html).not.toMatch(/\son[a-z]+=/i)
  })
})
