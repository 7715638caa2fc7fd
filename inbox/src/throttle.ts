export interface Timers {
  now: () => number
  setTimer: (fn: () => void, ms: number) => unknown
  clearTimer: (timer: unknown) => void
}

const REAL_TIMERS: Timers = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}

/**
 * `fn` run at most once per `intervalMs`: the first request after a quiet spell at once, the
 * requests of a burst folded into one run at the end of the interval — so the last one is never
 * lost, and a hundred live events make two calls, not a hundred.
 *
 * @example
 * const refresh = throttle(() => void loadViews(), 1000)
 * refresh.request() // runs now; more requests within the second make one more run after it
 */
export function throttle(fn: () => void, intervalMs: number, timers: Timers = REAL_TIMERS) {
  let last = -Infinity
  let timer: unknown
  const run = () => {
    timer = undefined
    last = timers.now()
    fn()
  }
  return {
    request(): void {
      if (timer !== undefined) return
      const wait = last + intervalMs - timers.now()
      if (wait <= 0) run()
      else timer = timers.setTimer(run, wait)
    },
    cancel(): void {
      if (timer !== undefined) timers.clearTimer(timer)
      timer = undefined
    },
  }
}
