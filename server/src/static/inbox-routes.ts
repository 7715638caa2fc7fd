import { Hono, type Context } from 'hono'
import { ApiError } from '../errors.js'
import { locate } from '../locate.js'
import { serveFile } from './files.js'

export interface InboxOptions {
  /** The folder holding index.html, inbox.js and inbox.css; `dist/inbox` beside the server when not given. */
  dir?: string
}

// Names don't carry a content hash: the browser asks again each time and gets 304 when unchanged.
const REVALIDATE = 'no-cache'

/**
 * The agent inbox, built by `rollup -c --environment ONLY:inbox`: `GET /` and every client-side
 * route below it (`/tickets/DEMO-4`) answer index.html, `GET /assets/<file>` the script and the
 * styles. Mount it at `/inbox`.
 *
 * @example
 * app.route('/inbox', inboxRoutes())
 */
export function inboxRoutes(options: InboxOptions = {}) {
  const root = options.dir ?? locate('dist/inbox')
  const app = new Hono()
  app.get('/assets/:file{[A-Za-z0-9_-]+\\.(?:js|css)}', (c) =>
    serveFile(c, root, c.req.param('file'), REVALIDATE),
  )
  const page = (c: Context) => {
    // A missing asset is a 404, never the page: a script tag must not get HTML.
    if (c.req.path.startsWith('/inbox/assets/'))
      throw new ApiError(404, 'not_found', 'There is nothing at this address')
    return serveFile(c, root, 'index.html', REVALIDATE)
  }
  app.get('/', page)
  app.get('/*', page)
  return app
}
