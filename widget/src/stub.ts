import { API_METHODS, type SnagboxApi } from './api.js'

/**
 * The snippet a host pastes before the widget's script tag, so it can call `Snagbox.*` at once:
 * each call is queued in `Snagbox.q` and replayed in order when the widget loads. Pasted twice, the
 * second copy does nothing (the queue is kept).
 */
export const STUB_SNIPPET =
  '!function(w,n){if(w[n])return;var q=[],s=w[n]={q:q};' +
  '"open close setUser setContext setApp on".split(" ").forEach(function(m){' +
  's[m]=function(){q.push([m,[].slice.call(arguments)])}})}(window,"Snagbox");'

/** A queued call: the method's name and its arguments. */
export type QueuedCall = [method: string, args: unknown[]]

/** The stub, before the widget has loaded: its queue, or nothing at all. */
export interface Stub {
  q?: QueuedCall[]
  loaded?: boolean
  [method: string]: unknown
}

/**
 * Replays the stub's queued calls, in order, on the widget's API; then points the stub's own
 * methods at it, so a host that kept a reference to the stub reaches the widget too.
 */
export function replay(stub: Stub | undefined, api: Omit<SnagboxApi, 'loaded'>) {
  const queue = Array.isArray(stub?.q) ? stub.q.splice(0) : []
  for (const call of queue) {
    const [method, args] = Array.isArray(call) ? call : []
    const fn = API_METHODS.includes(method as never)
      ? (api[method as (typeof API_METHODS)[number]] as (...a: unknown[]) => unknown)
      : null
    if (fn) fn(...(Array.isArray(args) ? args : []))
    else console.warn(`[snagbox] unknown queued call: ${String(method)}`)
  }
  if (stub && typeof stub === 'object') for (const method of API_METHODS) stub[method] = api[method]
}
