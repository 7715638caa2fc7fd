import type { ResolvedOptions } from '../options.js'
import { pageWindow } from '../page-window.js'

/** What only the developer can fix, and the console says once per client. */
export type Advice = 'origin_not_allowed' | 'unknown_project_key' | 'not_verified'

// Said once per client: the project refusals (a key, a page) share one, an unverified user has its own.
const said = new WeakMap<ResolvedOptions, Set<'project' | 'identity'>>()

/** The console's words for what only the developer can fix. */
export function tell(what: Advice, o: ResolvedOptions): void {
  const topic = what === 'not_verified' ? 'identity' : 'project'
  let topics = said.get(o)
  if (!topics) said.set(o, (topics = new Set()))
  if (topics.has(topic)) return
  topics.add(topic)
  if (what === 'not_verified') {
    console.warn(
      `[snagbox] setUser: the signature of user ${o.user.id} is not valid for this project: its reports are kept without the user, and only this device's requests are listed. Sign the user id on your backend with the project's identity secret (hex HMAC-SHA256; snagbox project update --prefix <PREFIX> --identity-secret makes a new one).`,
    )
    return
  }
  const origin = pageWindow()?.location?.origin
  console.error(
    what === 'unknown_project_key'
      ? `[snagbox] ${o.endpoint} has no project with the key ${o.projectKey}: check the key`
      : `[snagbox] This page's origin ${origin} may not send reports to this project. Allow it: snagbox project update --prefix <PREFIX> --origin ${origin} (with its other --origin flags: the list is replaced)`,
  )
}
