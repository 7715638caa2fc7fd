import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono, type Context } from 'hono'

/** The files of the built inbox (`rollup -c --environment ONLY:inbox`), by the name they are asked by. */
const ASSETS: Record<string, string> = {
  'inbox.js': 'text/javascript; charset=utf-8',
  'inbox.css': 'text/css; charset=utf-8',
}

export interface InboxOptions {
  /** The folder holding index.html, inbox.js and inbox.css; found next to the server when not given. */
  dir?: string
}

/**
 * The agent inbox: `GET /` and every client-side route below it answer index.html, `GET /assets/<file>`
 * the built script and styles. Mount it at `/inbox`.
 *
 * @example
 * app.route('/inbox', inboxRoutes())
 */
export function inboxRoutes(options: InboxOptions = {}) {
  const dir = options.dir ?? findInboxDir()
  const app = new Hono()
  const read = (name: string) => (dir && existsSync(join(dir, name)) ? readFileSync(join(dir, name)) : undefined)

  app.get('/assets/:file', (c) => {
    const name = c.req.param('file')
    const type = ASSETS[name]
    const body = type ? read(name) : undefined
    if (!type || !body) return c.text('Not found', 404)
    c.header('Content-Type', type)
    c.header('X-Content-Type-Options', 'nosniff')
    // Not content-hashed names: the browser asks again, and gets 304 when nothing changed.
    c.header('Cache-Control', 'no-cache')
    return c.body(new Uint8Array(body))
  })

  const page = (c: Context) => {
    const body = read('index.html')
    if (!body) return c.text('The inbox is not built: run `npm run build`.', 503)
    c.header('Cache-Control', 'no-cache')
    return c.html(body.toString('utf8'))
  }
  app.get('/', page)
  app.get('/*', page)
  return app
}

/** dist/inbox beside the running code: from the sources (src/inbox) or from the bundle (dist, dist/chunks). */
function findInboxDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [join(here, '../../dist/inbox'), join(here, 'inbox'), join(here, '../inbox')]
  return candidates.find((dir) => existsSync(join(dir, 'index.html')))
}
