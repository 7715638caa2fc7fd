/** Rejects with `reason` when `promise` has not settled within `ms`; the timer never outlives it. */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  reason: unknown = 'timeout',
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(reason), ms)
  })
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer))
}
