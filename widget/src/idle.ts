/**
 * Runs `fn` when the page is idle after its own load (`requestIdleCallback`, at most a few
 * seconds later), or soon after where the browser has no idle callback.
 *
 * @example
 * afterLoadWhenIdle(() => void loadTheDialog())
 */
export function afterLoadWhenIdle(fn: () => void) {
  const schedule = () =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(fn, { timeout: 4000 })
      : setTimeout(fn, 1500)
  if (document.readyState === 'complete') schedule()
  else window.addEventListener('load', schedule, { once: true })
}
