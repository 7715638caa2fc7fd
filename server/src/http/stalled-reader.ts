import type { HttpBindings } from '@hono/node-server'
import type { Context } from 'hono'
import type { SSEMessage, SSEStreamingApi } from 'hono/streaming'

/**
 * The writes of an event stream whose reader may stop reading. A write waits while the
 * connection's buffers are full (so what waits stays the stream's to bound); one the reader has
 * not taken within `stallMs` drops the connection — nothing else would end it, as a client that
 * keeps a connection open and never reads holds it, its buffers and its listeners for good.
 * Each write says whether it was taken.
 *
 * @example
 * const write = stallGuard(c, stream, 30_000)
 * if (!(await write.sse({ event: 'ready', data: '{}' }))) return
 */
export function stallGuard(c: Context, stream: SSEStreamingApi, stallMs: number) {
  const within = async (written: Promise<unknown>): Promise<boolean> => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const taken = await Promise.race([
      written.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), stallMs))),
    ])
    clearTimeout(timer)
    if (taken) return !stream.aborted
    // The socket itself, when there is one: the end of the response would wait for the reader
    // too. The stream then sees the abort, as when a client hangs up.
    ;(c.env as Partial<HttpBindings> | undefined)?.outgoing?.destroy()
    stream.abort()
    return false
  }
  return {
    sse: (message: SSEMessage) => within(stream.writeSSE(message)),
    text: (text: string) => within(stream.write(text)),
  }
}
