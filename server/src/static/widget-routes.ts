import { Hono, type MiddlewareHandler } from 'hono'
import { locate } from '../locate.js'
import { serveFile } from './files.js'

/**
 * `GET /widget.js`, the script-tag widget, and `GET /widget/<file>`, the parts it loads when
 * needed. Any site may load them (the project key and its allowed origins decide who may send).
 */
export function widgetRoutes() {
  const root = locate('dist/widget')
  const app = new Hono()
  const crossOrigin: MiddlewareHandler = async (c, next) => {
    await next()
    c.header('Cross-Origin-Resource-Policy', 'cross-origin')
    c.header('Access-Control-Allow-Origin', '*')
  }
  // The entry keeps its name across releases, so it is revalidated; the parts it loads are not.
  app.get('/widget.js', crossOrigin, (c) =>
    serveFile(c, root, 'widget.js', 'public, max-age=300, must-revalidate'),
  )
  app.get('/widget/:file{[A-Za-z0-9._-]+}', crossOrigin, (c) =>
    serveFile(c, root, c.req.param('file'), 'public, max-age=31536000, immutable'),
  )
  return app
}
