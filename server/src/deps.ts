import type { Context } from 'hono'
import { CredentialEnds } from './auth/credential-ends.js'
import type { Config } from './config.js'
import type { Db } from './db/client.js'
import { clientAddress } from './http/client-address.js'
import { recordNotifications } from './mail/notify.js'
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
  /** Where a logout (and later an admin's revocation) tells open streams their credential ended. */
  credentials: CredentialEnds
}

/** The dependencies a caller must give; the rest have defaults. */
export type SomeDeps = Pick<AppDeps, 'db' | 'config'> & Partial<AppDeps>

/** Whether every dependency is there already (as `appDeps` made them). */
export const isComplete = (deps: SomeDeps): deps is AppDeps =>
  !!(deps.now && deps.clientIp && deps.changes && deps.credentials)

/**
 * Fills in the defaults of the app's dependencies: the real clock, the client address, a feed of
 * committed changes (recording e-mails with them), the notice of ended credentials.
 *
 * @example
 * const deps = appDeps({ db: openDatabase(':memory:'), config: loadConfig() })
 */
export function appDeps(deps: SomeDeps): AppDeps {
  return {
    now: () => new Date(),
    clientIp: (c) => clientAddress(c, deps.config.trustProxy),
    changes: changeFeed(deps.config),
    credentials: new CredentialEnds(),
    ...deps,
  }
}

/**
 * A feed of committed changes that records, with each change, the e-mails it causes — when the
 * server sends e-mail at all (`--smtp-url`).
 */
export function changeFeed(config: Config): ChangeFeed {
  const changes = new ChangeFeed()
  if (config.mail.smtpUrl)
    changes.recordWith((tx, change) => recordNotifications(tx, change, config))
  return changes
}
