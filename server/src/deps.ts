import type { Context } from 'hono'
import type { Config } from './config.js'
import type { Db } from './db/client.js'
import { clientAddress } from './http/client-address.js'
import { ChangeFeed } from './tickets/store/changes.js'

/** What the app and its jobs work with; built once at start by `appDeps`. */
export interface AppDeps {
  db: Db
  config: Config
  /** The clock; tests pass their own. */
  now: () => Date
  /** The client's address, for rate limits. */
  clientIp: (c: Context) => string
  /** Where the ticket store publishes every committed change: live events, and what comes. */
  changes: ChangeFeed
}

/**
 * Fills in the defaults of the app's dependencies: the real clock, the client address, a feed of
 * committed changes.
 *
 * @example
 * const deps = appDeps({ db: openDatabase(':memory:'), config: loadConfig() })
 */
export function appDeps(deps: Pick<AppDeps, 'db' | 'config'> & Partial<AppDeps>): AppDeps {
  return {
    now: () => new Date(),
    clientIp: (c) => clientAddress(c, deps.config.trustProxy),
    changes: new ChangeFeed(),
    ...deps,
  }
}
