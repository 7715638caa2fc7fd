import { Listeners } from '../listeners.js'

/** A credential that stopped working: a session (by its hash), an API token, or a whole agent. */
export type EndedCredential =
  { kind: 'session'; hash: string } | { kind: 'token'; id: string } | { kind: 'agent'; id: string }

/**
 * Tells what holds a credential open — an event stream — that it ended in this process (a
 * logout), so it closes at once. A credential ended by another process (`snagbox token revoke`,
 * `agent disable`) is not heard here: streams also re-check theirs every few seconds.
 *
 * @example
 * const ends = new CredentialEnds()
 * const stop = ends.subscribe((ended) => ended.kind === 'token' && console.log(ended.id))
 * ends.end({ kind: 'token', id: tokenId })
 */
export class CredentialEnds extends Listeners<EndedCredential> {
  constructor() {
    super('ended credentials')
  }

  end(ended: EndedCredential): void {
    this.notify(ended)
  }
}
