/**
 * The idle wait of a Server-Sent Events loop: until `ms` have passed, or until `wake()` (news
 * came, the client left, a credential ended) — whichever is first. One wait at a time.
 *
 * @example
 * const idle = idleWait()
 * changes.subscribe(() => idle.wake())
 * await idle.until(25_000)
 */
export function idleWait() {
  let wake: (() => void) | undefined
  return {
    wake: () => wake?.(),
    async until(ms: number): Promise<void> {
      let timer: ReturnType<typeof setTimeout> | undefined
      await new Promise<void>((resolve) => {
        wake = resolve
        timer = setTimeout(resolve, Math.max(0, ms))
      })
      clearTimeout(timer)
      wake = undefined
    },
  }
}
