import type { ResolvedOptions } from '../options.js'
import type { Advice } from './console-advice.js'

/**
 * Tells the developer, once per client, what to fix. The words load only when needed (they
 * are no part of the core every page loads); a page that cannot load them says nothing.
 */
export const advise = (what: Advice, o: ResolvedOptions): Promise<void> =>
  import('./console-advice.js').then(
    (m) => m.tell(what, o),
    () => {},
  )
