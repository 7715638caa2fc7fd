import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { Context } from 'hono'
import { ApiError } from '../errors.js'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/**
 * Answers with a file from `root`, never from outside it; 404 for anything else. Only known
 * types are served, each with its own content type and `nosniff`.
 */
export async function serveFile(
  c: Context,
  root: string | undefined,
  file: string,
  cacheControl: string,
) {
  const type = TYPES[extname(file)]
  const path = root ? normalize(join(root, file)) : ''
  if (!root || !type || !path.startsWith(root.endsWith(sep) ? root : root + sep)) {
    throw new ApiError(404, 'not_found', 'There is nothing at this address')
  }
  const info = await stat(path).catch(() => undefined)
  if (!info?.isFile())
    throw new ApiError(
      404,
      'not_found',
      root ? 'There is nothing at this address' : 'Not built yet: run npm run build',
    )
  const etag = `"${info.size.toString(36)}-${info.mtimeMs.toString(36)}"`
  c.header('ETag', etag)
  c.header('Cache-Control', cacheControl)
  c.header('X-Content-Type-Options', 'nosniff')
  if (c.req.header('if-none-match') === etag) return c.body(null, 304)
  c.header('Content-Type', type)
  return c.body(await readFile(path))
}
