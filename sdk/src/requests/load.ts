import { sdkError } from '../errors.js'
import type * as AddOn from './my-requests.js'
import type { RequestsContext } from './remembered.js'

type Call = keyof typeof AddOn
type Rest<K extends Call> = (typeof AddOn)[K] extends (
  ctx: RequestsContext,
  ...rest: infer R
) => unknown
  ? R
  : never
type Result<K extends Call> = Awaited<ReturnType<(typeof AddOn)[K]>>

/**
 * Calls the requests add-on (`myRequests`, `request`, `on('reply')`), loaded on first use: the
 * core only remembers what it sent. An add-on that cannot be loaded (offline) answers as a
 * network error: `{ ok: false, items: [], identity: null, error }` fits every call's result.
 */
export const requestsAddOn = <K extends Call>(
  call: K,
  ctx: RequestsContext,
  ...rest: Rest<K>
): Promise<Result<K>> =>
  import('./my-requests.js').then(
    (m) => (m[call] as (ctx: RequestsContext, ...rest: unknown[]) => Result<K>)(ctx, ...rest),
    (cause) =>
      ({
        ok: false,
        items: [],
        identity: null,
        error: sdkError('network_error', { message: String(cause) }),
      }) as never,
  )
