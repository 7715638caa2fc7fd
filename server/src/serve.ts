import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { createApp } from './app.js'
import { appDeps } from './deps.js'
import { answerRequestTimeouts, requestTimeouts } from './http/request-timeout.js'
import { startInboundMail } from './mail/inbound/inbound-jobs.js'
import { startMailSender } from './mail/sender.js'
import { startAutoClose } from './tickets/auto-close.js'
import type { Config } from './config.js'
import type { Db } from './db/client.js'

export interface RunningServer {
  url: string
  server: ServerType
  /** Stops accepting connections, lets in-flight requests finish (at most `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>
}

/**
 * Listens with the Snagbox app on `config.host:config.port`.
 *
 * @example
 * const running = await startServer(openDatabase(config.db), config)
 * console.log(running.url)
 */
export function startServer(db: Db, config: Config): Promise<RunningServer> {
  const deps = appDeps({ db, config })
  const app = createApp(deps)
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        hostname: config.host,
        port: config.port,
        serverOptions: requestTimeouts(config.bodyTimeoutMs),
      },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
        const stopAutoClose = startAutoClose(deps)
        const mail = config.mail.smtpUrl ? startMailSender(deps) : null
        const inbound = startInboundMail(deps)
        const close = async (graceMs?: number) => {
          stopAutoClose()
          await inbound.stop()
          await drain(server, graceMs)
          await mail?.stop()
        }
        resolve({ url: `http://${host}:${info.port}`, server, close })
      },
    )
    answerRequestTimeouts(server as import('node:http').Server, config.bodyTimeoutMs)
    server.once('error', reject)
  })
}

function drain(server: ServerType, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const http = server as import('node:http').Server
    const timer = setTimeout(() => http.closeAllConnections(), graceMs)
    // Keep-alive connections hold close() open: drop each as soon as it has no request in flight.
    const idle = setInterval(() => http.closeIdleConnections(), 50)
    http.close(() => {
      clearTimeout(timer)
      clearInterval(idle)
      resolve()
    })
    http.closeIdleConnections()
  })
}

/** On SIGTERM or SIGINT: finish in-flight requests, close the database, exit 0. */
export function stopOnSignals(running: RunningServer, db: Db): void {
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.error(`Snagbox: ${signal}, finishing in-flight requests…`)
    await running.close()
    try {
      // As SQLite advises before a long-lived connection closes: statistics for what it queried.
      db.$client.pragma('optimize')
    } catch (err) {
      console.error('Snagbox: updating the query planner statistics failed:', err)
    }
    db.$client.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}
