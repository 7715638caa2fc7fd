import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { PROBLEM_CONTENT_TYPE } from '@snagbox/sdk/contract'
import { ApiError } from '../errors.js'

/**
 * Node's own clock for a request, set so that one whose headers and body have not all arrived
 * `timeoutMs` after its first byte is cut off: Node checks every open request, whether or not a
 * route is reading its body (JSON, multipart, the status page's forms alike), and stops nothing
 * that has arrived: a slow answer or a long event stream is not a slow request. Checked ten times
 * per timeout, at most once a second.
 *
 * @example
 * serve({ fetch: app.fetch, serverOptions: requestTimeouts(config.bodyTimeoutMs) })
 */
export function requestTimeouts(timeoutMs: number): ServerOptions {
  return {
    requestTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(timeoutMs / 10))),
  }
}

/**
 * Answers a request Node cut off for taking longer than `timeoutMs` with a 408 problem document
 * and closes its connection. Node's other refusals of malformed requests stay as Node words them.
 * Whatever a route had read of the body is dropped: its reader fails, and nothing is written.
 */
export function answerRequestTimeouts(server: Server, timeoutMs: number): void {
  // What Node itself consults (its socket's `_httpMessage`), kept through the public API: a
  // response under way on a socket can no longer be replaced by another.
  const answering = new WeakMap<Duplex, ServerResponse>()
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    answering.set(req.socket, res)
    res.once('finish', () => {
      if (answering.get(req.socket) === res) answering.delete(req.socket)
    })
  })
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || answering.get(socket)?.headersSent) return void socket.destroy()
    socket.end(err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? timedOut(timeoutMs) : nodeAnswer(err))
    // Closed once the answer is handed to the network (the client may still be sending); a client
    // that does not read gets a second to take it.
    const timer = setTimeout(() => socket.destroy(), 1000).unref()
    socket.once('finish', () => {
      clearTimeout(timer)
      socket.destroy()
    })
  })
}

function timedOut(timeoutMs: number): string {
  const problem = new ApiError(
    408,
    'request_timeout',
    `The request did not arrive within ${timeoutMs} ms; send it again`,
  ).toProblem()
  const body = JSON.stringify(problem)
  return [
    'HTTP/1.1 408 Request Timeout',
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n')
}

/** Node's answers to the malformed requests it refuses itself (`lib/_http_server.js`). */
function nodeAnswer(err: NodeJS.ErrnoException): string {
  const status =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? '431 Request Header Fields Too Large'
      : err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
        ? '413 Payload Too Large'
        : '400 Bad Request'
  return `HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`
}
