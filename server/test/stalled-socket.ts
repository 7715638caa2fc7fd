import { rmSync } from 'node:fs'
import { get, type IncomingMessage } from 'node:http'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { createAdaptorServer } from '@hono/node-server'
import type { Hono } from 'hono'
import { tempDir } from './harness.js'

/** Waits until `ready()` holds, checking every few milliseconds; throws after `ms`. */
export async function until(ready: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export interface SocketServer {
  path: string
  /** The server's side of each connection, in the order they came. */
  sockets: Socket[]
  close(): void
}

/**
 * Serves `app` on a Unix socket, whose buffers hold a fixed ~200 KB: loopback TCP grows its own
 * to megabytes, tens of thousands of events before a write of a stream has to wait.
 */
export function serveOnSocket(app: Pick<Hono, 'fetch'>): Promise<SocketServer> {
  const dir = tempDir()
  const path = join(dir, 'snagbox.sock')
  const server = createAdaptorServer({ fetch: app.fetch })
  const sockets: Socket[] = []
  server.on('connection', (socket: Socket) => sockets.push(socket))
  const close = () => {
    sockets.forEach((s) => s.destroy())
    server.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return new Promise((resolve) => server.listen(path, () => resolve({ path, sockets, close })))
}

/**
 * A raw connection that asks for an event stream (a GET of `route` with `headers`), reads up to
 * its `ready`, then stops reading, as a client that hangs or a hostile one does.
 */
export async function stopsReading(path: string, route: string, headers: Record<string, string>) {
  const socket = connect(path)
  const chunks: Buffer[] = []
  socket.on('data', (d: Buffer) => chunks.push(d))
  const lines = Object.entries({ Host: 'snagbox', ...headers, Connection: 'close' })
  socket.write(`GET ${route} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`)
  await until(() => Buffer.concat(chunks).includes('event: ready'), 'ready')
  socket.pause()
  return {
    /** Reads again, up to the end of the connection: all it was sent. */
    async rest(): Promise<string> {
      const closed = new Promise((resolve) => socket.once('close', resolve))
      socket.resume()
      await closed
      return Buffer.concat(chunks).toString()
    },
    destroy: () => socket.destroy(),
  }
}

/** A GET over the socket, its body read as it comes. */
export function getOver(path: string, route: string, headers: Record<string, string>) {
  let text = ''
  let response: IncomingMessage | undefined
  const answered = new Promise<IncomingMessage>((resolve) =>
    get({ socketPath: path, path: route, headers }, (res) => {
      response = res
      res.setEncoding('utf8')
      res.on('data', (d: string) => (text += d))
      resolve(res)
    }),
  )
  return { answered, text: () => text, close: () => response?.destroy() }
}

/** How many times `needle` is in `text`. */
export const count = (text: string, needle: string) => text.split(needle).length - 1
