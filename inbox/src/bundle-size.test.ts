import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const dist = new URL('../../server/dist/inbox/', import.meta.url)

/** A chunk and the chunks it imports statically (`from"./x.js"`), inbox.js aside. */
function staticImports(name: string, seen = new Set<string>()): Set<string> {
  seen.add(name)
  const text = readFileSync(new URL(name, dist), 'utf8')
  for (const [, dep] of text.matchAll(/from\s*"\.\/([\w-]+\.js)"/g))
    if (dep !== 'inbox.js' && !seen.has(dep!)) staticImports(dep!, seen)
  return seen
}

// The build (`npm run build`, run before the tests) makes these; a missing file fails here.
// inbox.js is what every agent loads first; the chunks beside it load when their page opens.
describe('the built inbox', () => {
  it('stays within its size budget: 30 KB gzip for the script, 6 KB for the styles', () => {
    const js = gzipSync(readFileSync(new URL('inbox.js', dist))).length
    const css = gzipSync(readFileSync(new URL('inbox.css', dist))).length
    expect(js).toBeLessThan(30 * 1024)
    expect(css).toBeLessThan(6 * 1024)
  })

  it('loads the ticket page, the admin screens and the one-time link page as chunks of their own', () => {
    const files = readdirSync(dist).filter((name) => name !== 'index.html')
    // What the server serves at /inbox/assets/: letters, digits, _ and -, then .js or .css.
    for (const name of files) expect(name).toMatch(/^[A-Za-z0-9_-]+\.(?:js|css)$/)
    const inbox = readFileSync(new URL('inbox.js', dist), 'utf8')
    for (const page of ['TicketPage', 'AdminPage', 'InvitePage', 'QueueTools', 'MacrosPage'])
      expect(inbox).toContain(`import("./${page}.js")`)
    // The admin screens' strings come with them, not with every agent's inbox; so do the queue
    // tools'.
    expect(inbox).not.toContain('Revoke the token')
    expect(inbox).not.toContain('Keyboard shortcuts')
    const chunks = files.filter((name) => name.endsWith('.js') && name !== 'inbox.js')
    expect(chunks).toEqual(
      expect.arrayContaining(['TicketPage.js', 'AdminPage.js', 'InvitePage.js', 'QueueTools.js']),
    )
    // The ticket page with what only it uses; the queue's tools (bulk bar, saved views, the list
    // of shortcuts, the list beside a ticket) with what they use; the admin chunks (only admins
    // and invited people) apart.
    const gzip = (names: string[]) =>
      names.reduce((sum, name) => sum + gzipSync(readFileSync(new URL(name, dist))).length, 0)
    const ticket = [...staticImports('TicketPage.js')]
    const tools = [...staticImports('QueueTools.js')]
    const macros = [...staticImports('MacrosPage.js')]
    // The screenshot's viewer, fetched when the agent first opens an image.
    const viewer = [...staticImports('LightboxDialog.js')].filter((name) => !ticket.includes(name))
    expect(gzip(viewer)).toBeLessThan(3 * 1024)
    // The ticket page's styles come with it (inbox.css holds the queue's); so do the editor's.
    expect(gzip([...ticket, 'ticket.css'])).toBeLessThan(20 * 1024)
    expect(gzip([...macros.filter((name) => !ticket.includes(name)), 'ticket.css'])).toBeLessThan(
      6 * 1024,
    )
    expect(gzip([...tools, 'queue-tools.css'])).toBeLessThan(8 * 1024)
    const admin = chunks.filter(
      (name) => ![...ticket, ...tools, ...macros, ...viewer].includes(name),
    )
    expect(
      gzip([...admin, ...tools.filter((name) => staticImports('AdminPage.js').has(name))]),
    ).toBeLessThan(16 * 1024)
  })

  it('has a page that loads only its own files: no inline script the CSP would block', () => {
    const html = readFileSync(new URL('index.html', dist), 'utf8')
    expect(html).toContain('<script type="module" src="/inbox/assets/inbox.js"></script>')
    expect(html).toContain('<link rel="stylesheet" href="/inbox/assets/inbox.css">')
    expect(html.match(/<script/g)).toHaveLength(1)
    expect(html).not.toMatch(/\son[a-z]+=/i)
  })
})
