#!/usr/bin/env node
// Serves the built example (building it first if dist/ is missing):
//
//   node examples/bundler-app/serve.mjs      → http://127.0.0.1:8789/
//
// Reports go to `npm start`'s server and demo project unless SNAGBOX_ENDPOINT and SNAGBOX_KEY say
// otherwise; PORT changes the port. The page's origin must be one of the project's allowed origins.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = fileURLToPath(new URL('./dist/', import.meta.url))
const port = Number(process.env.PORT ?? 8789)
const endpoint = process.env.SNAGBOX_ENDPOINT ?? 'http://127.0.0.1:8787'
const key = process.env.SNAGBOX_KEY ?? 'pk_demo_snagbox_local'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
}

if (!existsSync(join(dist, 'index.html'))) {
  const { build } = await import('./build.mjs')
  await build()
}

const attribute = (value) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The page, with where reports go filled in. */
async function page() {
  const html = await readFile(join(dist, 'index.html'), 'utf8')
  return html
    .replace(/(<meta name="snagbox-endpoint" content=")[^"]*/, `$1${attribute(endpoint)}`)
    .replace(/(<meta name="snagbox-key" content=")[^"]*/, `$1${attribute(key)}`)
}

const server = createServer(async (req, res) => {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return void res.writeHead(405, { Allow: 'GET, HEAD' }).end()
    const { pathname } = new URL(req.url ?? '/', 'http://localhost')
    const type = TYPES[extname(pathname)]
    // Any path without a file extension is a route of the single-page app: the page itself.
    if (pathname === '/' || pathname === '/index.html' || !extname(pathname)) {
      const body = await page()
      return void res
        .writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-cache' })
        .end(req.method === 'HEAD' ? undefined : body)
    }
    const file = normalize(join(dist, decodeURIComponent(pathname)))
    const body =
      type && file.startsWith(dist.endsWith(sep) ? dist : dist + sep)
        ? await readFile(file).catch(() => null)
        : null
    if (!body) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
    // Chunks are named by their content's hash: cached for good. The entry keeps its name.
    const cache = pathname.startsWith('/chunks/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache'
    res
      .writeHead(200, {
        'Content-Type': type,
        'Cache-Control': cache,
        'X-Content-Type-Options': 'nosniff',
      })
      .end(req.method === 'HEAD' ? undefined : body)
  } catch (error) {
    console.error(error)
    if (!res.headersSent) res.writeHead(500).end()
  }
})

server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address()
  console.log(
    `Kvant Energo (bundler example) on http://127.0.0.1:${bound}/ — reports go to ${endpoint}`,
  )
})
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => server.close(() => process.exit(0)))
