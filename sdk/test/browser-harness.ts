/**
 * What the SDK's browser tests (e2e/sdk-*.test.ts) share: the SDK bundled for a page, test pages
 * served from a loopback port, free ports. Not part of the package.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const sdkEntry = fileURLToPath(new URL('../src/index.ts', import.meta.url))

/** The whole SDK, renderers included, as one script that sets `window.SnagboxSDK`. */
export async function bundleSdkForPage(): Promise<string> {
  const result = await build({
    entryPoints: [sdkEntry],
    bundle: true,
    format: 'iife',
    globalName: 'SnagboxSDK',
    platform: 'browser',
    conditions: ['source'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

export interface Served {
  url: string
  close(): Promise<void>
}

/** Serves fixed pages (`path → [content type, body]`) on 127.0.0.1; anything else is a 404. */
export async function servePages(
  pages: Record<string, [type: string, body: string | Buffer]>,
): Promise<Served> {
  const server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname]
    if (!page) return void res.writeHead(404).end()
    res.writeHead(200, { 'Content-Type': page[0], 'Cache-Control': 'no-store' }).end(page[1])
  })
  return listen(server)
}

export async function listen(server: Server, port = 0): Promise<Served> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A loopback port nothing listens on (yet). */
export async function freePort(): Promise<number> {
  const server = createServer()
  const served = await listen(server)
  await served.close()
  return Number(new URL(served.url).port)
}

/** A test page that loads the SDK (`window.SnagboxSDK`) before `head`'s own scripts. */
export const html = (body: string, head = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><script src="/sdk.js"></script>${head}</head><body>${body}</body></html>`
